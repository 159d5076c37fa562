"""import_file: an XLSX or CSV file of units, positions and employees, all or nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sikerja.audit.services import event_record
from sikerja.core.errors import StaleState
from sikerja.organization.access import access_changed
from sikerja.organization.models import Government
from sikerja.organization.rules import Actor
from sikerja.organization.services import _require_operator, pack_for
from sikerja.organization.transfer.columns import Sheet
from sikerja.organization.transfer.logins import NewLogin, logins_check, logins_write
from sikerja.organization.transfer.parse import ParsedFile, parse_file, read_file
from sikerja.organization.transfer.people_plan import PeoplePlan
from sikerja.organization.transfer.problems import Problems
from sikerja.organization.transfer.state import Org, org_load, people_load
from sikerja.organization.transfer.validate_org import positions_check, units_check
from sikerja.organization.transfer.validate_people import EmployeeSheet
from sikerja.organization.transfer.write import Written, org_write, people_write, placements_write
from sikerja.regulations.loader import LoadedPack

Progress = Callable[[int, int], None]
PASSES = 4  # every row is read, typed, checked and written
REPORT_EVERY = 1000


@dataclass(frozen=True)
class ImportResult:
    """What an accepted import wrote, with the file's name and SHA-256 and its row counts."""

    filename: str
    sha256: str
    rows: dict[str, int]
    written: Written

    def counts(self) -> dict[str, int]:
        return asdict(self.written)


class Meter:
    """Calls progress(done, total) about every 1,000 rows; total = data rows in the file.

    The import passes over every row four times (read, type, check, write), so `done` is the
    number of rows' worth of work finished: it rises by a quarter of a row per pass and ends at
    total. While a workbook is read, total is the workbook's own count of its rows.
    """

    def __init__(self, callback: Progress | None) -> None:
        self.callback = callback
        self.total = 0
        self.steps = 0
        self.next_report = REPORT_EVERY
        self.last = -1

    def reading(self, rows: int, about: int) -> None:
        """`rows` of about `about` rows read."""
        self.total, self.steps = about, rows
        self._tick()

    def start(self, total: int) -> None:
        """The file is read: `total` data rows, one pass of four done."""
        self.total, self.steps = total, total

    def advance(self, rows: int = 1) -> None:
        self.steps += rows
        self._tick()

    def _tick(self) -> None:
        done = min(self.steps // PASSES, self.total)
        if done >= self.next_report:
            self._report(done)
            self.next_report = (done // REPORT_EVERY + 1) * REPORT_EVERY

    def finish(self) -> None:
        self._report(self.total)

    def _report(self, done: int) -> None:
        if self.callback is not None and done != self.last:
            self.callback(done, self.total)
            self.last = done


def import_file(
    *,
    actor: Actor,
    government: Government,
    data: bytes,
    filename: str,
    at: dt.datetime,
    on: dt.date,
    progress: Progress | None = None,
) -> ImportResult:
    """Import units, positions and employees from an .xlsx or .csv file in the template.

    Every row is checked before anything is written: NIPs (format, duplicates in the file and
    against stored employees with another name), agencies, units and positions named, unit
    cycles, position kinds, dates and decisions. Any problem rejects the whole file. `on` is the
    import's day (no decision may be dated after it). One audit event records the import.

    Raises PermissionDenied (V-39: only BKPSDM operators), ImportRejected with every row error,
    StaleState when someone else wrote conflicting data at the same time.
    Implements: V-38, V-39, V-47, G30/V-48, T-KEDUDUKAN/V-40 (the checks the services apply).
    """
    pack = pack_for(government)
    _require_operator(actor, government, pack)
    problems = Problems()
    meter = Meter(progress)
    raw = read_file(data, filename, problems, meter.reading)
    meter.start(raw.total)
    parsed = parse_file(raw, problems, meter.advance)
    try:
        # Checks run inside the transaction, so nothing they read can change before the write.
        with transaction.atomic(durable=True):
            org, plan, logins = _check(government, pack, on, parsed, problems, meter)
            result = ImportResult(
                filename=filename,
                sha256=hashlib.sha256(data).hexdigest(),
                rows={sheet.value: len(parsed.rows(sheet)) for sheet in Sheet},
                written=_write(org, plan, logins, government, at, parsed, meter),
            )
            _audit(actor, government, result, at)
    except IntegrityError as exc:
        raise StaleState(_("Data organisasi berubah selama impor berjalan; ulangi impor.")) from exc
    meter.finish()
    return result


def _check(
    government: Government,
    pack: LoadedPack,
    on: dt.date,
    parsed: ParsedFile,
    problems: Problems,
    meter: Meter,
) -> tuple[Org, PeoplePlan, list[NewLogin]]:
    """Check every sheet against the stored data; raise ImportRejected with every problem."""
    org = org_load(government)
    units_check(org, parsed.rows(Sheet.UNIT), pack, problems)
    meter.advance(len(parsed.rows(Sheet.UNIT)))
    positions_check(org, parsed.rows(Sheet.POSITION), pack, problems)
    meter.advance(len(parsed.rows(Sheet.POSITION)))
    plan = PeoplePlan()
    logins: list[NewLogin] = []
    employees = parsed.rows(Sheet.EMPLOYEE)
    if employees:
        sheet = EmployeeSheet(org, people_load(government), pack, on, problems)
        plan = sheet.check(employees, meter.advance)
        logins = logins_check(plan, government, problems)
    if problems:
        raise problems.rejection()
    return org, plan, logins


def _write(
    org: Org,
    plan: PeoplePlan,
    logins: list[NewLogin],
    government: Government,
    at: dt.datetime,
    parsed: ParsedFile,
    meter: Meter,
) -> Written:
    org_write(org)
    meter.advance(len(parsed.rows(Sheet.UNIT)) + len(parsed.rows(Sheet.POSITION)))
    employee_rows = len(parsed.rows(Sheet.EMPLOYEE))
    employees_created, employees_updated = people_write(plan, government, at)
    meter.advance(employee_rows // 2)
    placements_write(plan, government, at)
    logins_created = logins_write(logins, government)
    access_changed(government_id=government.pk)
    meter.advance(employee_rows - employee_rows // 2)
    return Written(
        agencies_created=len(org.new_agencies),
        units_created=len(org.new_units),
        positions_created=len(org.new_positions),
        employees_created=employees_created,
        employees_updated=employees_updated,
        placements_created=len(plan.placements),
        placements_ended=len(plan.ended),
        logins_created=logins_created,
    )


def _audit(actor: Actor, government: Government, result: ImportResult, at: dt.datetime) -> None:
    event_record(
        government_id=government.pk,
        actor_user_id=actor.user_id,
        actor_label=actor.label,
        action="organization.imported",
        object_type="organization.government",
        object_id=str(government.pk),
        at=at,
        after={
            "filename": result.filename,
            "sha256": result.sha256,
            "rows": result.rows,
            **result.counts(),
        },
    )
