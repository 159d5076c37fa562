"""Read an XLSX workbook's cell values with openpyxl (each sheet's non-empty rows, numbered).

openpyxl's read-only mode streams the sheet XML; values only are kept. openpyxl parses the XML
with the standard library, which never fetches external entities or DTDs, and expat ≥ 2.4.1
refuses entity-expansion attacks. A zip bomb is refused by its declared uncompressed size before
anything is parsed.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

Value = str | int | float | bool | dt.datetime | None
Row = tuple[int, list[Value]]

MAX_UNCOMPRESSED = 1024 * 1024 * 1024  # refuse zip bombs before parsing
READ_REPORT_EVERY = 500  # rows
Reading = Callable[[int, int], None]


class UnreadableWorkbook(ValueError):
    """The bytes are not an XLSX workbook openpyxl can read."""


def read_xlsx(data: bytes, reading: Reading | None = None) -> dict[str, list[Row]]:
    """Every sheet's non-empty rows as (row number, values by column), in workbook order.

    `reading(rows, about)` is told every 500 rows read, of about as many as the sheets' own
    dimensions say (a workbook without them: the rows read so far).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNCOMPRESSED:
                raise UnreadableWorkbook("workbook too large when uncompressed")
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise UnreadableWorkbook(str(exc)) from exc
    try:
        about = sum(sheet.max_row or 0 for sheet in workbook.worksheets)
        read = 0
        sheets: dict[str, list[Row]] = {}
        for sheet in workbook.worksheets:
            rows = sheets[sheet.title] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                read += 1
                if reading is not None and read % READ_REPORT_EVERY == 0:
                    reading(read, max(about, read))
                if any(value is not None and value != "" for value in values):
                    rows.append((number, list(values)))
        return sheets
    finally:
        workbook.close()
