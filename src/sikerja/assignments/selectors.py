"""Reads of penugasan: my inbox, what I sent, and one assignment with its timeline.

Who sees what is `rules`' answer; the selectors scope their querysets with it. Hidden and
missing answer alike (NotFound).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery

from sikerja.assignments import rules
from sikerja.assignments.models import Assignment, AssignmentCandidate
from sikerja.assignments.rules import SUBJECT_TYPE
from sikerja.core.errors import NotFound
from sikerja.organization.models import Delegation
from sikerja.organization.rules import Viewer
from sikerja.workflows.models import Recommendation, WorkflowInstance, WorkflowStep


@dataclass(frozen=True)
class InboxItem:
    """An open step waiting for me (as actor, recorder, delegate or recommender)."""

    step: WorkflowStep
    assignment: Assignment
    as_recommender: bool


def _delegators(employee_id: int, on: dt.date) -> list[int]:
    return list(
        Delegation.objects.effective_on(on)
        .filter(to_employee_id=employee_id, scope=Delegation.Scope.APPOINTMENT)
        .values_list("from_employee_id", flat=True)
    )


def inbox(*, employee_id: int, on: dt.date) -> list[InboxItem]:
    """Open steps awaiting the employee (3 queries, whatever the number of items)."""
    principals = [employee_id, *_delegators(employee_id, on)]
    steps = list(
        WorkflowStep.objects.filter(
            status=WorkflowStep.Status.OPEN, instance__subject_type=SUBJECT_TYPE
        )
        .filter(
            Q(actor_id__in=principals)
            | Q(recorder_id__in=principals)
            | Q(recommender_id=employee_id)
        )
        .select_related("instance")
        .order_by("opened_at", "pk")
    )
    assignments = Assignment.objects.in_bulk([s.instance.subject_id for s in steps])
    items = []
    for step in steps:
        acts = step.actor_id in principals or step.recorder_id in principals
        items.append(
            InboxItem(
                step=step, assignment=assignments[step.instance.subject_id], as_recommender=not acts
            )
        )
    return items


def with_status(queryset: QuerySet[Assignment]) -> QuerySet[Assignment]:
    """Annotate each assignment with its workflow status, current step and instance id."""
    instance = WorkflowInstance.objects.filter(subject_type=SUBJECT_TYPE, subject_id=OuterRef("pk"))
    open_step = WorkflowStep.objects.filter(
        instance__subject_type=SUBJECT_TYPE,
        instance__subject_id=OuterRef("pk"),
        status=WorkflowStep.Status.OPEN,
    )
    return queryset.annotate(
        wf_status=Subquery(instance.values("status")[:1]),
        wf_instance_id=Subquery(instance.values("pk")[:1]),
        wf_step_label=Subquery(open_step.values("label")[:1]),
        wf_step_actor=Subquery(open_step.values("actor_name")[:1]),
    )


def sent(*, employee_id: int) -> QuerySet[Assignment]:
    """Requests and applications I submitted, newest first, with their status."""
    return with_status(Assignment.objects.filter(requester_id=employee_id)).order_by(
        "-created_at", "-pk"
    )


def assignment_list_for(viewer: Viewer, *, box: str) -> QuerySet[Assignment]:
    """`sent` (the viewer's own requests) or `all` (every one the viewer may open), newest
    first, with their status and requester."""
    if box == "sent":
        queryset = (
            sent(employee_id=viewer.employee_id)
            if viewer.employee_id is not None
            else Assignment.objects.none()
        )
    else:
        queryset = with_status(rules.assignments_visible_to(viewer)).order_by("-created_at", "-pk")
    return queryset.select_related("requester")


@dataclass(frozen=True)
class AssignmentDetail:
    """An assignment with its instance, steps (timeline), recommendations and candidates."""

    assignment: Assignment
    instance: WorkflowInstance
    steps: list[WorkflowStep]


def assignment_detail(*, viewer: Viewer, assignment_id: int) -> AssignmentDetail:
    """One assignment the viewer may see, with its timeline (constant number of queries).

    Raises NotFound for a missing assignment and for one the viewer may not see alike.
    """
    assignment = (
        rules.assignments_visible_to(viewer)
        .select_related(
            "requester", "owner_unit__agency", "home_unit__agency", "external_government"
        )
        .prefetch_related(
            Prefetch(
                "candidate_links",
                queryset=AssignmentCandidate.objects.select_related("employee").order_by("order"),
            )
        )
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None:
        raise NotFound()
    instance = WorkflowInstance.objects.get(subject_type=SUBJECT_TYPE, subject_id=assignment.pk)
    steps = list(
        instance.steps.select_related("decided_by", "actor")
        .prefetch_related(
            Prefetch("recommendations", queryset=Recommendation.objects.select_related("by"))
        )
        .order_by("seq")
    )
    return AssignmentDetail(assignment=assignment, instance=instance, steps=steps)
