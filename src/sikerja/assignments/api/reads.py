"""The penugasan API's read shapes, built on the assignments and documents selectors.

The selectors do the scoping (who may see an assignment, who may download a letter); this
module only arranges their answers for the schemas, with a fixed number of queries: a page of a
box costs 2 queries (sent, all) or 4 (inbox), whatever its size; one assignment with its
timeline costs 7, and 1 more when a recommendation names people. A request just submitted is
answered from what the service wrote, with no query, where that is the whole of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

from sikerja.assignments import rules, selectors
from sikerja.assignments.models import Assignment, AssignmentCandidate
from sikerja.assignments.services import SubmittedRequest
from sikerja.documents.models import Letter
from sikerja.documents.render import verification_url
from sikerja.documents.rules import may_download_letter
from sikerja.documents.selectors import letter_list_for_instance
from sikerja.documents.wording import position_of
from sikerja.organization.models import Employee
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.workflows import Decision, WorkflowDefinition
from sikerja.workflows.maps import decision_label
from sikerja.workflows.models import Recommendation, WorkflowInstance, WorkflowStep

BOXES = ("inbox", "sent", "all")


@dataclass(frozen=True)
class FlowRef:
    """A flow of the pack under its key (a team variant has its own key, e.g. '…-TEAM')."""

    key: str
    definition: WorkflowDefinition


@dataclass(frozen=True)
class LetterView:
    id: int
    number: str
    doc_type: str
    doc_type_label: str
    title: str
    issued_on: dt.date
    signer: dict[str, str]
    addressees: list[str]
    cc: list[str]
    verification_code: str
    verification_url: str
    pdf_url: str
    is_external: bool
    is_revoked: bool
    can_download: bool


@dataclass(frozen=True)
class RecommendationView:
    recommendation: Recommendation
    recommended: list[Employee]


@dataclass(frozen=True)
class StepView:
    step: WorkflowStep
    decision_label: str
    recommendation_required: bool
    recommendations: list[RecommendationView] = field(default_factory=list)
    documents: list[LetterView] = field(default_factory=list)


@dataclass(frozen=True)
class AssignmentView:
    """One assignment as the detail shows it: its flow and its timeline."""

    assignment: Assignment
    instance: WorkflowInstance
    flow: FlowRef
    steps: list[StepView]
    candidates: list[AssignmentCandidate]

    @property
    def current_step(self) -> StepView | None:
        open_status = WorkflowStep.Status.OPEN
        return next((view for view in self.steps if view.step.status == open_status), None)


@dataclass(frozen=True)
class AssignmentRow:
    """A row of a box: the assignment (annotated with its status) and, in the inbox, my step."""

    assignment: Assignment
    step: WorkflowStep | None = None
    as_recommender: bool = False


@dataclass(frozen=True)
class AssignmentPage:
    items: list[AssignmentRow]
    count: int


def letter_pdf_url(letter_id: int) -> str:
    return reverse("api-v1:letter_pdf", kwargs={"letter_id": letter_id})


def _party_name(party: Any) -> str:
    if not isinstance(party, dict):
        return ""
    return str(party.get("name") or party.get("agency") or "")


def letter_view(letter: Letter, viewer: Viewer, nip: str) -> LetterView:
    """A letter as the timeline lists it, with whether the caller may download its PDF."""
    signer = letter.signer if isinstance(letter.signer, dict) else {}
    return LetterView(
        id=letter.pk,
        number=letter.number,
        doc_type=letter.doc_type,
        doc_type_label=str(letter.get_doc_type_display()),
        title=letter.title,
        issued_on=letter.issued_on,
        signer={
            "name": _party_name(signer),
            "position": position_of(signer, acting=True, home_agency_id=letter.agency_id),
        },
        addressees=[_party_name(party) for party in letter.addressees],
        cc=[_party_name(party) for party in letter.cc],
        verification_code=letter.verification_code,
        verification_url=verification_url(letter),
        pdf_url=letter_pdf_url(letter.pk),
        is_external=letter.is_external,
        is_revoked=getattr(letter, "revocation", None) is not None,
        can_download=may_download_letter(viewer, letter, nip),
    )


def _viewer_nip(viewer: Viewer) -> str:
    if viewer.employee_id is None:
        return ""
    nips = Employee.objects.filter(pk=viewer.employee_id).values_list("nip", flat=True)
    return nips.first() or ""


def _recommended_people(steps: list[WorkflowStep]) -> dict[int, Employee]:
    ids = {
        int(pk)
        for step in steps
        for recommendation in step.recommendations.all()
        for pk in recommendation.recommended_ids or []
    }
    return Employee.objects.in_bulk(list(ids)) if ids else {}


def _step_view(
    step: WorkflowStep,
    letters: list[LetterView],
    people: dict[int, Employee],
    recommendations: Sequence[Recommendation] | None = None,
) -> StepView:
    """A step of the timeline; its recommendations are the prefetched ones unless given."""
    given = step.recommendations.all() if recommendations is None else recommendations
    recommendations_view = [
        RecommendationView(
            recommendation=recommendation,
            recommended=[
                people[int(pk)] for pk in recommendation.recommended_ids if int(pk) in people
            ],
        )
        for recommendation in given
    ]
    return StepView(
        step=step,
        decision_label=decision_label(Decision(step.decision)) if step.decision else "",
        recommendation_required=step.recommender_id is not None,
        recommendations=recommendations_view,
        documents=letters,
    )


def assignment_view(viewer: Viewer, assignment_id: int) -> AssignmentView:
    """One assignment the caller may see, with its timeline and letters (7 or 8 queries).

    Raises NotFound for a missing assignment and for one the caller may not see alike.
    """
    detail = selectors.assignment_detail(viewer=viewer, assignment_id=assignment_id)
    instance = detail.instance
    definition = load_pack(instance.pack_id).data.workflows[instance.definition_key]
    nip = _viewer_nip(viewer)
    by_step: dict[int | None, list[LetterView]] = {}
    for letter in letter_list_for_instance(instance.pk):
        by_step.setdefault(letter.workflow_step_id, []).append(letter_view(letter, viewer, nip))
    people = _recommended_people(detail.steps)
    return AssignmentView(
        assignment=detail.assignment,
        instance=instance,
        flow=FlowRef(key=instance.definition_key, definition=definition),
        steps=[_step_view(step, by_step.get(step.pk, []), people) for step in detail.steps],
        candidates=list(detail.assignment.candidate_links.all()),
    )


def submitted_view(viewer: Viewer, submitted: SubmittedRequest) -> AssignmentView:
    """The request the caller has just submitted, as `assignment_view` answers it.

    Built from the rows the service wrote, with no query, when they are the whole answer: the
    rule lets the caller see it (the requester always may, with no query), the engine wrote
    every step row itself, and no letter was issued (a letter's answer needs reads). Otherwise
    read as `assignment_view` reads it.
    """
    assignment, written = submitted.assignment, submitted.workflow
    if written.steps is None or written.letters or not rules.may_see_assignment(viewer, assignment):
        return assignment_view(viewer, assignment.pk)
    instance = written.instance
    definition = load_pack(instance.pack_id).data.workflows[instance.definition_key]
    # New rows: no recommendation, no letter, and the order they were written in is the pk's.
    return AssignmentView(
        assignment=assignment,
        instance=instance,
        flow=FlowRef(key=instance.definition_key, definition=definition),
        steps=[_step_view(step, [], {}, recommendations=()) for step in written.steps],
        candidates=submitted.candidate_links,
    )


def _inbox_page(viewer: Viewer, on: dt.date, start: int, stop: int) -> AssignmentPage:
    if viewer.employee_id is None:
        return AssignmentPage(items=[], count=0)
    waiting = selectors.inbox(employee_id=viewer.employee_id, on=on, government=viewer.government)
    shown = waiting[start:stop]
    annotated = (
        selectors.with_status(Assignment.objects.filter(pk__in=[i.assignment.pk for i in shown]))
        .select_related("requester")
        .in_bulk()
    )
    rows = [AssignmentRow(annotated[i.assignment.pk], i.step, i.as_recommender) for i in shown]
    return AssignmentPage(items=rows, count=len(waiting))


def assignment_page(
    viewer: Viewer, *, box: str, on: dt.date, page: int, page_size: int
) -> AssignmentPage:
    """A page of a box: `inbox` (open steps awaiting me), `sent` (mine), `all` (visible to me)."""
    start = (page - 1) * page_size
    stop = start + page_size
    if box == "inbox":
        return _inbox_page(viewer, on, start, stop)
    queryset = selectors.assignment_list_for(viewer, box=box)
    return AssignmentPage(
        items=[AssignmentRow(assignment) for assignment in queryset[start:stop]],
        count=queryset.count(),
    )
