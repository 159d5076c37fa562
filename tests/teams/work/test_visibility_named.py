"""`rules.teams_visible_to` for the people a team's work names who hold no other tie to it: the
official an obstacle waits for or asks to collaborate, the plan's approver, the owner of its
rework, the appraiser a member result is addressed to. The outsider (another agency) stands in
for an official reached after a change of placement (the re-route writes the new official on
the row); an id that only contains theirs does not count."""

from __future__ import annotations

import pytest

from sikerja.teams import rules
from sikerja.teams.models import MemberResult, Obstacle, Rework, TeamPlan
from sikerja.teams.services.execution import rework_open
from sikerja.teams.services.obstacles import obstacle_raise
from tests.teams.work.flow import open_reports, submit
from tests.teams.work.helpers import submitted_plan
from tests.teams.world import NOW, ON
from tests.viewers import viewer_of

__all__ = ["viewer_of"]


@pytest.fixture
def outsider(viewer_of, active_team):
    viewer = viewer_of("outsider")
    assert not rules.may_see_team(viewer, active_team, ON)
    return viewer


def _sees(viewer, team) -> tuple[bool, bool, bool]:
    return (
        rules.may_see_team(viewer, team, ON),
        rules.teams_visible_to(viewer, ON).filter(pk=team.pk).exists(),
        rules.may_see_team_work(viewer, team, ON),
    )


def test_the_official_an_obstacle_waits_for_sees_the_team_a_longer_id_does_not(
    active_team, persona, outsider
):
    obstacle = obstacle_raise(
        team_id=active_team.pk,
        by=persona("jf_ahli_muda"),
        problem="Data belum lengkap",
        recommendations=["Tambah petugas"],
        at=NOW,
        on=ON,
    )
    me = outsider.employee_id
    Obstacle.objects.filter(pk=obstacle.pk).update(targets=[int(f"{me}1"), int(f"1{me}")])
    before = _sees(outsider, active_team)
    Obstacle.objects.filter(pk=obstacle.pk).update(targets=[1, me, 99999])
    target = _sees(outsider, active_team)
    Obstacle.objects.filter(pk=obstacle.pk).update(targets=[1], collaborators=[me])
    collaborator = _sees(outsider, active_team)

    assert (before, target, collaborator) == ((False,) * 3, (True,) * 3, (True,) * 3)


def test_the_plans_approver_and_the_reworks_owner_see_the_team(active_team, persona, outsider):
    plan = submitted_plan(active_team, persona("jf_ahli_muda"))
    TeamPlan.objects.filter(pk=plan.pk).update(approver_id=outsider.employee_id)
    approver = _sees(outsider, active_team)
    TeamPlan.objects.filter(pk=plan.pk).update(approver_id=persona("kepala_dinas").pk)
    rework = rework_open(
        team_id=active_team.pk, by=persona("kepala_dinas"), reason="Belum sesuai", at=NOW, on=ON
    )
    Rework.objects.filter(pk=rework.pk).update(owner_id=outsider.employee_id)
    owner = _sees(outsider, active_team)

    assert (approver, owner) == ((True,) * 3, (True,) * 3)


def test_the_appraiser_a_member_result_goes_to_sees_the_team(active_team, persona, outsider):
    reports = {r.kind: r for r in open_reports(active_team)}
    lead_report = reports["LEAD"]
    submit(lead_report, member_results={persona("pelaksana").pk: "Tepat waktu"})
    results = MemberResult.objects.filter(report=lead_report)
    assert results.exists()
    results.update(appraiser_id=outsider.employee_id, workflow_instance_id=None)

    assert _sees(outsider, active_team) == (True,) * 3
