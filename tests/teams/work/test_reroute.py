"""A change of placement mid-team: the plan and the obstacles waiting for the former Kepala
Bidang are moved to the new one by an explicit, audited re-route, never silently."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.core.errors import PermissionDenied
from sikerja.teams.models import Obstacle, TeamPlan
from sikerja.teams.services.obstacles import obstacle_raise
from sikerja.teams.services.reroute import team_work_reroute
from tests.teams.work.helpers import actions, refused, replace_kabid, submitted_plan
from tests.teams.work.packs import active_team
from tests.teams.world import NOW, ON

pytestmark = pytest.mark.django_db
LATER = ON + dt.timedelta(days=3)


def test_the_new_unit_head_takes_over_the_waiting_plan_and_obstacle():
    org, people, team = active_team("kotim-2023")
    submitted_plan(team, people["ahli_muda"])
    obstacle = obstacle_raise(
        team_id=team.pk,
        by=people["ahli_muda"],
        problem="Akses terputus",
        recommendations=["Tunda"],
        at=NOW,
        on=ON,
    )
    former, successor = replace_kabid(org, NOW, LATER)

    untouched = (TeamPlan.objects.get().approver_id, Obstacle.objects.get().targets)
    refused(
        lambda: team_work_reroute(team_id=team.pk, by=former, at=NOW, on=LATER), PermissionDenied
    )
    moved = team_work_reroute(team_id=team.pk, by=successor, at=NOW, on=LATER)

    assert untouched == (former.pk, [former.pk])
    assert moved.plan == (former.pk, successor.pk)
    assert moved.obstacles == {obstacle.pk: ([former.pk], [successor.pk])}
    assert (TeamPlan.objects.get().approver_id, Obstacle.objects.get().targets) == (
        successor.pk,
        [successor.pk],
    )
    assert actions(team)[-1] == "team.work_rerouted"
