"""The permission matrix of a team's work (`teams/rules.py`) for every persona of the demo
pemda (Surakarta), on an active team the JF Ahli Muda leads with the Pelaksana as member:
the Kepala Dinas heads the owner unit, the Kepala Bidang appraises the lead, the
Subkoordinator appraises the Pelaksana."""

from __future__ import annotations

import pytest

from sikerja.teams import rules
from sikerja.teams.models import Obstacle, Rework, TeamPlan
from tests.teams.world import ON
from tests.viewers import PERSONAS, viewer_of

__all__ = ["viewer_of"]

# see_work, plan, report, feedback on the Pelaksana, monitor, raise, rework, decide plan,
# decide obstacle, close rework
MATRIX = {
    "bkpsdm": (True, False, False, False, False, False, False, False, False, False),
    "sekda": (True, False, False, False, False, False, False, False, False, False),
    "kepala_dinas": (True, False, False, False, True, False, True, True, True, True),
    "kabid": (True, False, False, False, True, False, False, False, True, False),
    "subkoordinator": (True, False, False, True, False, False, False, False, False, False),
    "jf_ahli_muda": (True, True, True, True, False, True, False, False, False, False),
    "pelaksana": (True, False, True, False, False, False, False, False, False, False),
    "outsider": (False, False, False, False, False, False, False, False, False, False),
    "other_tenant": (False, False, False, False, False, False, False, False, False, False),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", PERSONAS)
def test_the_work_permission_matrix_case(active_team, viewer_of, name):
    team = active_team
    viewer = viewer_of(name)
    me = viewer.employee_id
    pelaksana = viewer_of("pelaksana").employee_id
    manager = rules.team_manager(team, ON)
    plan = TeamPlan(team=team, status=TeamPlan.Status.SUBMITTED, approver_id=manager)
    obstacle = Obstacle(
        team=team,
        status=Obstacle.Status.UNDER_DECISION,
        targets=[manager, rules.appraiser_of(team, team.lead_id, ON)],
    )
    rework = Rework(team=team, status=Rework.Status.OPEN, owner_id=manager)

    answers = (
        rules.may_see_team_work(viewer, team, ON),
        rules.may_plan(team, me),
        rules.may_report_progress(team, me),
        rules.may_give_feedback(team, me, pelaksana, ON),
        rules.may_monitor(team, me, ON),
        rules.may_raise_obstacle(team, me, ON),
        rules.may_open_rework(team, me, ON),
        rules.may_decide_plan(plan, me),
        rules.may_decide_obstacle(obstacle, me),
        rules.may_close_rework(rework, me),
    )

    assert answers == MATRIX[name]
