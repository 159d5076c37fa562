"""Page reads of one penugasan: header, request, people, timeline, letters and my forms.

A view calls one function here. Scoping stays in `sikerja.assignments.selectors`: an assignment
the viewer may not see raises the same NotFound as a missing one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sikerja.assignments import rules, selectors
from sikerja.assignments.display import (
    CHANNEL_LABELS,
    FIELD_TITLES,
    MODE_LABELS,
    SCOPE_LABELS,
    SECONDARY_DECISIONS,
    STATUS_LABELS,
    SUBJECT_LABELS,
    DecisionButton,
    LetterRow,
    TimelineRow,
    decision_button,
    people_named_in,
    reason_hint,
)
from sikerja.assignments.forms import DecisionForm, RecommendationForm
from sikerja.assignments.hooks import NAMING_DOCUMENTS
from sikerja.assignments.models import Assignment
from sikerja.core.errors import DomainError
from sikerja.documents.rules import may_download_letter
from sikerja.documents.selectors import letter_list_for_instance
from sikerja.organization.display import shown_nip
from sikerja.organization.models import Employee, Placement
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.workflows import Decision, DocType, StepSpec
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from sikerja.workflows.selectors import step_label

STAFF_KINDS = ("FUNGSIONAL", "PELAKSANA")
# A reply letter may name the staff the partner unit offers (e.g. Surakarta WF-PEN-UO review).
STAFF_DOCUMENTS = {*NAMING_DOCUMENTS, DocType.INVOLVEMENT_REPLY}


@dataclass(frozen=True)
class FieldRow:
    """A filled-in field of the request."""

    label: str
    value: str


@dataclass(frozen=True)
class PersonLine:
    """A person named in the request, with NIP as the viewer may see it."""

    employee_id: int
    name: str
    nip: str
    position_title: str


@dataclass(frozen=True)
class StaffOption:
    """A JF or Pelaksana who may be named in a decision or recommendation."""

    employee_id: int
    label: str


@dataclass(frozen=True)
class DecisionPanel:
    """The decision form of the open step, for a viewer who may act on it."""

    step_id: int
    step_label: str
    buttons: list[DecisionButton]
    reason_hint: str
    names_staff: bool
    is_external: bool
    awaits_recommendation_from: str
    form: DecisionForm


@dataclass(frozen=True)
class RecommendationPanel:
    """The recommendation form, for the step's recommender while none is recorded."""

    step_id: int
    step_label: str
    form: RecommendationForm


@dataclass(frozen=True)
class AssignmentPage:
    """The assignment page: header, request, people, timeline, letters and what I may do."""

    assignment: Assignment
    instance: WorkflowInstance
    mode_label: str
    subject_label: str
    scope_label: str
    flow_label: str
    variant: str
    not_specified_by_pack: bool
    status_label: str
    fields: list[FieldRow]
    candidates: list[PersonLine]
    timeline: list[TimelineRow]
    letters: list[LetterRow]
    decision: DecisionPanel | None
    recommendation: RecommendationPanel | None
    may_withdraw: bool
    error: DomainError | None = None


def _request_fields(assignment: Assignment) -> list[FieldRow]:
    period = ""
    if assignment.starts_on or assignment.ends_on:
        period = " – ".join(
            date_format(day) for day in (assignment.starts_on, assignment.ends_on) if day
        )
    values = {
        "purpose": assignment.purpose,
        "competencies": ", ".join(assignment.competencies),
        "expected_target": assignment.expected_target,
        "duration": period,
        "task_description": assignment.task_description,
        "individual_target": assignment.individual_target,
        "other_arrangements": assignment.other_arrangements,
        "team_name": assignment.team_name,
        "channel": str(CHANNEL_LABELS.get(assignment.channel, assignment.channel)),
        "additional_task": _("Ya") if assignment.additional_task else "",
    }
    return [
        FieldRow(label=str(FIELD_TITLES[name]), value=value)
        for name, value in values.items()
        if value
    ]


