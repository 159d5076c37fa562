"""Build scenarios: the seeded demo pemda, and an XLSX export imported into a new government."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from typing import NamedTuple

from django.core.management import call_command
from django.utils import timezone
from measure import Stat, once
from openpyxl import Workbook

from sikerja.organization.demo import DemoResult, generate
from sikerja.organization.models import Government
from sikerja.organization.rules import Actor
from sikerja.organization.services import government_create
from sikerja.organization.transfer import (
    ImportRejected,
    ImportResult,
    RowError,
    Sheet,
    export_xlsx,
    import_file,
)
from sikerja.organization.transfer.columns import COLUMNS
from sikerja.organization.transfer.export import sheet_rows
from sikerja.organization.transfer.template import guide_write, sheet_start, workbook_bytes

IMPORT_TARGET_MS = 30_000.0  # issue target: 50,000 rows in at most 30 s
IMPORT_KODE = "BENCH-IMPOR"
MAX_PASSES = 4
SMALL_KODE = "BENCH-1K"  # the small demo government of two_demos (logins prefixed with its kode)


class Demos(NamedTuple):
    small: DemoResult
    big: DemoResult
    at: dt.datetime
    on: dt.date


def migrate() -> None:
    """The empty database migrated, and its cache table made."""
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)


def two_demos(*, pack: str, small: int, big: int) -> Demos:
    """The start of the benches that measure at two sizes: the database migrated, and a demo of
    `small` employees (seed 2, kode SMALL_KODE) and one of `big` (seed 1), built as of now."""
    migrate()
    at, on = timezone.now(), timezone.localdate()
    return Demos(
        generate(
            pack_id=pack,
            employees=small,
            seed=2,
            at=at,
            on=on,
            kode=SMALL_KODE,
            username_prefix=True,
        ),
        generate(pack_id=pack, employees=big, seed=1, at=at, on=on),
        at,
        on,
    )


def demo(
    *,
    pack: str,
    employees: int,
    seed: int,
    at: dt.datetime,
    on: dt.date,
    kode: str | None = None,
    prefix: bool = False,
) -> tuple[DemoResult, Stat]:
    """generate(…) once, timed."""
    result, ms = once(
        lambda: generate(
            pack_id=pack,
            employees=employees,
            seed=seed,
            at=at,
            on=on,
            kode=kode,
            username_prefix=prefix,
        )
    )
    counts = result.counts
    note = (
        f"{counts['agencies']} PD, {counts['units']} units, {counts['positions']} positions, "
        f"{counts['placements']} placements"
    )
    stat = Stat(
        "build",
        f"demo.generate N={employees:,}",
        [ms],
        note=note,
        extra={"counts": counts, "kode": result.government.kode},
    )
    return result, stat


def _workbook(government: Government, keep: dict[Sheet, list[int]] | None) -> bytes:
    """The export again, keeping only the listed data rows (0-based) of each sheet."""
    workbook = Workbook(write_only=True)
    guide_write(workbook)
    for sheet in Sheet:
        worksheet = sheet_start(workbook, sheet)
        wanted = None if keep is None else set(keep[sheet])
        for index, row in enumerate(sheet_rows(government, sheet)):
            if wanted is None or index in wanted:
                worksheet.append(row)
    return workbook_bytes(workbook)


def _dependents(government: Government, dropped_positions: set[int]) -> set[int]:
    """Employee rows (0-based) placed in a dropped position row."""
    keys = [column.key for column in COLUMNS[Sheet.POSITION]]
    at = [keys.index(k) for k in ("agency_code", "unit_name", "title")]
    positions = {
        tuple(row[i] for i in at)
        for index, row in enumerate(sheet_rows(government, Sheet.POSITION))
        if index in dropped_positions
    }
    keys = [column.key for column in COLUMNS[Sheet.EMPLOYEE]]
    at = [keys.index(k) for k in ("agency_code", "unit_name", "position_title")]
    return {
        index
        for index, row in enumerate(sheet_rows(government, Sheet.EMPLOYEE))
        if tuple(row[i] for i in at) in positions
    }


def _import(target: Government, data: bytes, at: dt.datetime, on: dt.date) -> ImportResult:
    return import_file(
        actor=Actor.system(target.pk), government=target, data=data, filename="x.xlsx", at=at, on=on
    )


def xlsx_round_trip(*, government: Government, at: dt.datetime, on: dt.date) -> list[Stat]:
    """Export the government to XLSX, then import the file into a new empty government.

    An export should import again cleanly. When the import rejects rows, the rejected pass is
    reported (it read and checked every row) and the rows it names, with the employees placed
    in rejected positions, are left out of the next pass, up to MAX_PASSES passes.
    """
    data, export_ms = once(lambda: export_xlsx(government=government))
    target = government_create(
        kode=IMPORT_KODE,
        name=f"{government.name} (impor bench)",
        kind=government.kind,
        pack_id=government.pack_id,
        at=at,
    )
    counts = {sheet: sum(1 for _ in sheet_rows(government, sheet)) for sheet in Sheet}
    keep = {sheet: list(range(counts[sheet])) for sheet in Sheet}
    rows = ", ".join(f"{sheet} {n}" for sheet, n in counts.items())
    stats = [
        Stat(
            "import",
            "transfer.export_xlsx",
            [export_ms],
            note=f"{len(data) / 1e6:.1f} MB, rows {rows}",
            extra={"bytes": len(data), "rows": {str(s): n for s, n in counts.items()}},
        )
    ]
    for attempt in range(1, MAX_PASSES + 1):
        t0 = time.perf_counter()
        try:
            result = _import(target, data, at, on)
        except ImportRejected as rejected:
            stats.append(_rejected_stat(attempt, rejected, keep, _since(t0)))
            dependents = _dependents(government, _drop(keep, rejected.errors))
            keep[Sheet.EMPLOYEE] = [i for i in keep[Sheet.EMPLOYEE] if i not in dependents]
            data = _workbook(government, keep)
            continue
        left_out = {str(s): counts[s] - len(keep[s]) for s in Sheet if counts[s] != len(keep[s])}
        return [*stats, _accepted_stat(result, _since(t0), attempt, left_out)]
    return stats


def _since(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def _accepted_stat(result: ImportResult, ms: float, attempt: int, left_out: dict[str, int]) -> Stat:
    written = result.counts()
    return Stat(
        "import",
        f"transfer.import_file ({result.rows.get('employee', 0):,} employee rows)",
        [ms],
        target="<= 30 s",
        ok=ms <= IMPORT_TARGET_MS,
        note=", ".join(f"{key} {value}" for key, value in written.items() if value)
        + (f"; pass {attempt}, left out {left_out}" if left_out else ""),
        extra={"rows": result.rows, "written": written, "pass": attempt, "left_out": left_out},
    )


def _drop(keep: dict[Sheet, list[int]], errors: list[RowError]) -> set[int]:
    """Remove the rows named by the errors (sheet row n = data row n - 2 of this file) from
    `keep`; return the original indexes of the position rows removed."""
    named = {(Sheet(e.sheet), e.row) for e in errors}
    dropped_positions = set()
    for sheet in Sheet:
        drop = {
            keep[sheet][row - 2]
            for s, row in named
            if s == sheet and 2 <= row < len(keep[sheet]) + 2
        }
        keep[sheet] = [index for index in keep[sheet] if index not in drop]
        if sheet == Sheet.POSITION:
            dropped_positions = drop
    return dropped_positions


def _rejected_stat(
    attempt: int, rejected: ImportRejected, keep: dict[Sheet, list[int]], ms: float
) -> Stat:
    codes = Counter(f"{e.sheet}:{e.code}" for e in rejected.errors)
    return Stat(
        "import",
        f"transfer.import_file pass {attempt} REJECTED",
        [ms],
        note=f"{len(rejected.errors)} rows rejected of {sum(map(len, keep.values())):,}: {dict(codes)}",
        extra={"errors": [e.as_dict() for e in rejected.errors[:50]]},
    )
