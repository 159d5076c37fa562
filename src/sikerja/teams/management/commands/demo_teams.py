"""Add sample teams in every state (forming, active, at work, reporting, completed) to a demo
government."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sikerja.organization.demo import demo_government
from sikerja.teams.demo import demo_teams
from sikerja.teams.models import Team


class Command(BaseCommand):
    """Create sample teams (waiting for a decision, active, lead vacant, at work with an open
    obstacle, reporting, declared complete) for a demo."""

    help = "Add sample teams in every state to a demo government."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--government", help="government kode (default: the first one)")
        parser.add_argument("--if-empty", action="store_true", help="skip if it has teams")

    def handle(self, *args: Any, **options: Any) -> None:
        government = demo_government(options["government"])
        if government is None:
            raise CommandError("no government found; run `manage.py demo` first")
        if options["if_empty"] and Team.objects.filter(government=government).exists():
            self.stdout.write("tim kerja contoh sudah ada")
            return
        for outcome in demo_teams(
            government=government, at=timezone.now(), on=timezone.localdate()
        ):
            self.stdout.write(f"- {outcome.label}: {outcome.state}")
