"""Import of last year's PK and RHK from XLSX (issue item 9), all or nothing: every problem is
named by sheet, row and column, and a file with any problem writes nothing.

What it writes, for a past year: each unit's PK (a new current version, its head as the file
names them) with its indicators, and each employee's SKP of that year in the position they held
last that year, as a draft their appraiser of record approves on WF-SKP as usual, with its RHK
and indicators. A main RHK names the RHK it cascades from (P-CASCADING): an RHK of the
appraiser's SKP of that year, or an indicator of a PK the employee heads, in the file or saved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from sikerja.audit.services import event_record
from sikerja.core.errors import PermissionDenied
from sikerja.organization.models import Employee, Government, OrgUnit, Placement
from sikerja.organization.resolver import Resolver
from sikerja.organization.rules import Actor, may_change_organization
from sikerja.organization.transfer.problems import ImportRejected
from sikerja.organization.transfer.xlsx_reader import UnreadableWorkbook, read_xlsx
from sikerja.performance.models import PerformanceAgreement, PkIndicator, Rhk, RhkIndicator, Skp
from sikerja.performance.xlsx.read import (
    PK_COLUMNS,
    PK_SHEET,
    RHK_COLUMNS,
    RHK_SHEET,
    Found,
    Record,
    file_problem,
    records,
)
from sikerja.regulations.loader import load_pack
from sikerja.regulations.performance import stated_rule
from sikerja.regulations.schema.performance import Cascading

KINDS = {"utama": Rhk.Kind.UTAMA, "tambahan": Rhk.Kind.TAMBAHAN}
APPROACHES = {"kuantitatif": "KUANTITATIF", "kualitatif": "KUALITATIF"}

__all__ = ["ImportRejected", "import_performance_xlsx"]


def _employees(government: Government, rows: Iterable[Record], column: str) -> dict[str, Employee]:
    nips = {row.cells[column] for row in rows}
    return {e.nip: e for e in Employee.objects.filter(government=government, nip__in=nips)}


def _units(government: Government, rows: list[Record]) -> dict[tuple[str, str], OrgUnit]:
    codes = {row.cells["Kode Perangkat Daerah"] for row in rows}
    units = OrgUnit.objects.filter(government=government, agency__code__in=codes)
    return {(u.agency.code, u.name): u for u in units.select_related("agency")}


def _write_pks(found: Found, government: Government, rows: list[Record], on: dt.date) -> int:
    """One new current PK per unit and year, its indicators in the file's order."""
    units, heads = _units(government, rows), _employees(government, rows, "NIP Pimpinan")
    groups: dict[tuple[int, int, int], list[Record]] = defaultdict(list)
    for row in rows:
        unit = units.get((row.cells["Kode Perangkat Daerah"], row.cells["Nama Unit"]))
        head = heads.get(row.cells["NIP Pimpinan"])
        if unit is None:
            found.add(
                PK_SHEET, row.row, "Nama Unit", "import_unknown_unit", _("Unit tidak dikenal.")
            )
        if head is None:
            found.add(
                PK_SHEET, row.row, "NIP Pimpinan", "import_unknown_nip", _("NIP tidak dikenal.")
            )
        if unit is not None and head is not None:
            groups[(unit.pk, row.year, head.pk)].append(row)
    for (unit_id, year, head_id), group in groups.items():
        current = PerformanceAgreement.objects.select_for_update().filter(
            unit_id=unit_id, kind=PerformanceAgreement.Kind.UNIT, year=year, is_current=True
        )
        version = 1 + max((pk.version for pk in current), default=0)
        current.update(is_current=False)
        agreement = PerformanceAgreement.objects.create(
            government=government,
            unit_id=unit_id,
            kind=PerformanceAgreement.Kind.UNIT,
            year=year,
            version=version,
            head_id=head_id,
            set_on=on,
        )
        PkIndicator.objects.bulk_create(
            PkIndicator(
                government_id=agreement.government_id,
                agreement=agreement,
                seq=n,
                objective=r.cells["Sasaran"],
                indicator=r.cells["Indikator Kinerja"],
                target=r.cells["Target"],
            )
            for n, r in enumerate(group, start=1)
        )
    return len(groups)


