"""API v1 of a team's work in the demo pemda (Surakarta): the lead plans, the Kepala Dinas
sets the plan, the member reports progress with evidence, the member's appraiser gives
feedback, the lead raises an obstacle; refusals in the shared shape with rule and citation;
hidden teams are not found."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sikerja.teams.models import EvidenceFile, ProgressEntry
from tests.teams.work import samples

pytestmark = pytest.mark.django_db

PLAN = {
    "strategy": "Verifikasi per kecamatan",
    "expected_target": "40 sarana",
    "activities": [
        {
            "name": "Verifikasi",
            "output": "Berita acara",
            "target": "40 sarana",
            "starts_on": "2026-12-01",
            "ends_on": "2026-12-20",
            "budget": "1500000.00",
        }
    ],
}


def test_the_work_cycle_through_the_api(active_team, persona, session_as):
    lead, head = session_as("jf_ahli_muda"), session_as("kepala_dinas")
    member, appraiser = session_as("pelaksana"), session_as("subkoordinator")
    base = f"/teams/{active_team.pk}"

    saved = lead.post(f"{base}/plan", PLAN, **{"Idempotency-Key": "plan-1"})
    submitted = lead.post(f"{base}/plan/submit")
    decided = head.post(f"{base}/plan/decide", {"approve": True})
    progress = member.client.post(
        f"/api/v1{base}/progress",
        {
            "summary": "10 sarana",
            "percent_complete": "25",
            "files": [SimpleUploadedFile("ba.pdf", samples.PDF)],
        },
    )
    feedback = appraiser.post(
        f"{base}/feedback",
        {"about_nip": persona("pelaksana").nip, "text": "Lengkapi foto"},
    )
    obstacle = lead.post(
        f"{base}/obstacles", {"problem": "Akses terputus", "recommendations": ["Tunda"]}
    )
    work = member.get(f"{base}/work")

    assert [r.status_code for r in (saved, submitted, decided)] == [200, 200, 200]
    assert decided.json()["status"] == "APPROVED"
    assert progress.status_code == 201
    assert EvidenceFile.objects.get().owner_id == ProgressEntry.objects.get().pk
    assert (feedback.status_code, feedback.json()["by_role"]) == (201, "appraiser")
    assert obstacle.json()["targets"] == [persona("kepala_dinas").pk, persona("kabid").pk]
    body = work.json()
    assert [len(body[key]) for key in ("activities", "progress", "feedback", "obstacles")] == [
        1,
        1,
        1,
        1,
    ]
    assert [item["role"] for item in body["responsibilities"]] == ["team_lead", "team_member"]


def test_a_refusal_names_the_rule_and_its_article(active_team, session_as):
    response = session_as("jf_ahli_muda").post(
        f"/teams/{active_team.pk}/obstacles", {"problem": "x", "recommendations": []}
    )

    assert response.status_code == 400
    assert response.json() == {
        "code": "recommendation_required",
        "message": "Sampaikan permasalahan beserta paling sedikit satu alternatif rekomendasi.",
        "rule": "V-55",
        "citation": "Perwali Surakarta 32/2023 Lampiran V",
        "fields": {
            "recommendations": (
                "Sampaikan permasalahan beserta paling sedikit satu alternatif rekomendasi."
            )
        },
    }


@pytest.mark.parametrize(
    ("name", "statuses"), [("outsider", (404, 404)), ("sekda", (200, 403)), ("kabid", (200, 403))]
)
def test_a_hidden_teams_work_is_not_found_and_a_seen_one_refuses_others_case(
    active_team, session_as, name, statuses
):
    client = session_as(name)

    read = client.get(f"/teams/{active_team.pk}/work")
    write = client.post(f"/teams/{active_team.pk}/plan", PLAN)

    assert (read.status_code, write.status_code) == statuses


def test_my_work_lists_my_teams_and_my_entries(active_team, session_as):
    member = session_as("pelaksana")
    member.client.post(
        f"/api/v1/teams/{active_team.pk}/progress", {"summary": "5 sarana", "percent_complete": 10}
    )

    body = member.get("/my-work").json()

    assert [(t["team_id"], t["role"]) for t in body["teams"]] == [(active_team.pk, "MEMBER")]
    assert [p["summary"] for p in body["progress"]] == ["5 sarana"]


def test_the_reroute_is_the_managers_and_moves_nothing_that_still_holds(active_team, session_as):
    path = f"/teams/{active_team.pk}/work/reroute"

    by_head = session_as("kepala_dinas").post(path)
    by_lead = session_as("jf_ahli_muda").post(path)

    assert (by_head.status_code, by_head.json()) == (200, {"plan": None, "obstacles": {}})
    assert by_lead.status_code == 403
