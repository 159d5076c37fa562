"""Add sample penugasan in different states to a demo government."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sikerja.assignments.demo import demo_requests
from sikerja.assignments.models import Assignment
from sikerja.organization.demo import demo_government


class Command(BaseCommand):
    """Create sample requests (done, waiting, rejected, voluntary, within a unit) for a demo."""

    help = "Add sample penugasan in different states to a demo government."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--government", help="government kode (default: the first one)")
        parser.add_argument("--if-empty", action="store_true", help="skip if it has requests")

    def handle(self, *args: Any, **options: Any) -> None:
        government = demo_government(options["government"])
        if government is None:
            raise CommandError("no government found; run `manage.py demo` first")
        if options["if_empty"] and Assignment.objects.filter(government=government).exists():
            self.stdout.write("penugasan contoh sudah ada")
            return
        for outcome in demo_requests(
            government=government, at=timezone.now(), on=timezone.localdate()
        ):
            self.stdout.write(f"- {outcome.label}: {outcome.state}")
