"""Daily: open the reports due for every period begun, on each pack's schedule (V-52): each
team's, and each approved individual penugasan's (SPEC 4.12, "individual assignee reports to");
`workflow_reminders` then reminds their authors as the due date nears."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from sikerja.teams.models import Team
from sikerja.teams.services.individual_reports import (
    individual_assignments_reporting,
    individual_reports_open,
)
from sikerja.teams.services.reports import REPORTING, team_reports_open


class Command(BaseCommand):
    help = (
        "Buka laporan berkala tim kerja yang periodenya telah dimulai (jalankan setiap hari, "
        "sebelum workflow_reminders)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        """Open the due reports of every active or ended team and of every approved individual
        penugasan, as of today; print how many."""
        at, on = timezone.now(), timezone.localdate()
        teams = Team.objects.filter(status__in=REPORTING, starts_on__lte=on).order_by("pk")
        total = sum(
            len(team_reports_open(team_id=pk, at=at, on=on))
            for pk in teams.values_list("pk", flat=True)
        )
        self.stdout.write(f"{total} laporan tim kerja dibuka.")
        individual = sum(
            len(individual_reports_open(assignment_id=pk, at=at, on=on))
            for pk in individual_assignments_reporting(on)
        )
        self.stdout.write(f"{individual} laporan penugasan individu dibuka.")
