"""Daily: open the reports due for every period begun, on each pack's schedule (V-52)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from sikerja.teams.models import Team
from sikerja.teams.services.reports import REPORTING, team_reports_open


class Command(BaseCommand):
    help = (
        "Buka laporan berkala tim kerja yang periodenya telah dimulai (jalankan setiap hari, "
        "sebelum workflow_reminders)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        """Open the due reports of every active or ended team, as of today; print how many."""
        at, on = timezone.now(), timezone.localdate()
        teams = Team.objects.filter(status__in=REPORTING, starts_on__lte=on).order_by("pk")
        total = sum(
            len(team_reports_open(team_id=pk, at=at, on=on))
            for pk in teams.values_list("pk", flat=True)
        )
        self.stdout.write(f"{total} laporan tim kerja dibuka.")
