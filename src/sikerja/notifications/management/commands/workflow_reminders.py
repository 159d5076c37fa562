"""Remind actors of overdue steps (no automatic approval: SPEC Appendix A32)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.notifications.models import Notification
from sikerja.notifications.services import notify, step_link
from sikerja.workflows.models import WorkflowStep


class Command(BaseCommand):
    """Send one reminder per overdue open step per day (run it daily from cron)."""

    help = "Notify the actors of open steps past their deadline."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        today_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
        overdue = WorkflowStep.objects.filter(
            status=WorkflowStep.Status.OPEN, due_at__lt=now
        ).select_related("instance")
        sent = 0
        for step in overdue.iterator():
            recipient = step.actor_id or step.recorder_id
            if recipient is None:
                continue
            link = step_link(step)
            reminded = Notification.objects.filter(
                recipient_id=recipient, kind="step_overdue", link=link, created_at__gte=today_start
            ).exists()
            if reminded:
                continue
            sent += 1
            if not options["dry_run"]:
                notify(
                    recipient_id=recipient,
                    kind="step_overdue",
                    title=_("Melewati tenggat: %(step)s") % {"step": step.label},
                    body=step.citation,
                    link=link,
                )
        self.stdout.write(f"{sent} reminder(s)")
