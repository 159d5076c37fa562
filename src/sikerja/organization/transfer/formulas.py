"""Spreadsheet formula injection (OWASP "CSV injection"): text is never exported as a formula.

A spreadsheet evaluates a cell that starts with `=`, `+`, `-` or `@` (and, after a tab or
carriage return, what follows), so a name such as `=HYPERLINK(...)` typed into the data would
run on the BKPSDM's machine when the export is opened. XLSX cells are written as text cells,
never formulas, and keep their value as is. CSV has no cell types: such a value gets OWASP's
leading apostrophe, which the CSV import removes again, so an exported file imports back to the
same values. A value that already starts with apostrophes before such a character gets one more,
so the round trip holds for every value.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def _needs_quote(text: str) -> bool:
    return text.lstrip(QUOTE).startswith(FORMULA_STARTS)


def csv_escape(text: str) -> str:
    """The CSV form of a text cell: an apostrophe before a value a spreadsheet would evaluate."""
    return QUOTE + text if _needs_quote(text) else text


def csv_unescape(text: str) -> str:
    """The value of a CSV cell written by `csv_escape` (the inverse, for every text)."""
    return text[1:] if text.startswith(QUOTE) and _needs_quote(text) else text


def xlsx_cell(worksheet: WriteOnlyWorksheet, value: Any, font: Font | None = None) -> Any:
    """A value for a write-only XLSX row: text as a text cell (openpyxl would otherwise store
    `=...` as a live formula), anything else as is."""
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(worksheet, value=value)
    cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell
