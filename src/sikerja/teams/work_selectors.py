"""Reads of a team's work (evidence, plan, progress, feedback, monitoring, obstacles, rework),
scoped to the viewer by the team's visibility (`rules.teams_visible_to`): hidden and missing
answer alike (NotFound). Each read has a fixed number of queries, whatever the rows and the
team's size (the team's officials are resolved once, in bulk: `officials.officials_prime`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from sikerja.core.errors import NotFound
from sikerja.organization.models import Delegation
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.teamwork import TeamWork
from sikerja.teams import rules
from sikerja.teams.models import (
    EvidenceFile,
    Feedback,
    MonitoringRecord,
    Obstacle,
    PlanActivity,
    ProgressEntry,
    Rework,
    Team,
    TeamMember,
    TeamPlan,
    WorkPlan,
)
from sikerja.teams.officials import officials_prime

PROGRESS_SHOWN = 50
RESPONSIBILITY_ROLES = ("team_lead", "team_member")


def evidence_get_for_download(
    *, viewer: Viewer, team_id: int, evidence_id: int, on: dt.date
) -> EvidenceFile:
    """One evidence file of a team whose work the viewer may see. Raises NotFound (hidden or
    missing)."""
    evidence = (
        EvidenceFile.objects.select_related("team__government")
        .filter(pk=evidence_id, team_id=team_id, government_id=viewer.government.pk)
        .first()
    )
    if evidence is None or not rules.may_see_evidence(viewer, evidence, on):
        raise NotFound()
    return evidence


@dataclass(frozen=True)
class Responsibility:
    """A role's list of responsibilities in the pack (K1-K6, A1-A3) with its article."""

    role: str
    items: tuple[str, ...]
    citation: str


@dataclass
class TeamWorkView:
    """A team's work as its page and the API show it."""

    team: Team
    members: list[TeamMember]
    plan: TeamPlan | None
    activities: list[PlanActivity]
    work_plans: list[WorkPlan]
    progress: list[ProgressEntry]
    evidence: dict[int, list[EvidenceFile]]
    feedback: list[Feedback]
    monitoring: list[MonitoringRecord]
    obstacles: list[Obstacle]
    rework: list[Rework]
    responsibilities: list[Responsibility]
    settings: TeamWork | None
    allowed: dict[str, bool] = field(default_factory=dict)


def _team(viewer: Viewer, team_id: int, on: dt.date) -> Team:
    team = (
        Team.objects.filter(government_id=viewer.government.pk)
        .select_related("government", "owner_unit", "lead", "pengendali")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=TeamMember.objects.exclude(status=TeamMember.Status.ENDED)
                .select_related("employee")
                .order_by("role", "pk"),
            )
        )
        .filter(pk=team_id)
        .first()
    )
    if team is None or not rules.may_see_team_work(viewer, team, on):
        raise NotFound()
    officials_prime(team, on)  # the page's questions about its officials ask no more
    return team


def _responsibilities(team: Team) -> list[Responsibility]:
    pack = load_pack(team.government.pack_id)
    items = pack.parameters.responsibility_items
    citations = pack.parameters.responsibility_citations
    return [
        Responsibility(
            role=role,
            items=items[role],
            citation=f"{pack.short} {citations[role]}" if role in citations else "",
        )
        for role in RESPONSIBILITY_ROLES
        if role in items
    ]


def _evidence_of(progress: list[ProgressEntry]) -> dict[int, list[EvidenceFile]]:
    found: dict[int, list[EvidenceFile]] = defaultdict(list)
    ids = [entry.pk for entry in progress]
    rows = EvidenceFile.objects.filter(owner_kind="progress", owner_id__in=ids).order_by("pk")
    for row in rows if ids else []:
        found[int(row.owner_id or 0)].append(row)
    return dict(found)


def team_work_view(*, viewer: Viewer, team_id: int, on: dt.date) -> TeamWorkView:
    """A team's work for a viewer who may see it (`rules.may_see_team_work`). Raises
    NotFound."""
    team = _team(viewer, team_id, on)
    plan = TeamPlan.objects.select_related("approver", "decided_by").filter(team=team).first()
    progress = list(
        team.progress.select_related("employee", "activity").order_by("-reported_at", "-pk")[
            :PROGRESS_SHOWN
        ]
    )
    return TeamWorkView(
        team=team,
        members=list(team.memberships.all()),
        plan=plan,
        activities=list(plan.activities.select_related("assignee").order_by("seq")) if plan else [],
        work_plans=list(team.work_plans.select_related("employee").order_by("pk")),
        progress=progress,
        evidence=_evidence_of(progress),
        feedback=list(team.feedback.select_related("by", "about").order_by("-given_at", "-pk")),
        monitoring=list(team.monitoring.select_related("by").order_by("-held_on", "-pk")),
        obstacles=list(
            team.obstacles.select_related("raised_by", "decided_by")
            .prefetch_related("follow_ups__by")
            .order_by("-raised_at", "-pk")
        ),
        rework=list(team.rework.select_related("owner").order_by("-opened_at", "-pk")),
        responsibilities=_responsibilities(team),
        settings=load_pack(team.government.pack_id).data.teamwork,
    )


