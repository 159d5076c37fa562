"""Who may see and act on a penugasan: the one answer, in STYLE §5's shapes.

- may: `may_request`, `may_see_assignment`, `may_decide_step`, `may_recommend_on_step`,
  `may_withdraw`;
- which: `assignments_visible_to`, `assignments_requested_by`, `steps_decidable_by`,
  `steps_awaiting_recommendation_from` (used by the selectors and the commands);
- who: `employees_who_may_decide`.

An assignment is seen by its requester, the people it names, everyone asked to act, record or
recommend on one of its steps or who decided one, every official its letters name or copy
(tembusan, V-26), and the government's BKPSDM operators.
Acting on a step is the workflow engine's answer (`may_act`: the step's actor or recorder, or
their delegate under the flow's delegation scope).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from sikerja.assignments.models import Assignment, AssignmentCandidate
from sikerja.documents.models import LetterParty
from sikerja.organization.models import Delegation
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import LoadedPack
from sikerja.workflows.engine import may_act
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from sikerja.workflows.selectors import waiting_steps

SUBJECT_TYPE = "assignments.assignment"
VOLUNTARY_KINDS = frozenset({"FUNGSIONAL", "PELAKSANA"})


def may_request(viewer: Viewer) -> bool:
    """Penugasan is asked for by employees: an account without an employee record may not
    (may). Whether the pack lets this employee ask is the service's check."""
    return viewer.employee_id is not None


def may_request_mode(
    viewer: Viewer, mode: str, *, position_kinds: set[str], pack: LoadedPack
) -> bool:
    """Whether the home page offers the viewer to start a request of this mode (may): the viewer
    holds a post (V-44: the service refuses a requester without kedudukan, such as the regional
    head), the pack runs at least one allowed flow of the mode, and a voluntary application
    ("Ajukan diri") is made by a Pejabat Fungsional or Pelaksana (the Pasal 1 definition of
    Penugasan). The service checks the pack's rules again when the request is sent."""
    if not may_request(viewer) or not position_kinds:
        return False
    flows = [
        definition
        for definition in pack.data.workflows.values()
        if getattr(definition, "mode", None) == mode and definition.allowed
    ]
    if not flows:
        return False
    return mode != Assignment.Mode.VOLUNTARY or bool(position_kinds & VOLUNTARY_KINDS)


def _involved(employee_id: int) -> Q:
    return (
        Q(actor_id=employee_id)
        | Q(recorder_id=employee_id)
        | Q(recommender_id=employee_id)
        | Q(decided_by_id=employee_id)
    )


def assignments_visible_to(viewer: Viewer) -> QuerySet[Assignment]:
    """Every assignment the viewer may open (which)."""
    queryset = Assignment.objects.filter(government_id=viewer.government.pk)
    if viewer.is_admin or viewer.is_auditor:  # the auditor sees what the operator sees
        return queryset
    employee_id = viewer.employee_id
    if employee_id is None:
        return queryset.none()
    involved_steps = WorkflowStep.objects.filter(
        _involved(employee_id),
        instance__subject_type=SUBJECT_TYPE,
        instance__subject_id=OuterRef("pk"),
    )
    named = AssignmentCandidate.objects.filter(
        assignment_id=OuterRef("pk"), employee_id=employee_id
    )
    return queryset.filter(
        Q(requester_id=employee_id)
        | Exists(named)
        | Exists(involved_steps)
        | Exists(_named_in_letters(employee_id, OuterRef(OuterRef("pk"))))
    )


def _named_in_letters(employee_id: int, assignment_id: Any) -> QuerySet[LetterParty]:
    """V-26: the letters of the assignment (its request and every member's part) that name the
    employee, copies (tembusan) included. Inside a query over assignments, `assignment_id` is
    `OuterRef(OuterRef("pk"))`: the instances' subquery sits inside the letters' one."""
    instances = WorkflowInstance.objects.filter(
        subject_type=SUBJECT_TYPE, subject_id=assignment_id
    ).values("pk")
    return LetterParty.objects.filter(
        employee_id=employee_id, letter__workflow_instance_id__in=instances
    )


