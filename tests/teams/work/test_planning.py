"""Planning a team's work in every pack: the lead's plan (K1) set by the official the pack
names, roles by competence (K2), expectation dialogues (V-59) and work plans (A1)."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.core.errors import PermissionDenied, RuleViolation, ValidationFailed
from sikerja.teams.models import PlanActivity, TeamMember, TeamPlan, WorkPlan
from sikerja.teams.services.planning import (
    expectation_dialogue_record,
    team_member_role_set,
    team_plan_decide,
    work_plan_acknowledge,
    work_plan_submit,
)
from tests.teams.work.helpers import actions, activity, refused, submitted_plan
from tests.teams.work.packs import PACKS, active_team
from tests.teams.world import NOW, ON

pytestmark = pytest.mark.django_db

# The official who sets the lead's plan (`teamwork.plan.approver` = the owner unit's head):
# the Kepala Bidang, but in Surakarta the Kepala Dinas as the head the resolver names.
APPROVER = {
    "kotim-2023": "bidang",
    "blitar-2023": "bidang",
    "surakarta-2023": "dinas",
    "cilegon-2023": "bidang",
    "barut-2024": "bidang",
}


@pytest.mark.parametrize("pack_id", PACKS)
def test_k1_the_lead_plans_and_the_unit_head_sets_the_plan_case(pack_id):
    org, people, team = active_team(pack_id)
    lead, head = people["ahli_muda"], org.people[APPROVER[pack_id]]

    plan = submitted_plan(team, lead, assignee_id=people["pelaksana"].pk)
    decided = team_plan_decide(team_id=team.pk, by=head, approve=True, note="", at=NOW, on=ON)

    assert (plan.status, plan.approver_id) == ("SUBMITTED", head.pk)
    assert (decided.status, decided.decided_by_id, decided.version) == ("APPROVED", head.pk, 1)
    assert list(PlanActivity.objects.values_list("seq", "name", "assignee_id", "budget")) == [
        (1, "Verifikasi data sarana kesehatan", people["pelaksana"].pk, activity().budget)
    ]
    assert actions(team)[-3:] == ["team.plan_saved", "team.plan_submitted", "team.plan_approved"]


def test_k1_a_member_does_not_draw_up_the_plan():
    _org, people, team = active_team("kotim-2023")

    error = refused(lambda: submitted_plan(team, people["pelaksana"]), PermissionDenied)

    assert error.code == "permission_denied"


def test_k1_kotim_lampiran_ii_a_1_a_4_the_activity_and_budget_plan_needs_a_budget():
    _org, people, team = active_team("kotim-2023")

    error = refused(lambda: submitted_plan(team, people["ahli_muda"], budget=None))

    assert error.code == "plan_budget_required"


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"starts_on": dt.date(2026, 11, 30)}, "plan_activities_invalid"),
        ({"ends_on": dt.date(2027, 1, 2)}, "plan_activities_invalid"),
        ({"target": " "}, "plan_activities_invalid"),
    ],
)
def test_an_activity_outside_the_team_or_without_a_target_is_refused_case(overrides, code):
    _org, people, team = active_team("cilegon-2023")

    error = refused(lambda: submitted_plan(team, people["ahli_muda"], **overrides))

    assert error.code == code


def test_an_activity_is_carried_by_a_member_of_the_team():
    _org, people, team = active_team("cilegon-2023")

    error = refused(
        lambda: submitted_plan(team, people["ahli_muda"], assignee_id=people["terampil"].pk)
    )

    assert error.fields == {"activities": "Pelaksana kegiatan adalah anggota tim."}


def test_only_the_named_approver_sets_the_plan_and_a_return_needs_a_reason():
    org, people, team = active_team("kotim-2023")
    submitted_plan(team, people["ahli_muda"])

    stranger = refused(
        lambda: team_plan_decide(
            team_id=team.pk, by=org.people["dinas"], approve=True, note="", at=NOW, on=ON
        ),
        PermissionDenied,
    )
    silent = refused(
        lambda: team_plan_decide(
            team_id=team.pk, by=org.people["bidang"], approve=False, note=" ", at=NOW, on=ON
        ),
        ValidationFailed,
    )

    assert stranger.citation == (
        "Perbup Kotim 51/2023 Lampiran II.B.3 huruf b angka 1) "
        "(menyusun dan menetapkan rencana kegiatan)"
    )
    assert silent.fields == {"note": "Wajib diisi."}


def test_a_returned_plan_is_redrawn_as_a_new_version_and_decided_once():
    org, people, team = active_team("kotim-2023")
    lead, head = people["ahli_muda"], org.people["bidang"]
    submitted_plan(team, lead)
    team_plan_decide(
        team_id=team.pk, by=head, approve=False, note="Rinci per kecamatan", at=NOW, on=ON
    )

    again = submitted_plan(team, lead, name="Verifikasi per kecamatan")
    team_plan_decide(team_id=team.pk, by=head, approve=True, note="", at=NOW, on=ON)
    late = refused(
        lambda: team_plan_decide(team_id=team.pk, by=head, approve=False, note="x", at=NOW, on=ON)
    )

    assert (again.version, TeamPlan.objects.get().status) == (2, "APPROVED")
    assert late.code == "stale_state"
    assert list(PlanActivity.objects.values_list("name", flat=True)) == ["Verifikasi per kecamatan"]


def test_k2_the_lead_gives_a_member_a_role_by_competence():
    _org, people, team = active_team("barut-2024")

    team_member_role_set(
        team_id=team.pk,
        by=people["ahli_muda"],
        member_id=people["pelaksana"].pk,
        role="Pengumpul data lapangan",
        at=NOW,
        on=ON,
    )
    by_member = refused(
        lambda: team_member_role_set(
            team_id=team.pk,
            by=people["pelaksana"],
            member_id=people["pelaksana"].pk,
            role="Ketua",
            at=NOW,
            on=ON,
        ),
        PermissionDenied,
    )

    assert TeamMember.objects.get(employee=people["pelaksana"]).responsibility == (
        "Pengumpul data lapangan"
    )
    assert by_member.code == "permission_denied"


def _work_plan(team, member):
    return work_plan_submit(
        team_id=team.pk,
        by=member,
        content="Mengunjungi 20 sarana per minggu",
        target="20 sarana",
        at=NOW,
        on=ON,
    )


def test_v59_surakarta_lampiran_iv_3_1_2_angka_1_a_work_plan_follows_the_dialogue():
    org, people, team = active_team("surakarta-2023")
    member = people["pelaksana"]

    error = refused(lambda: _work_plan(team, member), RuleViolation)
    expectation_dialogue_record(
        team_id=team.pk,
        by=org.people["bidang"],
        employee_id=member.pk,
        expectations="Data lengkap dan tepat waktu",
        held_on=ON,
        at=NOW,
        on=ON,
    )
    plan = _work_plan(team, member)

    assert (error.code, error.rule) == ("expectation_dialogue_required", "V-59")
    assert error.citation == "Perwali Surakarta 32/2023 Lampiran IV 3.1.2 angka 1"
    assert plan.employee_id == member.pk


def test_v59_kotim_lampiran_ii_b_2_the_dialogue_is_recorded_without_blocking_the_work_plan():
    _org, people, team = active_team("kotim-2023")

    plan = _work_plan(team, people["pelaksana"])
    work_plan_acknowledge(
        team_id=team.pk, by=people["ahli_muda"], employee_id=people["pelaksana"].pk, at=NOW, on=ON
    )

    assert WorkPlan.objects.get(pk=plan.pk).acknowledged_by_id == people["ahli_muda"].pk


def test_v59_a_dialogue_is_held_by_the_unit_head_or_the_appraiser_only():
    _org, people, team = active_team("surakarta-2023")

    error = refused(
        lambda: expectation_dialogue_record(
            team_id=team.pk,
            by=people["ahli_muda"],
            employee_id=people["pelaksana"].pk,
            expectations="x",
            held_on=ON,
            at=NOW,
            on=ON,
        ),
        PermissionDenied,
    )

    assert (error.rule, error.citation) == (
        "V-59",
        "Perwali Surakarta 32/2023 Lampiran IV 3.1.2 angka 1",
    )
