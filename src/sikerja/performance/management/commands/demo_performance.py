"""Add a year of performance management in progress to a demo government."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sikerja.organization.demo import demo_government
from sikerja.performance.demo import demo_performance
from sikerja.performance.models import Objection, Skp


class Command(BaseCommand):
    """Set PKs, approve cascaded SKPs, rate one Bidang's first period (one of its employees
    objecting to their predikat) and leave another's ratings drafted against its curve."""

    help = "Add a year of performance management in progress to a demo government."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--government", help="government kode (default: the first one)")
        parser.add_argument("--if-empty", action="store_true", help="skip if it has SKPs")

    def handle(self, *args: Any, **options: Any) -> None:
        government = demo_government(options["government"])
        if government is None:
            raise CommandError("no government found; run `manage.py demo` first")
        if options["if_empty"] and Skp.objects.filter(government=government).exists():
            self.stdout.write("kinerja contoh sudah ada")
            return
        for outcome in demo_performance(
            government=government, at=timezone.now(), on=timezone.localdate()
        ):
            kind, index = outcome.period
            self.stdout.write(
                f"- {outcome.label}: {outcome.skps} SKP dinilai, {outcome.level}, {kind} {index}: "
                f"{outcome.ratings}"
            )
        for objection in Objection.objects.filter(
            government=government, status=Objection.Status.OPEN
        ).select_related("employee"):
            self.stdout.write(f"- keberatan {objection.employee.full_name}: menunggu keputusan")
