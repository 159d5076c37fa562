"""Helpers for the import/export tests (no tests here): workbooks and model counts."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from openpyxl import Workbook

from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Agency, Employee, OrgUnit, Placement, Position
from sikerja.organization.transfer import COLUMNS, Sheet

COUNTED = (Agency, OrgUnit, Position, Employee, Placement, AuditEvent)


def xlsx(*, indonesian: bool = False, **sheets: Sequence[Mapping[str, object]]) -> bytes:
    """A workbook with the given sheets; each row is a dict of column key -> value. The sheets
    and headers are named as the template names them (indonesian) or as earlier ones did."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = Sheet.of(name)
        worksheet = workbook.create_sheet(sheet.label if indonesian else sheet.value)
        columns = COLUMNS[sheet]
        worksheet.append([column.name if indonesian else column.key for column in columns])
        for row in rows:
            worksheet.append([row.get(column.key) for column in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_text(sheet: str, rows: Sequence[Mapping[str, object]], delimiter: str = ",") -> bytes:
    keys = [column.key for column in COLUMNS[Sheet(sheet)]]
    lines = [delimiter.join(keys)]
    lines += [
        delimiter.join("" if row.get(key) is None else str(row[key]) for key in keys)
        for row in rows
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


def counts() -> dict[str, int]:
    """Rows of every table an import writes (plus audit events)."""
    return {model.__name__: model.objects.count() for model in COUNTED}


def placement_row(
    nip: str, name: str, agency: str, unit: str, title: str, **extra: object
) -> dict[str, object]:
    """An employee row placed definitively from 2025-01-02 by a complete decision."""
    row: dict[str, object] = {
        "nip": nip,
        "name": name,
        "employment_type": "PPPK" if nip[12:14] == "21" else "PNS",
        "agency_code": agency,
        "unit_name": unit,
        "position_title": title,
        "valid_from": "2025-01-02",
        "decision_number": "821.2/001/BKPSDM/2025",
        "decision_date": "2024-12-20",
        "decided_by": "Wali Kota",
    }
    row.update(extra)
    return row
