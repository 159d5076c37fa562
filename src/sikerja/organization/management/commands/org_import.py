"""`manage.py org_import --government KODE FILE [--as USERNAME]`: import an XLSX or CSV file."""

from __future__ import annotations

from argparse import ArgumentParser
from collections.abc import Callable
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
from sikerja.organization.models import Government
from sikerja.organization.rules import Actor
from sikerja.organization.transfer import import_file

PROGRESS_STEP = 10  # percent


class Command(BaseCommand):
    """Import units, positions and employees of one government from a file in the template.

    Prints a progress line every 10 %, then the counts written. A rejected file prints one line
    per problem ("Baris 12 (employee, nip): …") and exits with status 1; nothing is written.
    Without --as the import runs as the system on the operator's behalf.
    """

    help = "Import organisation and employees from an .xlsx or .csv file (all or nothing)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--government", required=True, metavar="KODE", help="Government kode.")
        parser.add_argument("file", type=Path, metavar="FILE", help="The .xlsx or .csv file.")
        parser.add_argument(
            "--as",
            dest="username",
            default="",
            metavar="USERNAME",
            help="Act as this BKPSDM operator.",
        )

    def handle(
        self, *args: Any, government: str, file: Path, username: str, **options: Any
    ) -> None:
        tenant, data = government_of(government), file_bytes(file)
        actor = self._actor(tenant, username)
        self.stdout.write(f"membaca {file.name} ({len(data) // 1024} KB)…")
        with refusals_as_errors(self.stdout):
            result = import_file(
                actor=actor,
                government=tenant,
                data=data,
                filename=file.name,
                at=timezone.now(),
                on=timezone.localdate(),
                progress=self._progress(),
            )
        for name, count in result.counts().items():
            self.stdout.write(f"{name}: {count}")
        self.stdout.write(
            self.style.SUCCESS(f"impor selesai: {file.name} (sha256 {result.sha256[:12]})")
        )

    def _actor(self, government: Government, username: str) -> Actor:
        return command_actor(government, username, "org_import")

    def _progress(self) -> Callable[[int, int], None]:
        shown = {"percent": -PROGRESS_STEP}

        def report(done: int, total: int) -> None:
            percent = 100 * done // total if total else 100
            if percent >= shown["percent"] + PROGRESS_STEP:
                shown["percent"] = percent - percent % PROGRESS_STEP
                self.stdout.write(f"kemajuan: {percent}% ({done}/{total} baris)")

        return report
