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
from sikerja.teams.models import Obstacle, Team, TeamPlan
from sikerja.teams.services.common import audit_team
from sikerja.teams.services.obstacles import route_targets
from sikerja.teams.services.plan_flow import plan_open_step
from sikerja.teams.services.work_common import (
    notify_on_commit,
    pack_of,
    refuse_unless,
    work_team,
)
from sikerja.workflows.lifecycle import instance_reroute


@dataclass(frozen=True)
class Rerouted:
    """What moved: the plan's approver (before, after) and each obstacle's targets."""

    plan: tuple[int | None, int | None] | None
    obstacles: dict[int, tuple[list[int], list[int]]]


def _plan_reroute(
    team: Team, by: Employee, at: dt.datetime, on: dt.date
) -> tuple[int | None, int | None] | None:
    """Move the approver's open step of the plan's flow (the engine's audited re-route) and
    the plan's approver with it."""
    plan = TeamPlan.objects.filter(team=team, status=TeamPlan.Status.SUBMITTED).first()
    step = plan_open_step(plan) if plan is not None else None
    if plan is None or step is None:
        return None
    moved = instance_reroute(
        instance_id=step.instance_id,
        operator_label=by.full_name,
        operator_user_id=None,
        at=at,
        on=on,
    )
    if moved is None or moved.actor_id == plan.approver_id:
        return None
    TeamPlan.objects.filter(pk=plan.pk, status=TeamPlan.Status.SUBMITTED).update(
        approver_id=moved.actor_id
    )
    return (plan.approver_id, moved.actor_id)


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
    plan_move = _plan_reroute(team, by, at, on)
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
