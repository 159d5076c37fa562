"""The XLSX reader: the same values openpyxl reads, for the cell kinds a spreadsheet holds."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from sikerja.organization.transfer.xlsx_reader import UnreadableWorkbook, read_xlsx


def naive(year: int, month: int, day: int) -> dt.datetime:
    """A spreadsheet date cell as read: a datetime without a time zone."""
    return dt.datetime(year, month, day)  # noqa: DTZ001 - spreadsheet cells have no time zone


def saved(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sample() -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "employee"
    sheet.append(["nip", "name", "valid_from", "is_head", "count", "ratio"])
    sheet.append(["198001012005011001", "Ani", dt.date(2025, 1, 2), True, 3, 1.5])
    sheet["B4"] = "setelah baris kosong"
    sheet["B4"].font = Font(bold=True)
    sheet["F4"] = naive(2024, 12, 20)
    other = workbook.create_sheet("unit")
    other["C2"] = "kolom C saja"
    return workbook


def openpyxl_rows(data: bytes) -> dict[str, list[tuple[int, list[object]]]]:
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    result = {}
    for sheet in workbook.worksheets:
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = list(values)
            while cells and cells[-1] is None:
                cells.pop()
            if cells:
                rows.append((number, cells))
        result[sheet.title] = rows
    return result


def test_the_reader_returns_what_openpyxl_reads_with_row_numbers_and_gaps():
    data = saved(sample())

    rows = read_xlsx(data)

    assert rows == openpyxl_rows(data)
    assert rows["employee"][1] == (
        2,
        ["198001012005011001", "Ani", naive(2025, 1, 2), True, 3, 1.5],
    )
    assert rows["employee"][2] == (
        4,
        [None, "setelah baris kosong", None, None, None, naive(2024, 12, 20)],
    )
    assert rows["unit"] == [(2, [None, None, "kolom C saja"])]


def test_dates_of_a_1904_workbook_are_read_on_its_calendar():
    workbook = Workbook()
    workbook.epoch = CALENDAR_MAC_1904
    workbook.active.append([dt.date(2025, 1, 2)])

    rows = read_xlsx(saved(workbook))

    assert rows == {"Sheet": [(1, [naive(2025, 1, 2)])]}


@pytest.mark.parametrize(
    "data",
    [b"", b"PK\x03\x04 broken", b"plain text"],
    ids=["empty_case", "broken_zip_case", "text_case"],
)
def test_bytes_that_are_not_a_workbook_are_refused(data):
    with pytest.raises(UnreadableWorkbook):
        read_xlsx(data)
