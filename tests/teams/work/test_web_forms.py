"""The team-work page's other forms: roles (K2), the member's work plan after the expectation
dialogue (V-59, Surakarta), obstacle follow-ups, and rework owned by the unit head (V-58)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.teams.models import ExpectationDialogue, Obstacle, Rework, TeamMember, WorkPlan
from sikerja.teams.services.obstacles import obstacle_decide, obstacle_raise
from tests.teams.world import NOW, ON

pytestmark = pytest.mark.django_db


def post(client, team, action: str, data: dict):
    return client.post(reverse("web:team-work-action", args=[team.pk, action]), data)


def test_k2_the_lead_gives_a_role_on_the_page(active_team, client_of, persona):
    response = post(
        client_of("jf_ahli_muda"),
        active_team,
        "peran",
        {"member_nip": persona("pelaksana").nip, "role": "Verifikator lapangan"},
    )

    assert response.status_code == 302
    assert TeamMember.objects.get(employee=persona("pelaksana")).responsibility == (
        "Verifikator lapangan"
    )


def test_v59_surakarta_the_work_plan_waits_for_the_dialogue_on_the_page(
    active_team, client_of, persona
):
    member = client_of("pelaksana")
    plan = {"content": "20 sarana per minggu", "target": "40 sarana"}

    refused = post(member, active_team, "rencana-kerja", plan)
    dialogue = post(
        client_of("kepala_dinas"),
        active_team,
        "dialog",
        {
            "member_nip": persona("pelaksana").nip,
            "held_on": "2026-11-23",
            "expectations": "Data lengkap",
        },
    )
    accepted = post(member, active_team, "rencana-kerja", plan)

    assert refused.status_code == 400
    assert "Perwali Surakarta 32/2023 Lampiran IV 3.1.2 angka 1" in refused.content.decode()
    assert (dialogue.status_code, accepted.status_code) == (302, 302)
    assert ExpectationDialogue.objects.get().official_role == "unit_head"
    assert WorkPlan.objects.get().employee_id == persona("pelaksana").pk


def test_the_lead_follows_up_and_closes_a_decided_obstacle(active_team, client_of, persona):
    obstacle = obstacle_raise(
        team_id=active_team.pk,
        by=persona("jf_ahli_muda"),
        problem="Akses terputus",
        recommendations=["Tunda"],
        at=NOW,
        on=ON,
    )
    obstacle_decide(
        obstacle_id=obstacle.pk,
        by=persona("kepala_dinas"),
        decision="Tunda satu minggu",
        collaborate=False,
        at=NOW,
        on=ON,
    )

    response = post(
        client_of("jf_ahli_muda"),
        active_team,
        "tindak-lanjut",
        {"obstacle_id": obstacle.pk, "text": "Sudah dijadwalkan ulang", "close": "on"},
    )

    assert response.status_code == 302
    assert Obstacle.objects.get().status == "CLOSED"


def test_v58_the_unit_head_sends_rework_and_records_it_done(active_team, client_of):
    head = client_of("kepala_dinas")

    opened = post(head, active_team, "perbaikan", {"reason": "5 data tidak valid"})
    rework = Rework.objects.get()
    closed = post(
        head, active_team, "perbaikan-selesai", {"rework_id": rework.pk, "resolution": "Valid"}
    )
    by_member = post(client_of("pelaksana"), active_team, "perbaikan", {"reason": "x"})

    assert (opened.status_code, closed.status_code, by_member.status_code) == (302, 302, 403)
    assert Rework.objects.get().status == "DONE"


def test_an_unknown_action_is_not_found(active_team, client_of):
    response = post(client_of("jf_ahli_muda"), active_team, "hapus", {})

    assert response.status_code == 404


def test_my_work_shows_the_plan_waiting_for_the_approver(active_team, client_of, persona):
    from tests.teams.work.helpers import submitted_plan

    submitted_plan(active_team, persona("jf_ahli_muda"))

    html = client_of("kepala_dinas").get(reverse("web:my-work")).content.decode()

    assert html.count('data-testid="waiting-plan"') == 1


def test_v30_surakarta_the_page_says_whether_this_quarter_was_monitored(active_team, client_of):
    head = client_of("kepala_dinas")
    page_url = reverse("web:team-work", args=[active_team.pk])
    before = head.get(page_url).content.decode()

    recorded = post(
        head,
        active_team,
        "pemantauan",
        {"held_on": "2026-10-05", "findings": "Sesuai jadwal", "direction": ""},
    )
    after = head.get(page_url).content.decode()

    assert "Pemantauan periode ini belum dilakukan" in before
    assert recorded.status_code == 302
    assert "Pemantauan periode ini sudah dilakukan" in after


def test_the_lead_acknowledges_a_members_work_plan_on_the_page(active_team, client_of, persona):
    from sikerja.teams.services.planning import expectation_dialogue_record, work_plan_submit

    expectation_dialogue_record(
        team_id=active_team.pk,
        by=persona("kepala_dinas"),
        employee_id=persona("pelaksana").pk,
        expectations="Data lengkap",
        held_on=ON,
        at=NOW,
        on=ON,
    )
    work_plan_submit(
        team_id=active_team.pk, by=persona("pelaksana"), content="a", target="b", at=NOW, on=ON
    )
    lead = client_of("jf_ahli_muda")
    page = lead.get(reverse("web:team-work", args=[active_team.pk])).content.decode()

    response = post(
        lead, active_team, "terima-rencana-kerja", {"member_nip": persona("pelaksana").nip}
    )

    assert page.count('data-testid="acknowledge-form"') == 1
    assert response.status_code == 302
    assert WorkPlan.objects.get().acknowledged_by_id == persona("jf_ahli_muda").pk
