"""What the teams app does when the engine closes an instance: a pending member's own
penugasan (V-69) decides whether they join the team."""

from __future__ import annotations

from typing import Any

from sikerja.teams.services.changes import team_member_answer
from sikerja.workflows.models import WorkflowInstance

PENUGASAN = "assignments.assignment"


def instance_closed(*, instance_id: int, **_payload: Any) -> None:
    """A closed penugasan instance answers the team member it was asked for, if any."""
    instance = WorkflowInstance.objects.filter(
        pk=instance_id, subject_type=PENUGASAN, parent__isnull=True
    ).first()
    if instance is None or instance.closed_at is None:
        return
    team_member_answer(
        assignment_id=instance.subject_id,
        approved=instance.status == WorkflowInstance.Status.APPROVED,
        at=instance.closed_at,
    )
