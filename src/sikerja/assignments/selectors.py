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
from sikerja.organization.models import Government
from sikerja.organization.rules import Viewer
from sikerja.workflows.models import Recommendation, WorkflowInstance, WorkflowStep
from sikerja.workflows.selectors import waiting_steps


@dataclass(frozen=True)
class InboxItem:
    """An open step waiting for me (as actor, recorder, delegate or recommender)."""

    step: WorkflowStep
    assignment: Assignment
    as_recommender: bool


def inbox(
    *, employee_id: int, on: dt.date, government: Government | None = None
) -> list[InboxItem]:
    """Open penugasan steps awaiting the employee: to decide as actor, recorder or delegate
    (the engine's answer, `rules.steps_decidable_by`), or to recommend (3 queries, whatever the
    number of items)."""
    waiting = waiting_steps(
        employee_id=employee_id, on=on, subject_types=(SUBJECT_TYPE,), government=government
    )
    assignments = Assignment.objects.in_bulk([w.step.instance.subject_id for w in waiting])
    return [
        InboxItem(
            step=w.step,
            assignment=assignments[w.step.instance.subject_id],
            as_recommender=w.as_recommender,
        )
        for w in waiting
    ]


def with_status(queryset: QuerySet[Assignment]) -> QuerySet[Assignment]:
    """Annotate each assignment with its workflow status, current step and instance id."""
    instance = WorkflowInstance.objects.filter(
        subject_type=SUBJECT_TYPE, subject_id=OuterRef("pk"), parent__isnull=True
    ).order_by("-started_at", "-pk")
    open_step = WorkflowStep.objects.filter(
        instance__subject_type=SUBJECT_TYPE,
        instance__subject_id=OuterRef("pk"),
        instance__parent__isnull=True,
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
    instance = (
        WorkflowInstance.objects.filter(
            subject_type=SUBJECT_TYPE, subject_id=assignment.pk, parent__isnull=True
        )
        .order_by("-started_at", "-pk")
        .first()
    )
    if instance is None:
        raise NotFound()
    # The request's own steps and each member's part of a team request (V-69), in the order
    # they opened: a member's steps follow the request step that asked every member.
    steps = list(
        WorkflowStep.objects.filter(Q(instance=instance) | Q(instance__parent=instance))
        .select_related("instance", "decided_by", "actor")
        .prefetch_related(
            Prefetch("recommendations", queryset=Recommendation.objects.select_related("by"))
        )
        .order_by("pk")
    )
    return AssignmentDetail(assignment=assignment, instance=instance, steps=steps)
