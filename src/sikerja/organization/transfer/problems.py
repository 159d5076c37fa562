"""What a rejected import reports: one RowError per problem, all of them, and the refusal."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from django.utils.translation import gettext as _

from sikerja.core.errors import DomainError
from sikerja.organization.transfer.columns import NAMES, Sheet

SHEETS = frozenset(Sheet)

FILE_ROW = 0  # row number of problems with the file itself (unreadable, unknown sheet)
HEADER_ROW = 1


@dataclass(frozen=True)
class RowError:
    """One problem: the sheet, the row as the spreadsheet shows it (header = 1), the column."""

    sheet: str
    row: int
    column: str
    code: str
    message: str
    rule: str = ""
    citation: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "code": self.code,
            "message": self.message,
            "rule": self.rule,
            "citation": self.citation,
        }

    def line(self) -> str:
        """One line for people: 'Baris 12 (employee, nip): NIP harus 18 digit …'."""
        where = _("Berkas") if self.row == FILE_ROW else _("Baris %(row)d") % {"row": self.row}
        place = f"{self.sheet}, {self.column}" if self.column else self.sheet
        cite = f" [{self.rule}: {self.citation}]" if self.rule else ""
        return f"{where} ({place}): {self.message}{cite}"


@dataclass
class ImportRejected(DomainError):
    """An import refused as a whole: nothing was written; `errors` lists every bad row."""

    errors: list[RowError] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        shape = super().as_dict()
        shape["errors"] = [error.as_dict() for error in self.errors]
        return shape


class Problems:
    """Collects every problem of an import instead of stopping at the first one.

    Problems are recorded by sheet and column key; the refusal names them as the file does
    (its sheet names, and its headers in Indonesian or in English).
    """

    def __init__(self) -> None:
        self.errors: list[RowError] = []
        self.sheet_labels: dict[str, str] = {}
        self.indonesian: dict[str, bool] = {}

    def name_sheet(self, sheet: Sheet, label: str) -> None:
        """The file calls this sheet `label`."""
        self.sheet_labels[sheet] = label

    def name_columns(self, sheet: Sheet, indonesian: bool) -> None:
        """The sheet's header uses the Indonesian names (or the English ones)."""
        self.indonesian[sheet] = indonesian
        if sheet not in self.sheet_labels:
            self.sheet_labels[sheet] = sheet.label if indonesian else sheet.value

    def sheet_label(self, sheet: str) -> str:
        return self.sheet_labels.get(sheet, sheet)

    def column_label(self, sheet: str, key: str) -> str:
        if not self.indonesian.get(sheet, False):
            return key
        return NAMES.get(Sheet(sheet), {}).get(key, key) if sheet in SHEETS else key

    def __bool__(self) -> bool:
        return bool(self.errors)

    def add(
        self,
        sheet: str,
        row: int,
        column: str,
        code: str,
        message: str,
        *,
        rule: str = "",
        citation: str = "",
    ) -> None:
        self.errors.append(RowError(sheet, row, column, code, str(message), rule, citation))

    def add_error(self, sheet: str, row: int, column: str, error: DomainError) -> None:
        """Record a refusal raised by a shared check (its code, rule and citation kept)."""
        self.add(
            sheet,
            row,
            column,
            str(error.code),
            str(error.message),
            rule=error.rule,
            citation=error.citation,
        )

    def rejection(self) -> ImportRejected:
        """The refusal carrying every error, sorted as the file reads."""
        order = {"": 0, "unit": 1, "position": 2, "employee": 3}
        errors = sorted(self.errors, key=lambda e: (order.get(e.sheet, 9), e.sheet, e.row))
        rows = len({(error.sheet, error.row) for error in errors})
        return ImportRejected(
            code="import_rejected",
            message=_("Impor ditolak: %(rows)d baris bermasalah") % {"rows": rows},
            errors=[self._named(error) for error in errors],
        )

    def _named(self, error: RowError) -> RowError:
        return replace(
            error,
            sheet=self.sheet_label(error.sheet),
            column=self.column_label(error.sheet, error.column),
        )
