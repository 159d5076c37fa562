"""Reading the import workbook of last year's PK and RHK: its sheets, headers and cells, each
problem recorded against its sheet, row (as the spreadsheet numbers it) and column.

Sheet "PK": Tahun, Kode Perangkat Daerah, Nama Unit, NIP Pimpinan, Sasaran, Indikator Kinerja,
Target. Sheet "SKP" (the export's own sheet imports back): Tahun or Periode Awal, NIP, Jenis RHK,
RHK Atasan yang Diintervensi, Rencana Hasil Kerja, Indikator Kinerja Individu, Aspek, Target.
Other columns are ignored, so an export of last year reads as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from sikerja.organization.transfer.problems import FILE_ROW, RowError
from sikerja.organization.transfer.xlsx_reader import Row, Value
from sikerja.performance.xlsx.export import SKP_COLUMNS

PK_SHEET, RHK_SHEET = "PK", "SKP"
PK_COLUMNS = (
    "Tahun",
    "Kode Perangkat Daerah",
    "Nama Unit",
    "NIP Pimpinan",
    "Sasaran",
    "Indikator Kinerja",
    "Target",
)
RHK_COLUMNS = ("NIP", *SKP_COLUMNS[SKP_COLUMNS.index("Jenis RHK") :])  # the export's own
YEAR_COLUMNS = ("Tahun", "Periode Awal")
LIMITS = {
    "Sasaran": 300,
    "Indikator Kinerja": 300,
    "Indikator Kinerja Individu": 300,
    "Target": 120,
    "Rencana Hasil Kerja": 4000,
    "RHK Atasan yang Diintervensi": 4000,
    "Nama Unit": 200,
}
OPTIONAL = frozenset({"RHK Atasan yang Diintervensi"})


@dataclass
class Found:
    """Every problem of the file, in reading order."""

    errors: list[RowError] = field(default_factory=list)

    def add(self, sheet: str, row: int, column: str, code: str, message: str, **cited: str) -> None:
        self.errors.append(RowError(sheet, row, column, code, str(message), **cited))


@dataclass(frozen=True)
class Record:
    """One data row: its number and its cells by column name (text, stripped)."""

    row: int
    cells: dict[str, str]
    year: int


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def _year(cells: dict[str, str], raw: dict[str, Value]) -> int | None:
    if cells.get("Tahun", "").isdigit():
        return int(cells["Tahun"])
    start = raw.get("Periode Awal")
    if isinstance(start, dt.datetime):
        return start.year
    text = cells.get("Periode Awal", "")
    return int(text[:4]) if text[:4].isdigit() else None


def records(
    found: Found, sheet: str, rows: list[Row], needed: tuple[str, ...], on: dt.date
) -> list[Record]:
    """The sheet's data rows; a missing column, an empty required cell, a text too long or a
    year that is not a past one is recorded as a problem of that row and column."""
    if not rows:
        return []
    header_row, header = rows[0]
    names = [_text(cell) for cell in header]
    missing = [name for name in needed if name not in names]
    if not any(name in names for name in YEAR_COLUMNS):
        missing.append("Tahun")
    for name in missing:
        found.add(sheet, header_row, name, "import_column_missing", _("Kolom wajib tidak ada."))
    if missing:
        return []
    result = []
    for number, values in rows[1:]:
        raw = dict(zip(names, values, strict=False))
        cells = {name: _text(value) for name, value in raw.items() if name}
        year = _row_checks(found, sheet, number, cells, needed, raw, on)
        if year is not None:
            result.append(Record(number, cells, year))
    return result


def _row_checks(
    found: Found,
    sheet: str,
    number: int,
    cells: dict[str, str],
    needed: tuple[str, ...],
    raw: dict[str, Value],
    on: dt.date,
) -> int | None:
    before = len(found.errors)
    for name in needed:
        if name not in OPTIONAL and not cells.get(name):
            found.add(sheet, number, name, "import_cell_empty", _("Wajib diisi."))
        elif len(cells.get(name, "")) > LIMITS.get(name, 4000):
            found.add(
                sheet,
                number,
                name,
                "import_cell_too_long",
                _("Paling banyak %(n)d karakter.") % {"n": LIMITS.get(name, 4000)},
            )
    year = _year(cells, raw)
    if year is None or not 2000 <= year < on.year:
        found.add(
            sheet,
            number,
            "Tahun",
            "import_year_not_past",
            _("Impor ini untuk PK dan RHK tahun yang telah lalu (sebelum %(year)d).")
            % {"year": on.year},
        )
    return year if len(found.errors) == before else None


def file_problem(found: Found, message: str) -> None:
    """A problem of the file itself (unreadable, no sheet to import)."""
    found.add("", FILE_ROW, "", "import_file", message)