def _plan_deputy(view: TeamWorkView, employee_id: int | None, on: dt.date) -> bool:
    """Whether the viewer acts for the plan's approver under the delegation scope of the
    pack's plan flow (the engine lets such a delegate decide the step: 1 query)."""
    settings = view.settings
    if view.plan is None or settings is None or not settings.plan.flow or employee_id is None:
        return False
    flow = load_pack(view.team.government.pack_id).data.workflows[settings.plan.flow]
    return (
        Delegation.objects.effective_on(on)
        .filter(
            from_employee_id=view.plan.approver_id,
            to_employee_id=employee_id,
            scope=flow.delegation_scope,
        )
        .exists()
    )


def work_allowed(view: TeamWorkView, viewer: Viewer, on: dt.date) -> dict[str, bool]:
    """What the viewer may do on the team's work on the day (the forms a page offers)."""
    team, me = view.team, viewer.employee_id
    lead_view = rules.may_plan(team, me)
    return {
        "plan": lead_view and (view.plan is None or view.plan.status in {"DRAFT", "RETURNED"}),
        "plan_roles": lead_view,
        "decide_plan": view.plan is not None
        and view.plan.status == TeamPlan.Status.SUBMITTED
        and (view.plan.approver_id == me or _plan_deputy(view, me, on)),
        "report": rules.may_report_progress(team, me),
        "feedback": any(
            rules.may_give_feedback(team, me, member.employee_id, on) for member in view.members
        ),
        "monitor": rules.may_monitor(team, me, on),
        "raise": rules.may_raise_obstacle(team, me, on),
        "rework": rules.may_open_rework(team, me, on),
        "dialogue": any(
            rules.may_record_dialogue(team, me, member.employee_id, rules.dialogue_roles(team), on)
            for member in view.members
        ),
    }


def my_teams(*, viewer: Viewer) -> QuerySet[TeamMember]:
    """The viewer's current places on teams ("Pekerjaan saya"), newest team first (1 query)."""
    if viewer.employee_id is None:
        return TeamMember.objects.none()
    return (
        TeamMember.objects.filter(
            employee_id=viewer.employee_id,
            team__government_id=viewer.government.pk,
            status=TeamMember.Status.ACTIVE,
        )
        .select_related("team__owner_unit", "team__lead")
        .order_by("-team__starts_on", "-team_id")
    )


def my_progress(*, viewer: Viewer, limit: int = PROGRESS_SHOWN) -> list[ProgressEntry]:
    """The viewer's latest progress entries across their teams (1 query)."""
    if viewer.employee_id is None:
        return []
    return list(
        ProgressEntry.objects.filter(
            employee_id=viewer.employee_id, team__government_id=viewer.government.pk
        )
        .select_related("team", "activity")
        .order_by("-reported_at", "-pk")[:limit]
    )


def obstacles_waiting_for(*, viewer: Viewer) -> list[Obstacle]:
    """Open obstacles the viewer is asked to decide (1 query; JSON lists filtered here)."""
    rows = (
        Obstacle.objects.filter(
            team__government_id=viewer.government.pk, status=Obstacle.Status.UNDER_DECISION
        )
        .select_related("team")
        .order_by("-raised_at", "-pk")
    )
    return [row for row in rows if viewer.employee_id in row.targets]


def plans_waiting_for(*, viewer: Viewer) -> list[TeamPlan]:
    """Submitted plans the viewer is to set (1 query)."""
    return list(
        TeamPlan.objects.filter(
            approver_id=viewer.employee_id,
            team__government_id=viewer.government.pk,
            status=TeamPlan.Status.SUBMITTED,
        )
        .select_related("team")
        .order_by("-submitted_at", "-pk")
    )


def rework_owned_by(*, viewer: Viewer) -> list[Rework]:
    """Open rework the viewer owns (1 query)."""
    return list(
        Rework.objects.filter(
            owner_id=viewer.employee_id,
            team__government_id=viewer.government.pk,
            status=Rework.Status.OPEN,
        )
        .select_related("team")
        .order_by("-opened_at", "-pk")
    )
