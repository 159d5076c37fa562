"""Drive a penugasan through its steps as the people the engine names, for end-to-end tests."""

from __future__ import annotations

import datetime as dt

from sikerja.assignments import services
from sikerja.assignments.models import Assignment
from sikerja.documents.models import Letter
from sikerja.organization.models import Employee
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
ON = dt.date(2026, 11, 23)


def instance_of(assignment: Assignment) -> WorkflowInstance:
    return WorkflowInstance.objects.get(
        subject_type="assignments.assignment", subject_id=assignment.pk
    )


def open_step(assignment: Assignment) -> WorkflowStep:
    return instance_of(assignment).steps.get(status=WorkflowStep.Status.OPEN)


def decide(assignment: Assignment, decision: str, **kwargs) -> WorkflowStep:
    """Decide the open step as its snapshotted actor (or recorder)."""
    step = open_step(assignment)
    actor = Employee.objects.get(pk=step.actor_id or step.recorder_id)
    if decision == "approve" and step.recommender_id and not step.recommendations.exists():
        services.assignment_recommend(
            step_id=step.pk,
            by=Employee.objects.get(pk=step.recommender_id),
            text="Direkomendasikan.",
            at=NOW,
        )
    return services.assignment_decide(
        step_id=step.pk, by=actor, decision=decision, at=NOW, on=ON, **kwargs
    )


def trail(assignment: Assignment) -> list[tuple[str, int | None, str]]:
    """(step key, actor employee id, decision) of every step, in order."""
    return list(
        instance_of(assignment)
        .steps.order_by("seq")
        .values_list("step_key", "actor_id", "decision")
    )


def letters(assignment: Assignment) -> list[Letter]:
    return list(
        Letter.objects.filter(workflow_instance_id=instance_of(assignment).pk).order_by("pk")
    )


def party_ids(parties: list[dict]) -> list[int | None]:
    return [party["employee_id"] for party in parties]
