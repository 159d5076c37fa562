"""Export of a government's organisation and employees in the import template's columns.

An export imports again without errors (into the same government it changes nothing, into an
empty one it recreates the organisation). Each sheet is one query, streamed with .iterator().
No text is exported as a formula (`transfer.formulas`).
The employee sheet has one row per placement (history included) and one row for each employee
without any placement.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from sikerja.organization.models import Employee, Government, OrgUnit, Position
from sikerja.organization.transfer.columns import Sheet, header
from sikerja.organization.transfer.formulas import csv_escape, xlsx_cell
from sikerja.organization.transfer.template import guide_write, sheet_start, workbook_bytes

Cell = str | dt.date | None
CHUNK = 2000


def export_xlsx(*, government: Government) -> bytes:
    """The whole organisation and its employees as an XLSX workbook in the template's layout."""
    workbook = Workbook(write_only=True)
    guide_write(workbook)
    for sheet in Sheet:
        worksheet = sheet_start(workbook, sheet)
        for row in sheet_rows(government, sheet):
            worksheet.append([_xlsx_cell(worksheet, cell) for cell in row])
    return workbook_bytes(workbook)


def _xlsx_cell(worksheet: WriteOnlyWorksheet, value: Cell) -> Cell | WriteOnlyCell:
    """Text as a text cell: openpyxl would otherwise store `=...` as a live formula."""
    return xlsx_cell(worksheet, value)


def export_csv(*, government: Government, sheet: Sheet | str) -> str:
    """One sheet as CSV text (comma-separated, header row first); encode it as UTF-8."""
    sheet = Sheet.of(sheet)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(sheet))
    for row in sheet_rows(government, sheet):
        writer.writerow(
            [
                ""
                if cell is None
                else cell.isoformat()
                if isinstance(cell, dt.date)
                else csv_escape(cell)
                for cell in row
            ]
        )
    return buffer.getvalue()


def sheet_rows(government: Government, sheet: Sheet) -> Iterator[list[Cell]]:
    """The rows of one sheet, in the order of its header (one query)."""
    if sheet == Sheet.UNIT:
        return _unit_rows(government)
    if sheet == Sheet.POSITION:
        return _position_rows(government)
    return _employee_rows(government)


def _yes_no(value: bool) -> str:
    return "ya" if value else "tidak"


def _unit_rows(government: Government) -> Iterator[list[Cell]]:
    units = (
        OrgUnit.objects.filter(government=government)
        .select_related("agency", "parent")
        .order_by("agency__code", "path")
    )
    for unit in units.iterator(chunk_size=CHUNK):
        yield [
            unit.agency.code,
            unit.agency.name,
            unit.agency.agency_type,
            unit.name,
            unit.parent.name if unit.parent is not None else None,
            unit.unit_type,
            _yes_no(unit.is_work_unit),
            _yes_no(unit.is_independent),
            *_agency_placement(unit),
        ]


def _agency_placement(unit: OrgUnit) -> list[Cell]:
    """The agency's urusan and placement table, on its root row only."""
    if unit.parent_id is not None:
        return [None, None, None]
    agency = unit.agency
    return [
        ",".join(agency.affairs) or None,
        agency.placement_table or None,
        agency.placement_override_reason or None,
    ]


def _position_rows(government: Government) -> Iterator[list[Cell]]:
    positions = (
        Position.objects.filter(government=government)
        .select_related("unit__agency")
        .order_by("unit__agency__code", "unit__path", "pk")
    )
    for position in positions.iterator(chunk_size=CHUNK):
        yield [
            position.unit.agency.code,
            position.unit.name,
            position.title,
            position.kind,
            position.grade or None,
            position.jf_name or None,
            position.track or None,
            _yes_no(position.is_head),
        ]


def _employee_rows(government: Government) -> Iterator[list[Cell]]:
    # The regional head is a Pejabat Negara, not a Pegawai ASN of the file (ADR 0008).
    rows = (
        Employee.objects.filter(government=government)
        .exclude(employment_type=Employee.EmploymentType.PEJABAT_NEGARA)
        .order_by("nip", "placements__valid_from", "placements__pk")
        .values_list(
            "nip",
            "name",
            "front_title",
            "back_title",
            "employment_type",
            "email",
            "placements__position__unit__agency__code",
            "placements__position__unit__name",
            "placements__position__title",
            "placements__kind",
            "placements__valid_from",
            "placements__valid_to",
            "placements__decision_number",
            "placements__decision_date",
            "placements__decided_by",
        )
    )
    for row in rows.iterator(chunk_size=CHUNK):
        # The login column asks for new logins: an export leaves it empty, so it imports back.
        yield [*(value if value != "" else None for value in row), None]
