"""Reading an uploaded XLSX or CSV file into typed rows, recording every cell that is not valid."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from django.utils.translation import gettext as _

from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.transfer.columns import (
    COLUMNS,
    GUIDE_SHEET,
    Column,
    Kind,
    Sheet,
    header_keys,
)
from sikerja.organization.transfer.formulas import csv_unescape
from sikerja.organization.transfer.problems import FILE_ROW, HEADER_ROW, Problems
from sikerja.organization.transfer.xlsx_reader import (
    Reading,
    Row,
    UnreadableWorkbook,
    Value,
    read_xlsx,
)

TRUE_WORDS = frozenset({"ya", "y", "yes", "true", "benar", "1", "x"})
FALSE_WORDS = frozenset({"tidak", "n", "no", "false", "salah", "0"})
DATE_INPUTS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")
CSV_DELIMITERS = ",;\t"
FORMAT_ERROR = "invalid_format"


@dataclass(slots=True)
class SheetRow:
    """One data row: its sheet, its row number as the spreadsheet shows it, its typed cells.

    A cell that could not be read is None in `values` and its column is in `invalid`, so that
    later checks do not also report it as missing.
    """

    sheet: Sheet
    number: int
    values: dict[str, object]
    invalid: set[str] = field(default_factory=set)

    def text(self, key: str) -> str:
        value = self.values.get(key)
        return value if isinstance(value, str) else ""

    def date(self, key: str) -> dt.date | None:
        value = self.values.get(key)
        return value if isinstance(value, dt.date) else None

    def flag(self, key: str) -> bool | None:
        value = self.values.get(key)
        return value if isinstance(value, bool) else None


@dataclass
class ParsedFile:
    """The rows of each sheet present in the file."""

    sheets: dict[Sheet, list[SheetRow]] = field(default_factory=dict)

    def rows(self, sheet: Sheet) -> list[SheetRow]:
        return self.sheets.get(sheet, [])


@dataclass
class RawFile:
    """The file's cells per sheet, before typing; `total` counts its data rows."""

    sheets: dict[Sheet, list[Row]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(len(_data_rows(rows)[1:]) for rows in self.sheets.values())


def read_file(
    data: bytes, filename: str, problems: Problems, reading: Reading | None = None
) -> RawFile:
    """Read an .xlsx (sheets unit/jabatan/pegawai) or a .csv (one of those, by its header);
    `reading(rows, about)` follows a workbook's reading (a CSV's takes no time worth telling)."""
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".xlsx":
        return RawFile(_xlsx_sheets(data, problems, reading))
    if suffix == ".csv":
        return RawFile(_csv_sheet(data, problems))
    problems.add("", FILE_ROW, "", FORMAT_ERROR, _("Berkas harus berformat .xlsx atau .csv."))
    return RawFile()


def parse_file(raw: RawFile, problems: Problems, tick: Callable[[int], None]) -> ParsedFile:
    """Type every cell by its column; `tick(rows)` reports rows done."""
    parsed = ParsedFile()
    for sheet, rows in raw.sheets.items():
        parsed.sheets[sheet] = _typed_rows(sheet, rows, problems, tick)
    return parsed


def _xlsx_sheets(
    data: bytes, problems: Problems, reading: Reading | None
) -> dict[Sheet, list[Row]]:
    try:
        workbook = read_xlsx(data, reading)
    except UnreadableWorkbook:
        problems.add(
            "", FILE_ROW, "", FORMAT_ERROR, _("Berkas bukan buku kerja XLSX yang dapat dibaca.")
        )
        return {}
    sheets: dict[Sheet, list[Row]] = {}
    for name, rows in workbook.items():
        sheet = Sheet.named(name)
        if sheet is not None and sheet in sheets:
            message = _("Lembar %(name)s berulang: lembar %(sheet)s hanya boleh ada sekali.")
            problems.add(
                name, FILE_ROW, "", FORMAT_ERROR, message % {"name": name, "sheet": sheet.label}
            )
        elif sheet is not None:
            sheets[sheet] = rows
            problems.name_sheet(sheet, name.strip())
        elif name.strip().lower() != GUIDE_SHEET and rows:
            message = _("Lembar %(name)s tidak dikenal; gunakan lembar unit, jabatan, pegawai.")
            problems.add(name, FILE_ROW, "", FORMAT_ERROR, message % {"name": name})
    return sheets


def _csv_sheet(data: bytes, problems: Problems) -> dict[Sheet, list[Row]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        message = _("Berkas CSV harus bersandi UTF-8 (simpan sebagai 'CSV UTF-8').")
        problems.add("", FILE_ROW, "", FORMAT_ERROR, message)
        return {}
    first_line = text.split("\n", 1)[0]
    delimiter = max(CSV_DELIMITERS, key=first_line.count)
    rows: list[Row] = []
    for number, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        values: list[Value] = [csv_unescape(cell) if cell.strip() else None for cell in cells]
        if any(value is not None for value in values):
            rows.append((number, values))
    if not rows:
        return {}
    header = {_header_key(cell) for cell in rows[0][1]}
    for sheet in (Sheet.EMPLOYEE, Sheet.UNIT, Sheet.POSITION):
        if header & _identifying_headers(sheet):
            return {sheet: rows}
    message = _("Baris judul CSV tidak dikenali; salin baris judul dari templat.")
    problems.add("", HEADER_ROW, "", FORMAT_ERROR, message)
    return {}


def _identifying_headers(sheet: Sheet) -> set[str]:
    """The headers (either language) of the column that tells a CSV's sheet."""
    key = {Sheet.EMPLOYEE: "nip", Sheet.UNIT: "parent_unit_name", Sheet.POSITION: "title"}[sheet]
    return {name for name, of in header_keys(sheet).items() if of == key}


def _header_key(cell: Value) -> str:
    return str(cell).strip().lower() if cell is not None else ""


def _data_rows(rows: list[Row]) -> list[Row]:
    """The header row and the rows below it, without comment rows."""
    return [(number, cells) for number, cells in rows if not _is_comment(cells)]


def _typed_rows(
    sheet: Sheet, rows: list[Row], problems: Problems, tick: Callable[[int], None]
) -> list[SheetRow]:
    data = _data_rows(rows)
    if not data:
        return []
    header_number, header_cells = data[0]
    positions = _header_positions(sheet, header_number, header_cells, problems)
    if positions is None:
        tick(len(data) - 1)
        return []
    readers = [(column, index, READERS[column.kind]) for column, index in positions]
    typed = []
    for number, cells in data[1:]:
        typed.append(_typed_row(sheet, number, cells, readers, problems))
        tick(1)
    return typed


def _is_comment(cells: Sequence[Value]) -> bool:
    first = next((cell for cell in cells if cell is not None and cell != ""), None)
    return isinstance(first, str) and first.lstrip().startswith("#")


def _header_positions(
    sheet: Sheet, number: int, cells: Sequence[Value], problems: Problems
) -> list[tuple[Column, int | None]] | None:
    """Where each column is; None for an optional column left out (blank in every row).

    A column the template does not know, a repeated one, or a missing required one is reported
    on the header row (a misspelt optional column shows up as unknown).
    """
    known = header_keys(sheet)
    texts = [_header_key(cell) for cell in cells]
    problems.name_columns(sheet, _speaks_indonesian(sheet, texts))
    label = problems.sheet_label(sheet)
    found: dict[str, int] = {}
    bad = False
    for index, text in enumerate(texts):
        if not text:
            continue
        key = known.get(text)
        if key is None or key in found:
            bad = True
            message = _("Kolom %(column)s tidak dikenal atau berulang pada lembar %(sheet)s.")
            problems.add(
                sheet, number, key or text, FORMAT_ERROR, message % {"column": text, "sheet": label}
            )
        found.setdefault(key or text, index)
    for column in COLUMNS[sheet]:
        if column.key not in found and column.is_required:
            bad = True
            name = problems.column_label(sheet, column.key)
            message = _("Kolom %(column)s tidak ada pada baris judul.") % {"column": name}
            problems.add(sheet, number, column.key, FORMAT_ERROR, message)
    if bad:
        return None
    return [(column, found.get(column.key)) for column in COLUMNS[sheet]]


def _speaks_indonesian(sheet: Sheet, texts: list[str]) -> bool:
    """Whether a header uses the template's Indonesian names (else the English ones)."""
    english = {column.key for column in COLUMNS[sheet]}
    indonesian = {column.name for column in COLUMNS[sheet]} - english
    return any(text in indonesian for text in texts) or not english.intersection(texts)


Reader = Callable[[Value], object]


def _typed_row(
    sheet: Sheet,
    number: int,
    cells: list[Value],
    readers: list[tuple[Column, int | None, Reader]],
    problems: Problems,
) -> SheetRow:
    row = SheetRow(sheet, number, {})
    size = len(cells)
    for column, index, reader in readers:
        raw = cells[index] if index is not None and index < size else None
        try:
            row.values[column.key] = reader(raw)
        except CellError as exc:
            row.values[column.key] = None
            row.invalid.add(column.key)
            problems.add(sheet, number, column.key, exc.code, exc.message)
    return row


class CellError(ValueError):
    """A cell whose value cannot be read as its column's kind."""

    def __init__(self, message: str, code: str = FORMAT_ERROR) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def read_text(raw: Value) -> str | None:
    if raw is None or isinstance(raw, bool):
        return None if raw is None else ("ya" if raw else "tidak")
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat()
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = " ".join(str(raw).split())
    if "\x00" in text:  # PostgreSQL cannot store it; SQLite would, silently
        raise CellError(_("Sel memuat karakter NUL yang tidak diperbolehkan."))
    return text or None


def read_nip(raw: Value) -> str | None:
    if isinstance(raw, float):
        raise CellError(
            _(
                "NIP tersimpan sebagai angka dan sudah dibulatkan Excel; ketik ulang dengan format sel Teks."
            ),
            OrgErrorCode.INVALID_NIP,
        )
    return read_text(raw)


def read_bool(raw: Value) -> bool | None:
    if raw is None or isinstance(raw, bool):
        return raw
    word = str(raw).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(_("Isi dengan 'ya' atau 'tidak' (diterima: %(value)s).") % {"value": raw})


def read_date(raw: Value) -> dt.date | None:
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    text = str(raw).strip()
    for pattern in DATE_INPUTS:
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    raise CellError(
        _("Tanggal tidak dapat dibaca: %(value)s (gunakan YYYY-MM-DD).") % {"value": raw}
    )


READERS: dict[Kind, Reader] = {
    Kind.TEXT: read_text,
    Kind.NIP: read_nip,
    Kind.BOOL: read_bool,
    Kind.DATE: read_date,
}