def _staff_options(viewer: Viewer, assignment: Assignment, on: dt.date) -> list[StaffOption]:
    unit = assignment.home_unit or assignment.owner_unit
    placements = (
        Placement.objects.effective_on(on)
        .filter(position__unit__agency_id=unit.agency_id, position__kind__in=STAFF_KINDS)
        .select_related("employee", "position")
        .order_by("employee__name", "employee_id")
    )
    seen: dict[int, StaffOption] = {}
    for placement in placements:
        employee = placement.employee
        label = f"{employee.full_name} — {placement.position.title} ({shown_nip(viewer, employee.pk, employee.nip)})"
        seen.setdefault(employee.pk, StaffOption(employee.pk, label))
    return list(seen.values())


def _candidates(viewer: Viewer, assignment: Assignment, on: dt.date) -> list[PersonLine]:
    links = list(assignment.candidate_links.all())
    titles = dict(
        Placement.objects.effective_on(on)
        .filter(employee_id__in=[link.employee_id for link in links])
        .order_by("-kind")
        .values_list("employee_id", "position__title")
    )
    return [
        PersonLine(
            employee_id=link.employee_id,
            name=link.employee.full_name,
            nip=shown_nip(viewer, link.employee_id, link.employee.nip),
            position_title=titles.get(link.employee_id, ""),
        )
        for link in links
    ]


def _names_staff(spec: StepSpec) -> bool:
    return any(
        document.type in STAFF_DOCUMENTS
        for documents in spec.documents.values()
        for document in documents
    )


def _with_staff(
    form: DecisionForm | RecommendationForm, name: str, staff: list[StaffOption]
) -> None:
    form.fields[name].widget.choices = [(option.employee_id, option.label) for option in staff]


def _decision_panel(spec: StepSpec, step: WorkflowStep, context: _Context) -> DecisionPanel:
    form = context.submitted.decision or DecisionForm(
        initial={"step_id": step.pk, "assignee_ids": context.candidate_ids}
    )
    names_staff = _names_staff(spec)
    if names_staff:
        _with_staff(form, "assignee_ids", context.staff)
    waits = ""
    if step.recommender_id is not None and not list(step.recommendations.all()):
        waits = context.names.get(step.recommender_id, "")
    # Approval cannot succeed before the recommendation (V-23): disabled, with the reason.
    blocked = _("Menunggu rekomendasi %(name)s") % {"name": waits} if waits else ""
    return DecisionPanel(
        step_id=step.pk,
        step_label=step_label(step, get_language() or "id"),
        buttons=[
            DecisionButton(
                d.value,
                decision_button(d),
                d in SECONDARY_DECISIONS,
                blocked if d == Decision.APPROVE else "",
            )
            for d in spec.decisions
        ],
        reason_hint=reason_hint(spec),
        names_staff=names_staff,
        is_external=step.actor_expression.startswith("external."),
        awaits_recommendation_from=waits,
        form=form,
    )


def _recommendation_panel(step: WorkflowStep, context: _Context) -> RecommendationPanel:
    form = context.submitted.recommendation or RecommendationForm(
        initial={"step_id": step.pk, "recommended_ids": context.candidate_ids}
    )
    _with_staff(form, "recommended_ids", context.staff)
    label = step_label(step, get_language() or "id")
    return RecommendationPanel(step_id=step.pk, step_label=label, form=form)


def _letter_rows(viewer: Viewer, instance: WorkflowInstance, nip: str) -> list[LetterRow]:
    return [
        LetterRow.of(letter, may_download=may_download_letter(viewer, letter, nip))
        for letter in letter_list_for_instance(instance.pk)
    ]


@dataclass
class Submitted:
    """Forms the viewer posted (bound, with errors) and the refusal to show with them."""

    decision: DecisionForm | None = None
    recommendation: RecommendationForm | None = None
    error: DomainError | None = None


