"""`manage.py org_export --government KODE --format xlsx|csv --out PATH [--sheet S]`."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sikerja.organization.management.importing import government_of
from sikerja.organization.models import Government
from sikerja.organization.transfer import Sheet, export_csv, export_xlsx


class Command(BaseCommand):
    """Export a government's organisation and employees in the import template's columns.

    xlsx writes one workbook to PATH. csv writes one sheet to PATH with --sheet, otherwise
    unit.csv, position.csv and employee.csv into the directory PATH (UTF-8 with BOM, for Excel).
    """

    help = "Export organisation and employees as .xlsx or .csv in the import template."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--government", required=True, metavar="KODE", help="Government kode.")
        parser.add_argument("--format", dest="file_format", choices=["xlsx", "csv"], default="xlsx")
        parser.add_argument("--out", required=True, type=Path, metavar="PATH")
        parser.add_argument(
            "--sheet",
            choices=[name for sheet in Sheet for name in (sheet.label, sheet.value)],
            default="",
        )

    def handle(
        self, *args: Any, government: str, file_format: str, out: Path, sheet: str, **options: Any
    ) -> None:
        tenant = government_of(government)
        try:
            written = self._write(tenant, file_format, out, sheet)
        except OSError as exc:
            raise CommandError(f"tidak dapat menulis {out}: {exc}") from exc
        for path in written:
            self.stdout.write(f"ditulis: {path}")

    def _write(self, government: Government, file_format: str, out: Path, sheet: str) -> list[Path]:
        if file_format == "xlsx":
            out.write_bytes(export_xlsx(government=government))
            return [out]
        if sheet:
            out.write_text(
                export_csv(government=government, sheet=sheet), encoding="utf-8-sig", newline=""
            )
            return [out]
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for each in Sheet:
            path = out / f"{each.label}.csv"
            path.write_text(
                export_csv(government=government, sheet=each), encoding="utf-8-sig", newline=""
            )
            paths.append(path)
        return paths
