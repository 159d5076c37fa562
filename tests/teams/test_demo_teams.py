"""The demo's sample teams, built through the services: in the formation states one waiting for
the official the pack names, one active, one active with its lead vacant (overdue where V-13
sets a deadline); at work, for every pack, one with its plan set, progress (a PDF kept),
feedback and an open obstacle waiting for the route's official (V-56), one with its lead's report
waiting in the chain (V-54), one declared complete by the pack's official (V-57); every official
they reach can log in."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from sikerja.organization.models import Employee, Government
from sikerja.teams.demo import demo_teams
from sikerja.teams.models import (
    EvidenceFile,
    Feedback,
    MemberResult,
    Obstacle,
    ProgressEntry,
    Team,
    TeamEvaluation,
    TeamPlan,
    TeamReport,
)
from sikerja.teams.selectors import is_lead_overdue
from sikerja.workflows.models import WorkflowStep
from tests.conftest import NOW, TODAY
from tests.teams.world import pack_demo

STATES = ("FORMING", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "COMPLETED")


@pytest.fixture(autouse=True)
def evidence_root(settings, tmp_path):
    """The demo's evidence files go to this test's own directory."""
    settings.SIKERJA_EVIDENCE_ROOT = tmp_path / "evidence"
    return settings.SIKERJA_EVIDENCE_ROOT


def steps_of(team_id: int) -> list[tuple[str, str, int | None]]:
    return list(
        WorkflowStep.objects.filter(
            instance__subject_type="teams.team", instance__subject_id=team_id
        )
        .order_by("seq")
        .values_list("step_key", "status", "actor_id")
    )


@pytest.mark.django_db
def test_surakarta_demo_teams_wait_for_the_sekda_run_and_flag_the_overdue_lead(world, persona):
    government = Government.objects.get(pk=world.government_id)

    outcomes = demo_teams(government=government, at=NOW, on=TODAY)

    assert [(o.label, o.state) for o in outcomes] == [
        ("Pendataan Layanan Publik", "FORMING"),
        ("Penyusunan Kajian Kebijakan", "ACTIVE"),
        ("Evaluasi Program Unit", "ACTIVE"),
        ("Verifikasi Data Sarana", "ACTIVE"),
        ("Penyusunan Laporan Layanan", "ACTIVE"),
        ("Pemutakhiran Data Aset", "COMPLETED"),
    ]
    forming, active, vacant = (Team.objects.get(pk=o.team_id) for o in outcomes[:3])
    head, sekda = persona("kepala_dinas").pk, persona("sekda").pk
    assert steps_of(forming.pk) == [("propose", "DECIDED", head), ("determine", "OPEN", sekda)]
    assert [s[1:] for s in steps_of(active.pk)] == [
        ("DECIDED", head),
        ("DECIDED", sekda),
        ("DECIDED", head),
    ]
    assert (active.lead_id, active.memberships.count()) == (persona("jf_ahli_muda").pk, 3)
    assert (vacant.lead_id, vacant.lead_due_on, is_lead_overdue(vacant, TODAY)) == (
        None,
        TODAY.replace(month=4, day=30),
        True,
    )


@pytest.mark.django_db
def test_every_official_the_demo_teams_reach_can_log_in(world):
    for government_id in (world.government_id, world.other_government_id):
        government = Government.objects.get(pk=government_id)
        outcomes = demo_teams(government=government, at=NOW, on=TODAY)

        teams = [o.team_id for o in outcomes]
        actors = {actor for t in teams for _key, _status, actor in steps_of(t) if actor}
        actors |= set(work_actors(teams))
        assert [o.state for o in outcomes] == [*STATES]
        assert Employee.objects.filter(pk__in=actors, user__isnull=True).count() == 0


@pytest.mark.django_db
def test_the_command_leaves_a_government_with_teams_alone(world):
    government = Government.objects.get(pk=world.government_id)
    call_command("demo_teams", government=government.kode, if_empty=True, stdout=None)
    before = Team.objects.filter(government=government).count()

    call_command("demo_teams", government=government.kode, if_empty=True)

    assert (before, Team.objects.filter(government=government).count()) == (6, 6)


def work_actors(team_ids: list[int | None]) -> list[int]:
    """Everyone the teams' work reached: the plan's approver, the obstacles' targets, and the
    actors of every report, member-result and evaluation step."""
    instances = [
        *TeamReport.objects.filter(team_id__in=team_ids).values_list("workflow_instance_id"),
        *TeamEvaluation.objects.filter(team_id__in=team_ids).values_list("workflow_instance_id"),
        *MemberResult.objects.filter(team_id__in=team_ids).values_list("workflow_instance_id"),
    ]
    return [
        *TeamPlan.objects.filter(team_id__in=team_ids).values_list("approver_id", flat=True),
        *(
            pk
            for targets in Obstacle.objects.filter(team_id__in=team_ids).values_list(
                "targets", flat=True
            )
            for pk in targets
        ),
        *WorkflowStep.objects.filter(instance_id__in=[i for (i,) in instances]).values_list(
            "actor_id", flat=True
        ),
    ]


def open_actors(instance_id: int | None) -> list[int | None]:
    return list(
        WorkflowStep.objects.filter(instance_id=instance_id, status=WorkflowStep.Status.OPEN)
        .order_by("seq")
        .values_list("actor_id", flat=True)
    )


def decided_actors(instance_id: int | None) -> list[int | None]:
    return list(
        WorkflowStep.objects.filter(instance_id=instance_id, step_key="review")
        .order_by("seq")
        .values_list("actor_id", flat=True)
    )


# Per pack, by the demo's personas (the resolver's roles: `kabid` the head of the lead's Bidang,
# `kepala_dinas` the head of the Perangkat Daerah): who sets the plan (teamwork.plan.approver,
# the unit head of the team's owner unit),
# whom the obstacle waits for (V-56 route, first), who receives the lead's report first (V-54),
# and the evaluation chain whose last official declares the team complete (V-57).
EXPECTED = {
    "kotim-2023": ("kabid", ["kabid"], "kabid", ["kabid", "kepala_dinas"]),
    "blitar-2023": ("kepala_dinas", ["kepala_dinas"], "kepala_dinas", ["kepala_dinas"]),
    "surakarta-2023": (
        "kepala_dinas",
        ["kepala_dinas", "kabid"],
        "kabid",
        ["kabid", "kepala_dinas"],
    ),
    "cilegon-2023": ("kabid", ["kabid"], "kabid", ["kabid"]),
    "barut-2024": ("kabid", ["kabid"], "kabid", ["kabid"]),
}


@pytest.mark.parametrize("pack_id", sorted(EXPECTED))
@pytest.mark.django_db
def test_every_pack_demo_has_teams_at_work_reporting_and_completed(pack_id):
    demo, person = pack_demo(pack_id, "D")
    approver, targets, first_reader, reviewers = EXPECTED[pack_id]

    outcomes = demo_teams(government=demo.government, at=NOW, on=TODAY)

    assert tuple(o.state for o in outcomes) == STATES
    working, reporting, completed = (Team.objects.get(pk=o.team_id) for o in outcomes[3:])
    lead, member = person["jf_ahli_muda"], person["pelaksana"]
    plan = TeamPlan.objects.get(team=working)
    assert (plan.status, plan.approver_id) == ("APPROVED", person[approver])
    assert sorted(
        ProgressEntry.objects.filter(team=working).values_list("employee_id", "percent_complete")
    ) == sorted([(lead, 30), (member, 30)])
    assert list(
        EvidenceFile.objects.filter(team=working).values_list("uploaded_by_id", "content_type")
    ) == [(member, "application/pdf")]
    assert list(Feedback.objects.filter(team=working).values_list("by_id", "about_id")) == [
        (lead, member)
    ]
    obstacle = Obstacle.objects.get(team=working)
    assert (obstacle.status, obstacle.raised_by_id, obstacle.targets) == (
        "UNDER_DECISION",
        lead,
        [person[name] for name in targets],
    )
    reports = {r.kind: r for r in TeamReport.objects.filter(team=reporting)}
    assert (reports["MEMBER"].status, reports["LEAD"].status) == ("RECEIVED", "SUBMITTED")
    assert open_actors(reports["LEAD"].workflow_instance_id) == [person[first_reader]]
    evaluation = TeamEvaluation.objects.get(team=completed)
    assert evaluation.status == "DECLARED_COMPLETE"
    assert decided_actors(evaluation.workflow_instance_id) == [person[n] for n in reviewers]
    assert set(TeamReport.objects.filter(team=completed).values_list("status", flat=True)) == {
        "RECEIVED"
    }
    reached = work_actors([o.team_id for o in outcomes])
    assert Employee.objects.filter(pk__in=reached, user__isnull=True).count() == 0