def assignments_requested_by(viewer: Viewer) -> QuerySet[Assignment]:
    """The assignments the viewer asked for (which; the ones `may_withdraw` is about)."""
    if viewer.employee_id is None:
        return Assignment.objects.none()
    return assignments_visible_to(viewer).filter(requester_id=viewer.employee_id)


def may_see_assignment(viewer: Viewer, assignment: Assignment) -> bool:
    """Whether the viewer may open the assignment (may)."""
    if assignment.government_id != viewer.government.pk:
        return False
    if viewer.is_admin or viewer.is_auditor:
        return True
    employee_id = viewer.employee_id
    if employee_id is None:
        return False
    if assignment.requester_id == employee_id:
        return True
    if assignment.candidate_links.filter(employee_id=employee_id).exists():
        return True
    involved = WorkflowStep.objects.filter(
        _involved(employee_id),
        instance__subject_type=SUBJECT_TYPE,
        instance__subject_id=assignment.pk,
    ).exists()
    return involved or _named_in_letters(employee_id, assignment.pk).exists()


def may_decide_step(viewer: Viewer, step: WorkflowStep, on: dt.date) -> bool:
    """Whether the viewer may decide (or record) the step on the day (may). Whether the step
    is still open is the engine's check-and-set, not a permission."""
    return (
        viewer.employee_id is not None
        and step.instance.government_id == viewer.government.pk
        and may_act(step, viewer.employee_id, on)
    )


def steps_decidable_by(viewer: Viewer, on: dt.date) -> list[WorkflowStep]:
    """The open penugasan steps the viewer may decide on the day (which): as actor, recorder or
    their delegate, as the engine's one inbox answers it."""
    if viewer.employee_id is None:
        return []
    waiting = waiting_steps(
        employee_id=viewer.employee_id,
        on=on,
        subject_types=(SUBJECT_TYPE,),
        government=viewer.government,
    )
    return [
        item.step
        for item in waiting
        if not item.as_recommender and item.step.instance.government_id == viewer.government.pk
    ]


def steps_awaiting_recommendation_from(viewer: Viewer) -> QuerySet[WorkflowStep]:
    """The open penugasan steps whose recommender the viewer is (which)."""
    if viewer.employee_id is None:
        return WorkflowStep.objects.none()
    return WorkflowStep.objects.filter(
        status=WorkflowStep.Status.OPEN,
        instance__subject_type=SUBJECT_TYPE,
        recommender_id=viewer.employee_id,
    )


def may_recommend_on_step(viewer: Viewer, step: WorkflowStep) -> bool:
    """Whether the viewer is the step's recommender (may)."""
    return viewer.employee_id is not None and step.recommender_id == viewer.employee_id


def may_withdraw(
    viewer: Viewer, assignment: Assignment, instance: WorkflowInstance, steps: list[WorkflowStep]
) -> bool:
    """The requester, while the request is open and nobody else decided a step of it
    [product decision]; the engine checks the same again (may)."""
    requester_id = assignment.requester_id
    return (
        viewer.employee_id is not None
        and viewer.employee_id == requester_id
        and instance.status == WorkflowInstance.Status.OPEN
        and all(s.decided_by_id in (None, requester_id) for s in steps)
    )


def employees_who_may_decide(step: WorkflowStep, on: dt.date) -> set[int]:
    """The employees who may decide the open step on the day: its actor and recorder, and
    their delegates under the flow's delegation scope, as the engine answers it (who)."""
    principals = {pk for pk in (step.actor_id, step.recorder_id) if pk is not None}
    if not principals or step.status != WorkflowStep.Status.OPEN:
        return set()
    delegates = Delegation.objects.effective_on(on).filter(from_employee_id__in=principals)
    candidates = principals | set(delegates.values_list("to_employee_id", flat=True))
    return {pk for pk in candidates if may_act(step, pk, on)}