def _last_placement(employee: Employee, year: int) -> Placement | None:
    """The employee's last placement held during the year (definitive before acting)."""
    return (
        Placement.objects.filter(employee=employee, valid_from__lte=dt.date(year, 12, 31))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=dt.date(year, 1, 1)))
        .select_related("position")
        .order_by("-valid_from", "kind")
        .first()
    )


def _skp_of(
    found: Found, resolver: Resolver, employee: Employee, year: int, row: int
) -> Skp | None:
    """The employee's draft SKP of the year in the last position held that year."""
    placement = _last_placement(employee, year)
    if placement is None:
        found.add(
            RHK_SHEET,
            row,
            "NIP",
            "no_placement",
            _("Tidak menduduki jabatan pada tahun %(year)d.") % {"year": year},
        )
        return None
    if Skp.objects.filter(employee=employee, position=placement.position, year=year).exists():
        found.add(
            RHK_SHEET,
            row,
            "NIP",
            "skp_exists",
            _("SKP tahun %(year)s untuk jabatan ini sudah ada.") % {"year": year},
        )
        return None
    ends_on = dt.date(year, 12, 31)
    if placement.valid_to is not None and placement.valid_to <= ends_on:
        ends_on = placement.valid_to - dt.timedelta(days=1)
    answer = resolver.appraiser(employee.pk, ends_on)
    return Skp.objects.create(
        government_id=employee.government_id,
        employee=employee,
        position=placement.position,
        unit_id=placement.position.unit_id,
        year=year,
        starts_on=max(dt.date(year, 1, 1), placement.valid_from),
        ends_on=ends_on,
        appraiser_id=answer.person.employee_id if answer.person else None,
        appraiser_rule=answer.rule,
        appraiser_citation=answer.citation,
    )


def _rhk(found: Found, skp: Skp, seq: int, row: Record) -> Rhk | None:
    kind = KINDS.get(row.cells["Jenis RHK"].lower())
    approach = APPROACHES.get(row.cells["Aspek"].lower())
    if kind is None:
        found.add(RHK_SHEET, row.row, "Jenis RHK", "unknown_value", _("Isi Utama atau Tambahan."))
    if approach is None:
        found.add(
            RHK_SHEET, row.row, "Aspek", "unknown_value", _("Isi Kuantitatif atau Kualitatif.")
        )
    if kind is None or approach is None:
        return None
    rhk = Rhk.objects.create(
        government_id=skp.government_id,
        skp=skp,
        seq=seq,
        kind=kind,
        text=row.cells["Rencana Hasil Kerja"],
    )
    RhkIndicator.objects.create(
        government_id=rhk.government_id,
        rhk=rhk,
        seq=1,
        text=row.cells["Indikator Kinerja Individu"],
        approach=approach,
        target=row.cells["Target"],
    )
    return rhk


def _write_skps(
    found: Found, government: Government, rows: list[Record]
) -> list[tuple[Rhk, Record]]:
    """The SKPs with their RHK (not yet linked to what they cascade from)."""
    employees = _employees(government, rows, "NIP")
    resolver = Resolver(load_pack(government.pack_id))
    groups: dict[tuple[int, int], list[Record]] = defaultdict(list)
    for row in rows:
        employee = employees.get(row.cells["NIP"])
        if employee is None:
            found.add(RHK_SHEET, row.row, "NIP", "import_unknown_nip", _("NIP tidak dikenal."))
        else:
            groups[(employee.pk, row.year)].append(row)
    by_pk = {e.pk: e for e in employees.values()}
    written = []
    for (employee_id, year), group in groups.items():
        skp = _skp_of(found, resolver, by_pk[employee_id], year, group[0].row)
        for seq, row in enumerate(group, start=1):
            rhk = _rhk(found, skp, seq, row) if skp is not None else None
            if rhk is not None:
                written.append((rhk, row))
    return written


