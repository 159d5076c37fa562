"""`manage.py performance_import --government KODE FILE [--as USERNAME]`: last year's PK and RHK."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sikerja.core.errors import DomainError
from sikerja.organization.management.commands.org_import import command_actor
from sikerja.organization.models import Government
from sikerja.performance.xlsx import ImportRejected, import_performance_xlsx


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
        tenant = Government.objects.filter(kode=government).first()
        if tenant is None:
            raise CommandError(f"pemerintah dengan kode {government!r} tidak ditemukan")
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"berkas tidak dapat dibaca: {exc}") from exc
        try:
            counts = import_performance_xlsx(
                actor=command_actor(tenant, username, "performance_import"),
                government=tenant,
                data=data,
                filename=file.name,
                at=timezone.now(),
                on=timezone.localdate(),
            )
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stdout.write(error.line())
            raise CommandError(str(rejected.message)) from rejected
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
        self.stdout.write(self.style.SUCCESS(f"impor selesai: {file.name}"))
