"""Re-routing a team's open work after a change of placement: the plan waiting for its
approver and the obstacles waiting for a decision were addressed to people resolved when they
were submitted; when those people no longer hold the role, the team's manager moves them to
whoever holds it on the day. Explicit and audited, never silent (issue 11, "Bad input and
safety")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.notifications import messages
from sikerja.organization.models import Employee
from sikerja.teams import rules
from sikerja.teams.models import Obstacle, TeamPlan
from sikerja.teams.services.common import audit_team
from sikerja.teams.services.obstacles import route_targets
from sikerja.teams.services.work_common import (
    notify_on_commit,
    pack_of,
    refuse_unless,
    teamwork,
    work_team,
)


@dataclass(frozen=True)
class Rerouted:
    """What moved: the plan's approver (before, after) and each obstacle's targets."""

    plan: tuple[int | None, int | None] | None
    obstacles: dict[int, tuple[list[int], list[int]]]


@transaction.atomic(durable=True)
def team_work_reroute(*, team_id: int, by: Employee, at: dt.datetime, on: dt.date) -> Rerouted:
    """Move the team's waiting plan and obstacles to the people who hold their roles on the
    day, as the head of the owner unit. Raises NotFound, PermissionDenied, ValidationFailed."""
    team = work_team(team_id, by, lock=True)
    pack = pack_of(team)
    refuse_unless(
        rules.team_manager(team, on) == by.pk,
        _("Pengalihan dilakukan oleh Pimpinan Unit Organisasi pemilik kinerja."),
    )
    settings = teamwork(pack).plan
    plan_move = None
    plan = TeamPlan.objects.filter(team=team, status=TeamPlan.Status.SUBMITTED).first()
    approver = rules.work_official(team, settings.approver, on) if settings.approver else None
    if plan is not None and approver is not None and approver != plan.approver_id:
        plan_move = (plan.approver_id, approver)
        TeamPlan.objects.filter(pk=plan.pk, status=TeamPlan.Status.SUBMITTED).update(
            approver_id=approver
        )
        notify_on_commit(team, [approver], messages.TEAM_PLAN_SUBMITTED, "", by)
    moved: dict[int, tuple[list[int], list[int]]] = {}
    for obstacle in team.obstacles.filter(status=Obstacle.Status.UNDER_DECISION):
        targets = route_targets(pack, team, obstacle.raised_by, on)
        if targets and targets != obstacle.targets:
            moved[obstacle.pk] = (list(obstacle.targets), targets)
            Obstacle.objects.filter(pk=obstacle.pk).update(targets=targets)
            notify_on_commit(team, targets, messages.TEAM_OBSTACLE_RAISED, "", by)
    result = Rerouted(plan=plan_move, obstacles=moved)
    audit_team(
        team,
        by,
        "team.work_rerouted",
        at,
        after={"plan": list(plan_move) if plan_move else None, "obstacles": moved},
    )
    return result
