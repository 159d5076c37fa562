"""`manage.py performance_import --government KODE FILE [--as USERNAME]`: last year's PK and RHK."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from sikerja.organization.management.importing import (
    command_actor,
    file_bytes,
    government_of,
    refusals_as_errors,
)
from sikerja.performance.xlsx import import_performance_xlsx


class Command(BaseCommand):
    """Import last year's PK and RHK of one government from an XLSX workbook, all or nothing.

    Prints the counts written; a rejected file prints one line per problem ("Baris 12 (SKP,
    NIP): …") and exits with status 1, nothing written. Without --as the import runs as the
    system on the operator's behalf.
    """

    help = "Import last year's PK and RHK from an .xlsx file (all or nothing)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--government", required=True, metavar="KODE", help="Government kode.")
        parser.add_argument("file", type=Path, metavar="FILE", help="The .xlsx file.")
        parser.add_argument(
            "--as", dest="username", default="", metavar="USERNAME", help="Act as this operator."
        )

    def handle(
        self, *args: Any, government: str, file: Path, username: str, **options: Any
    ) -> None:
        tenant, data = government_of(government), file_bytes(file)
        with refusals_as_errors(self.stdout):
            counts = import_performance_xlsx(
                actor=command_actor(tenant, username, "performance_import"),
                government=tenant,
                data=data,
                filename=file.name,
                at=timezone.now(),
                on=timezone.localdate(),
            )
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
        self.stdout.write(self.style.SUCCESS(f"impor selesai: {file.name}"))
