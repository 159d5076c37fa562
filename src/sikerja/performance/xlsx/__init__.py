"""XLSX interoperability of performance management (issue item 9): the export of SKP and
ratings in the columns e-Kinerja users know, and the all-or-nothing import of last year's PK and
RHK, refused with every bad row named by row and column."""

from sikerja.performance.xlsx.export import export_performance_xlsx
from sikerja.performance.xlsx.importing import ImportRejected, import_performance_xlsx

__all__ = ["ImportRejected", "export_performance_xlsx", "import_performance_xlsx"]
