"""List (and with --apply, re-route) open steps whose actor changed after a placement change."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sikerja.organization.models import Government
from sikerja.workflows import lifecycle
from sikerja.workflows.models import WorkflowStep


class Command(BaseCommand):
    """Re-route open workflow steps to the official who holds the post today (audited)."""

    help = (
        "List open steps whose snapshotted actor no longer holds the post; --apply re-routes them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--government", required=True, help="government kode")
        parser.add_argument(
            "--apply", action="store_true", help="re-route (writes an audit event each)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        government = Government.objects.filter(kode=options["government"]).first()
        if government is None:
            raise CommandError(f"unknown government {options['government']!r}")
        on, at = timezone.localdate(), timezone.now()
        steps = WorkflowStep.objects.filter(
            status=WorkflowStep.Status.OPEN, instance__government=government
        ).select_related("instance")
        changed = 0
        for step in steps.iterator():
            fresh = lifecycle.step_needs_reroute(step, on)
            if fresh is None:
                continue
            changed += 1
            name = fresh.person.name if fresh.person else "-"
            self.stdout.write(f"#{step.instance_id} {step.label}: {step.actor_name} -> {name}")
            if options["apply"]:
                lifecycle.instance_reroute(
                    instance_id=step.instance_id,
                    operator_label="workflow_reroute",
                    operator_user_id=None,
                    at=at,
                    on=on,
                )
        verb = "re-routed" if options["apply"] else "to re-route"
        self.stdout.write(f"{changed} step(s) {verb}")
