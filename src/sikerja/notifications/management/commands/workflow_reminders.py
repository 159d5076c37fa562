"""Remind the people of open steps of their due dates (no automatic approval: SPEC Appendix A32)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from sikerja.notifications.reminders import reminders_due, step_reminder_send


class Command(BaseCommand):
    """Run daily (cron): each open step is reminded once before its due date and once after."""

    help = "Remind actors of steps due soon (the pack's reminder_days_before) and overdue."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument(
            "--days-before",
            type=int,
            default=None,
            help="days before the due date to remind (default: the pack's reminder_days_before)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        due = reminders_due(at=now, days_before=options["days_before"])
        if options["dry_run"]:
            self.stdout.write(f"{len(due)} reminder(s)")
            return
        sent = sum(1 for item in due if step_reminder_send(due=item, at=now))
        self.stdout.write(f"{sent} reminder(s)")
