"""Page reads of tim kerja: the list, and one team with its formation and my decision form.

A view calls one function here. Scoping stays in `sikerja.teams.selectors`: a team the viewer
may not see raises the same NotFound as a missing one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from django.core.paginator import Page, Paginator
from django.utils.translation import get_language

from sikerja.assignments.display import (
    SECONDARY_DECISIONS,
    STATUS_LABELS,
    DecisionButton,
    LetterRow,
    TimelineRow,
    decision_button,
    people_named_in,
    reason_hint,
)
from sikerja.core.errors import DomainError
from sikerja.documents.rules import may_download_letter
from sikerja.documents.selectors import letter_list_for_instance
from sikerja.organization.display import shown_nip
from sikerja.organization.models import Employee
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.workflows import Decision, StepSpec
from sikerja.teams import rules, selectors
from sikerja.teams.forms import TeamDecisionForm
from sikerja.teams.models import LeadCandidate, Team
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from sikerja.workflows.selectors import step_label

ROWS_PER_PAGE = 20


@dataclass(frozen=True)
class TeamRow:
    """A team in the list."""

    team_id: int
    name: str
    status_label: str
    scope_label: str
    owner_unit: str
    lead_name: str
    starts_on: dt.date
    ends_on: dt.date


@dataclass(frozen=True)
class TeamListPage:
    """One page of the teams the viewer may see."""

    page: Page[Any]  # the paginator only; `rows` carry what the template shows
    rows: list[TeamRow]


def team_list_page(viewer: Viewer, page_number: str | None) -> TeamListPage:
    """The teams the viewer may see, newest first: paginated, 2 queries whatever the rows."""
    page = Paginator(selectors.team_list_for(viewer=viewer), ROWS_PER_PAGE).get_page(page_number)
    rows = [
        TeamRow(
            team_id=team.pk,
            name=team.name,
            status_label=str(team.get_status_display()),
            scope_label=str(team.get_scope_display()),
            owner_unit=team.owner_unit.name,
            lead_name=team.lead.full_name if team.lead else "",
            starts_on=team.starts_on,
            ends_on=team.ends_on,
        )
        for team in page
    ]
    return TeamListPage(page=page, rows=rows)


@dataclass(frozen=True)
class PersonLine:
    """A person on the team or proposed for it, with the NIP as the viewer may see it."""

    name: str
    nip: str
    role_label: str = ""
    status_label: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    is_chosen: bool = False


@dataclass(frozen=True)
class DecisionPanel:
    """The decision form of the open step, for a viewer who may act on it."""

    step_id: int
    step_label: str
    buttons: list[DecisionButton]
    reason_hint: str
    chooses_lead: bool
    form: TeamDecisionForm


@dataclass
class Submitted:
    """The decision form the viewer posted (bound, with errors) and the refusal to show."""

    decision: TeamDecisionForm | None = None
    error: DomainError | None = None


@dataclass(frozen=True)
class TeamPage:
    """The team page: what it is, its people, its formation, its letters, my decision form."""

    team: Team
    status_label: str
    scope_label: str
    instrument_label: str
    formation_label: str
    lead_overdue: bool
    members: list[PersonLine]
    candidates: list[PersonLine]
    pengendali: PersonLine | None
    timeline: list[TimelineRow]
    letters: list[LetterRow]
    decision: DecisionPanel | None
    waits_for_lead_input: bool
    error: DomainError | None = None


def _members(viewer: Viewer, team: Team) -> list[PersonLine]:
    return [
        PersonLine(
            name=member.employee.full_name,
            nip=shown_nip(viewer, member.employee_id, member.employee.nip),
            role_label=str(member.get_role_display()),
            status_label=str(member.get_status_display()),
            valid_from=member.valid_from,
            valid_to=member.valid_to,
        )
        for member in team.memberships.all()
    ]


def _candidate_links(team: Team) -> list[LeadCandidate]:
    return sorted(team.candidate_links.all(), key=lambda link: (link.order, link.pk))


def _candidates(viewer: Viewer, team: Team) -> list[PersonLine]:
    links = _candidate_links(team)
    return [
        PersonLine(
            name=link.employee.full_name,
            nip=shown_nip(viewer, link.employee_id, link.employee.nip),
            is_chosen=link.is_chosen,
        )
        for link in links
    ]


def _pengendali(viewer: Viewer, team: Team) -> PersonLine | None:
    person = team.pengendali
    if person is None:
        return None
    return PersonLine(name=person.full_name, nip=shown_nip(viewer, person.pk, person.nip))


def _is_lead_input(spec: StepSpec) -> bool:
    """The lead's input on the members (V-65): a list of members the page does not ask yet."""
    return spec.actor == "lead" and Decision.SUBMIT in spec.decisions


