"""Reads of teams, scoped to the viewer by `rules.teams_visible_to`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from sikerja.core.errors import NotFound
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
