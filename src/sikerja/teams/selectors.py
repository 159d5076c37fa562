"""Reads of teams, scoped to the viewer by `rules.teams_visible_to`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from sikerja.core.errors import NotFound
from sikerja.organization.display import shown_nip
from sikerja.organization.models import OrgUnit, Placement
from sikerja.organization.placements import placement_on
from sikerja.organization.rules import Viewer
from sikerja.teams import rules
from sikerja.teams.models import Team, TeamMember
from sikerja.workflows.models import WorkflowInstance, WorkflowStep


def team_list_for(*, viewer: Viewer) -> QuerySet[Team]:
    """The teams the viewer may see, newest first, with their owner unit and lead (1 query)."""
    return (
        rules.teams_visible_to(viewer)
        .select_related("owner_unit", "lead")
        .order_by("-created_at", "-pk")
    )


def team_get_for_viewer(*, viewer: Viewer, team_id: int) -> Team:
    """One team the viewer may see, with its people. Raises NotFound (hidden or missing)."""
    team = (
        team_list_for(viewer=viewer)
        .select_related("pengendali", "owner_unit__agency")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=TeamMember.objects.select_related("employee").order_by("role", "pk"),
            ),
            "candidate_links__employee",
        )
        .filter(pk=team_id)
        .first()
    )
    if team is None:
        raise NotFound()
    return team


def is_lead_overdue(team: Team, on: dt.date) -> bool:
    """V-13: the lead's post is vacant past its deadline (flagged; the team stays active)."""
    return team.lead_due_on is not None and team.lead_id is None and on > team.lead_due_on


@dataclass(frozen=True)
class FormationTrail:
    """The team's formation instance and its steps, in order."""

    instance: WorkflowInstance | None
    steps: list[WorkflowStep]


def formation_of_instance(team: Team) -> WorkflowInstance | None:
    """The latest formation instance of a team (1 query)."""
    return (
        WorkflowInstance.objects.filter(
            subject_type="teams.team", subject_id=team.pk, parent__isnull=True
        )
        .order_by("-pk")
        .first()
    )


def formation_of(team: Team) -> FormationTrail:
    """The latest formation instance of a team and its steps (2 queries)."""
    instance = formation_of_instance(team)
    steps = list(instance.steps.order_by("seq")) if instance else []
    return FormationTrail(instance=instance, steps=steps)


@dataclass(frozen=True)
class TeamView:
    """A team as its page and the API show it: the team, its people, its formation steps."""

    team: Team
    members: list[TeamMember]
    candidates: list[int]
    steps: list[WorkflowStep]
    formation_status: str
    lead_overdue: bool


def team_view(*, viewer: Viewer, team_id: int, on: dt.date) -> TeamView:
    """One team the viewer may see, with its people and formation. Raises NotFound."""
    team = team_get_for_viewer(viewer=viewer, team_id=team_id)
    trail = formation_of(team)
    return TeamView(
        team=team,
        members=list(team.memberships.all()),
        candidates=[link.employee_id for link in team.candidate_links.all()],
        steps=trail.steps,
        formation_status=trail.instance.status if trail.instance else "",
        lead_overdue=is_lead_overdue(team, on),
    )


def formation_for_page(team: Team) -> FormationTrail:
    """The team's latest formation and its steps with what a timeline shows: who decided,
    recommendations and the instance (3 queries)."""
    instance = formation_of_instance(team)
    steps = (
        list(
            instance.steps.select_related("decided_by", "instance")
            .prefetch_related("recommendations__by")
            .order_by("seq")
        )
        if instance
        else []
    )
    return FormationTrail(instance=instance, steps=steps)


PICKER_ROWS = 10


@dataclass(frozen=True)
class PickedPerson:
    """A person offered by the team forms' person picker, with the position they hold."""

    employee_id: int
    name: str
    nip: str
    position: str
    unit: str


def people_for_picker(
    *, viewer: Viewer, query: str, chosen: list[int], on: dt.date
) -> tuple[list[PickedPerson], list[PickedPerson]]:
    """The people already chosen, and up to ten others placed in the viewer's government whose
    name has every word of the query (or, for those who see NIPs in full, whose NIP has its
    digits) (2 queries at most, whatever the government's size)."""
    placements = (
        Placement.objects.effective_on(on)
        .filter(government_id=viewer.government.pk)
        .select_related("employee", "position__unit")
        .order_by("employee__name", "employee_id", "kind")
    )
    picked = _people(viewer, placements.filter(employee_id__in=chosen)) if chosen else []
    words = query.split()
    if not words:
        return picked, []
    digits = "".join(ch for ch in query if ch.isdigit())
    if digits and len(digits) == len(query.replace(" ", "")):
        if not (viewer.is_admin or viewer.is_auditor):
            return picked, []
        matches = placements.filter(employee__nip__contains=digits)
    else:
        matches = placements
        for word in words:
            matches = matches.filter(employee__name__icontains=word)
    found = _people(viewer, matches.exclude(employee_id__in=chosen)[: PICKER_ROWS * 2])
    return picked, found[:PICKER_ROWS]


def _people(viewer: Viewer, placements: QuerySet[Placement]) -> list[PickedPerson]:
    """One line per person (their first placement in the query's order)."""
    people: dict[int, PickedPerson] = {}
    for placement in placements:
        employee = placement.employee
        people.setdefault(
            employee.pk,
            PickedPerson(
                employee_id=employee.pk,
                name=employee.full_name,
                nip=shown_nip(viewer, employee.pk, employee.nip),
                position=placement.position.title,
                unit=placement.position.unit.name,
            ),
        )
    return list(people.values())


def owner_units_for(*, viewer: Viewer, on: dt.date) -> list[OrgUnit]:
    """The units the viewer may name as a team's owner: their own unit and every unit under it,
    in tree order (2 queries; none for a viewer without an employee record)."""
    if viewer.employee_id is None:
        return []
    own = placement_on(viewer.employee_id, on)
    if own is None:
        return []
    path, agency_id = own.position.unit.path, own.position.unit.agency_id
    return list(
        OrgUnit.objects.filter(
            government_id=viewer.government.pk, agency_id=agency_id, path__startswith=path
        ).order_by("path")
    )