def _decision_panel(
    team: Team, spec: StepSpec, step: WorkflowStep, submitted: Submitted
) -> DecisionPanel:
    chooses_lead = "V-36" in spec.rules
    form = submitted.decision or TeamDecisionForm(initial={"step_id": step.pk})
    if chooses_lead:
        form.fields["lead_id"].widget.choices = [
            ("", "—"),
            *((link.employee_id, link.employee.full_name) for link in _candidate_links(team)),
        ]
    return DecisionPanel(
        step_id=step.pk,
        step_label=step_label(step, get_language() or "id"),
        buttons=[
            DecisionButton(d.value, decision_button(d), d in SECONDARY_DECISIONS)
            for d in spec.decisions
        ],
        reason_hint=reason_hint(spec),
        chooses_lead=chooses_lead,
        form=form,
    )


def _open_spec(
    viewer: Viewer, instance: WorkflowInstance | None, steps: list[WorkflowStep], on: dt.date
) -> tuple[WorkflowStep, StepSpec] | None:
    """The open step and its definition, when the viewer may decide it."""
    step = next((s for s in steps if s.status == WorkflowStep.Status.OPEN), None)
    if instance is None or step is None or not rules.may_decide_step(viewer, step, on):
        return None
    definition = load_pack(instance.pack_id).data.workflows[instance.definition_key]
    return step, definition.step(step.step_key)


def _letters(viewer: Viewer, instance: WorkflowInstance | None) -> list[LetterRow]:
    if instance is None:
        return []
    me = Employee.objects.filter(pk=viewer.employee_id).first() if viewer.employee_id else None
    nip = me.nip if me else ""
    return [
        LetterRow.of(letter, may_download=may_download_letter(viewer, letter, nip))
        for letter in letter_list_for_instance(instance.pk)
    ]


def _timeline(steps: list[WorkflowStep]) -> list[TimelineRow]:
    ids = people_named_in(steps)
    names = {e.pk: e.full_name for e in Employee.objects.filter(pk__in=ids)} if ids else {}
    language = get_language() or "id"
    return [
        replace(TimelineRow.of(step, names), label=step_label(step, language)) for step in steps
    ]


def team_page(
    viewer: Viewer, team_id: int, on: dt.date, submitted: Submitted | None = None
) -> TeamPage:
    """Everything the team page shows. Raises NotFound for missing and hidden teams alike."""
    submitted = submitted or Submitted()
    team = selectors.team_get_for_viewer(viewer=viewer, team_id=team_id)
    trail = selectors.formation_for_page(team)
    open_spec = _open_spec(viewer, trail.instance, trail.steps, on)
    lead_input = open_spec is not None and _is_lead_input(open_spec[1])
    decision = (
        _decision_panel(team, open_spec[1], open_spec[0], submitted)
        if open_spec and not lead_input
        else None
    )
    formation = trail.instance.status if trail.instance else ""
    return TeamPage(
        team=team,
        status_label=str(team.get_status_display()),
        scope_label=str(team.get_scope_display()),
        instrument_label=str(team.get_instrument_display()),
        formation_label=str(STATUS_LABELS.get(formation, formation)),
        lead_overdue=selectors.is_lead_overdue(team, on),
        members=_members(viewer, team),
        candidates=_candidates(viewer, team),
        pengendali=_pengendali(viewer, team),
        timeline=_timeline(trail.steps),
        letters=_letters(viewer, trail.instance),
        decision=decision,
        waits_for_lead_input=lead_input,
        error=submitted.error,
    )