def _link(found: Found, government: Government, written: list[tuple[Rhk, Record]]) -> None:
    """P-CASCADING: each RHK naming its source is linked to it; a main RHK must name one."""
    rule = stated_rule(load_pack(government.pack_id), "P-CASCADING", Cascading)
    for rhk, row in written:
        source = row.cells.get("RHK Atasan yang Diintervensi", "")
        skp = rhk.skp
        parent = (
            Rhk.objects.filter(
                skp__employee_id=skp.appraiser_id, skp__year=skp.year, text=source
            ).first()
            if source and skp.appraiser_id
            else None
        )
        indicator = (
            PkIndicator.objects.filter(
                agreement__head_id=skp.employee_id,
                agreement__year=skp.year,
                agreement__is_current=True,
                indicator=source,
            ).first()
            if source and parent is None
            else None
        )
        if parent is not None:
            Rhk.objects.filter(pk=rhk.pk).update(parent=parent, cascade=Rhk.Cascade.DIRECT)
        elif indicator is not None:
            Rhk.objects.filter(pk=rhk.pk).update(pk_indicator=indicator)
        elif source or rhk.kind == Rhk.Kind.UTAMA:
            found.add(
                RHK_SHEET,
                row.row,
                "RHK Atasan yang Diintervensi",
                "rhk_cascade_source",
                _(
                    "RHK utama diturunkan dari RHK Pejabat Penilai Kinerja atau dari indikator Perjanjian Kinerja yang dipimpinnya pada tahun yang sama."
                ),
                rule=rule.rule_id,
                citation=rule.citation,
            )


def _rejection(found: Found) -> ImportRejected:
    order = {"": 0, PK_SHEET: 1, RHK_SHEET: 2}
    errors = sorted(found.errors, key=lambda e: (order.get(e.sheet, 9), e.row, e.column))
    return ImportRejected(
        code="import_rejected",
        message=_("Impor ditolak: %(rows)d baris bermasalah")
        % {"rows": len({(e.sheet, e.row) for e in errors})},
        errors=errors,
    )


@transaction.atomic(durable=True)
def import_performance_xlsx(
    *,
    actor: Actor,
    government: Government,
    data: bytes,
    filename: str,
    at: dt.datetime,
    on: dt.date,
) -> dict[str, int]:
    """Import last year's PK and RHK from an XLSX workbook, as a BKPSDM operator (V-39), all or
    nothing: returns the counts written, one audit event.

    Raises PermissionDenied, ImportRejected (every problem by sheet, row and column).
    """
    if not may_change_organization(actor, government.pk):
        raise PermissionDenied(_("Impor data kinerja dilakukan oleh operator BKPSDM."))
    found = Found()
    try:
        sheets = read_xlsx(data)
    except UnreadableWorkbook:
        file_problem(found, _("Berkas bukan buku kerja XLSX yang dapat dibaca."))
        raise _rejection(found) from None
    pk_rows = records(found, PK_SHEET, sheets.get(PK_SHEET, []), PK_COLUMNS, on)
    rhk_rows = records(found, RHK_SHEET, sheets.get(RHK_SHEET, []), RHK_COLUMNS, on)
    if PK_SHEET not in sheets and RHK_SHEET not in sheets:
        file_problem(found, _("Buku kerja tidak memuat lembar PK atau SKP."))
    counts = {"pk": _write_pks(found, government, pk_rows, on)}
    written = _write_skps(found, government, rhk_rows)
    _link(found, government, written)
    if found.errors:
        raise _rejection(found)  # the transaction rolls back: nothing is written
    counts.update(skp=len({rhk.skp_id for rhk, _row in written}), rhk=len(written))
    event_record(
        government_id=government.pk,
        actor_user_id=actor.user_id,
        actor_label=actor.label,
        action="performance.imported",
        object_type="performance.import",
        object_id=hashlib.sha256(data).hexdigest()[:16],
        at=at,
        after={"file": filename, **counts},
    )
    return counts