@dataclass
class _Context:
    """What the panels of the open step need, read once per page."""

    submitted: Submitted
    names: dict[int, str]
    candidate_ids: list[int]
    staff: list[StaffOption]


def _open_step(steps: list[WorkflowStep]) -> WorkflowStep | None:
    return next((s for s in steps if s.status == WorkflowStep.Status.OPEN), None)


def _awaits_my_recommendation(viewer: Viewer, step: WorkflowStep) -> bool:
    return rules.may_recommend_on_step(viewer, step) and not list(step.recommendations.all())


def _panels(
    viewer: Viewer, detail: selectors.AssignmentDetail, context: _Context, on: dt.date
) -> tuple[DecisionPanel | None, RecommendationPanel | None]:
    step = _open_step(detail.steps)
    if step is None or viewer.employee_id is None:
        return None, None
    may_act = rules.may_decide_step(viewer, step, on)
    recommends = _awaits_my_recommendation(viewer, step)
    spec = (
        load_pack(detail.instance.pack_id)
        .data.workflows[detail.instance.definition_key]
        .step(step.step_key)
    )
    if recommends or (may_act and _names_staff(spec)):
        context.staff = _staff_options(viewer, detail.assignment, on)
    decision = _decision_panel(spec, step, context) if may_act else None
    recommendation = _recommendation_panel(step, context) if recommends else None
    return decision, recommendation


def _people(viewer: Viewer, steps: list[WorkflowStep]) -> dict[int, Employee]:
    """The employees the page names by id, and the viewer (for their NIP), in one query."""
    ids = people_named_in(steps) | {s.recommender_id for s in steps if s.recommender_id}
    if viewer.employee_id is not None:
        ids.add(viewer.employee_id)
    return {employee.pk: employee for employee in Employee.objects.filter(pk__in=ids)}


def assignment_page(
    viewer: Viewer, assignment_id: int, on: dt.date, submitted: Submitted | None = None
) -> AssignmentPage:
    """Everything the assignment page shows (constant number of queries).

    Raises NotFound for missing and hidden assignments alike.
    """
    detail = selectors.assignment_detail(viewer=viewer, assignment_id=assignment_id)
    assignment, instance = detail.assignment, detail.instance
    definition = load_pack(instance.pack_id).data.workflows[instance.definition_key]
    people = _people(viewer, detail.steps)
    names = {pk: employee.full_name for pk, employee in people.items()}
    context = _Context(
        submitted=submitted or Submitted(),
        names=names,
        candidate_ids=[link.employee_id for link in assignment.candidate_links.all()],
        staff=[],
    )
    decision, recommendation = _panels(viewer, detail, context, on)
    me = people.get(viewer.employee_id or 0)
    language = get_language() or "id"
    return AssignmentPage(
        assignment=assignment,
        instance=instance,
        mode_label=str(MODE_LABELS.get(assignment.mode, assignment.mode)),
        subject_label=str(SUBJECT_LABELS.get(assignment.subject, assignment.subject)),
        scope_label=str(SCOPE_LABELS.get(assignment.scope, assignment.scope)),
        flow_label=definition.label_en if language.startswith("en") else definition.label,
        variant=definition.variant,
        not_specified_by_pack=definition.not_specified_by_pack,
        status_label=str(STATUS_LABELS.get(instance.status, instance.status)),
        fields=_request_fields(assignment),
        candidates=_candidates(viewer, assignment, on),
        timeline=[
            replace(TimelineRow.of(step, names), label=step_label(step, language))
            for step in detail.steps
        ],
        letters=_letter_rows(viewer, instance, me.nip if me else ""),
        decision=decision,
        recommendation=recommendation,
        may_withdraw=rules.may_withdraw(viewer, assignment, instance, detail.steps),
        error=context.submitted.error,
    )
