"""Import and export of a government's organisation and employees (XLSX or CSV, one template).

The template (`template_xlsx()`, `template_csv(sheet)`) has three data sheets — unit, jabatan,
pegawai — whose columns are defined once in `columns.py` and described in the workbook's
'petunjuk' sheet; sheets and columns are named in Indonesian, and the English names of earlier
templates (unit, position, employee; name, position_title, …) are still read. `import_file` checks every row first and writes all or nothing;
`export_xlsx`/`export_csv` write the same columns, so an export imports again cleanly.

What an import does with rows that already exist (matched by key):
- agencies (agency_code), units (agency_code + unit name) and positions (unit + title) are left
  as they are; a row describing them differently is an error (imports never rename or move);
- employees (NIP) keep their name (a different name is a duplicate-NIP error) and get the
  file's titles and e-mail;
- a placement equal to a stored one, or at the position the employee already holds open, is
  left as is; a new definitive placement ends the open one on its start date (V-38).
"""

from sikerja.organization.transfer.columns import COLUMNS, Column, Sheet
from sikerja.organization.transfer.export import export_csv, export_xlsx
from sikerja.organization.transfer.problems import ImportRejected, RowError
from sikerja.organization.transfer.service import ImportResult, import_file
from sikerja.organization.transfer.template import template_csv, template_xlsx
from sikerja.organization.transfer.write import Written

__all__ = [
    "COLUMNS",
    "Column",
    "ImportRejected",
    "ImportResult",
    "RowError",
    "Sheet",
    "Written",
    "export_csv",
    "export_xlsx",
    "import_file",
    "template_csv",
    "template_xlsx",
]
