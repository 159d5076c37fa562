"""The blank template (XLSX with a 'petunjuk' sheet, or one CSV per sheet) and its layout."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from sikerja.organization.transfer.columns import (
    COLUMNS,
    GUIDE_SHEET,
    SHEET_DESCRIPTIONS,
    Kind,
    Sheet,
    comment_row,
    header,
)

BOLD = Font(bold=True)
GREY = Font(italic=True, color="808080")
WIDTHS = {Kind.NIP: 22, Kind.DATE: 14, Kind.BOOL: 12, Kind.TEXT: 26}


def template_xlsx() -> bytes:
    """The blank XLSX template: a guide sheet, then unit, position and employee with headers."""
    workbook = Workbook(write_only=True)
    guide_write(workbook)
    for sheet in Sheet:
        worksheet = sheet_start(workbook, sheet)
        worksheet.append([_cell(worksheet, text, GREY) for text in comment_row(sheet)])
    return workbook_bytes(workbook)


def template_csv(sheet: Sheet | str) -> str:
    """The blank CSV of one sheet: the header row and a comment row (skipped on import)."""
    sheet = Sheet.of(sheet)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(sheet))
    writer.writerow(comment_row(sheet))
    return buffer.getvalue()


def sheet_start(workbook: Workbook, sheet: Sheet) -> WriteOnlyWorksheet:
    """A data sheet with its header row, column widths, and the NIP column formatted as text."""
    worksheet = workbook.create_sheet(sheet.label)
    for index, column in enumerate(COLUMNS[sheet], start=1):
        dimension = worksheet.column_dimensions[get_column_letter(index)]
        dimension.width = WIDTHS[column.kind]
        if column.kind == Kind.NIP:
            dimension.number_format = "@"  # an 18-digit number would be rounded by Excel
    worksheet.freeze_panes = "A2"
    worksheet.append([_cell(worksheet, key, BOLD) for key in header(sheet)])
    return worksheet


def guide_write(workbook: Workbook) -> None:
    """The 'petunjuk' sheet: how the file is read, and every column with its allowed values."""
    worksheet = workbook.create_sheet(GUIDE_SHEET)
    for letter, width in zip("ABCDEFG", (12, 22, 26, 70, 50, 30, 20), strict=True):
        worksheet.column_dimensions[letter].width = width
    for line in _rules():
        worksheet.append([line])
    worksheet.append([])
    titles = [
        _("Lembar"),
        _("Kolom"),
        _("Wajib"),
        _("Keterangan"),
        _("Nilai yang diizinkan"),
        _("Contoh"),
        _("Nama lama (tetap diterima)"),
    ]
    worksheet.append([_cell(worksheet, title, BOLD) for title in titles])
    for sheet in Sheet:
        worksheet.append(
            [_cell(worksheet, sheet.label, BOLD), "", "", str(SHEET_DESCRIPTIONS[sheet])]
        )
        for column in COLUMNS[sheet]:
            worksheet.append(
                [
                    sheet.label,
                    column.name,
                    str(column.required),
                    str(column.description),
                    column.allowed,
                    column.example,
                    column.key if column.key != column.name else "",
                ]
            )


def _rules() -> list[str]:
    return [
        _("Petunjuk impor data organisasi dan pegawai"),
        _("Baris 1 tiap lembar adalah judul kolom. Baris yang diawali '#' dilewati."),
        _(
            "Kolom yang tidak wajib boleh dihapus dari baris judul; kolom yang tidak dikenal ditolak."
        ),
        _(
            "Isi lembar unit, lalu jabatan, lalu pegawai; data tersimpan boleh dirujuk tanpa diulang."
        ),
        _(
            "Impor bersifat semua-atau-tidak-sama-sekali: satu baris bermasalah membatalkan seluruh berkas, dan setiap baris bermasalah dilaporkan dengan nomor baris dan alasannya."
        ),
        _(
            "CSV: satu berkas per lembar (unit, jabatan atau pegawai), bersandi UTF-8, pemisah koma atau titik koma."
        ),
        _(
            "Tanggal: YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY atau sel tanggal Excel. Ya/tidak: ya, tidak, 1, 0."
        ),
        _(
            "Nama lembar dan kolom berbahasa Inggris dari templat lama (employee, position, name, position_title, …) tetap diterima."
        ),
    ]


def _cell(worksheet: WriteOnlyWorksheet, value: str, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(worksheet, value=value)
    cell.font = font
    return cell


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
