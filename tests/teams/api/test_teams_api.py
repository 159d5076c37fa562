"""API v1 of teams on the Surakarta demo world: propose (create), read, decide to an active
team; who may see a team; refusals in the shared error shape with rule and citation."""

from __future__ import annotations

import pytest

from sikerja.teams.models import Team

BODY = {
    "purpose": "Memutakhirkan data layanan",
    "starts_on": "2026-12-01",
    "ends_on": "2026-12-31",
    "activity_ref": "PK 2026 Kegiatan 1.2 (tim)",
    "sub_activities": [{"name": "Pemutakhiran Data Layanan"}],
    "cascaded_from": "Sasaran 1",
    "composition_basis": "Target, ABK, kompetensi",
    "competencies": ["analisis data"],
    "expected_target": "Data layanan mutakhir",
    "appraiser_consideration": "Kompeten",
    "lead_role_abk": "1.10",
    "abk_reference": "ABK 2026 No. 3",
}


def body(persona, **overrides):
    return {
        **BODY,
        "candidate_nips": [persona("jf_ahli_muda").nip],
        "member_nips": [persona("pelaksana").nip],
        **overrides,
    }


@pytest.mark.django_db
def test_a_unit_head_proposes_and_the_team_reads_back_with_its_open_step(session_as, persona):
    answer = session_as("kepala_dinas").post("/teams", body(persona))

    assert answer.status_code == 201
    data = answer.json()
    assert (data["name"], data["status"], data["formation_status"]) == (
        "Tim Kerja Pemutakhiran Data Layanan",
        "FORMING",
        "OPEN",
    )
    assert [(s["key"], s["status"]) for s in data["steps"]] == [
        ("propose", "DECIDED"),
        ("determine", "OPEN"),
    ]
    assert data["steps"][1]["actor_name"] == persona("sekda").full_name
    read = session_as("sekda").get(f"/teams/{data['id']}")
    assert (read.status_code, read.json()["id"]) == (200, data["id"])


@pytest.mark.django_db
def test_the_sekda_then_the_unit_head_decide_and_the_team_is_active(session_as, persona):
    team_id = session_as("kepala_dinas").post("/teams", body(persona)).json()["id"]
    steps = session_as("sekda").get(f"/teams/{team_id}").json()["steps"]

    determined = session_as("sekda").post(
        f"/teams/{team_id}/steps/{steps[1]['id']}/decide",
        {"decision": "approve", "lead_nip": persona("jf_ahli_muda").nip},
    )
    decree = determined.json()["steps"][2]
    active = session_as("kepala_dinas").post(
        f"/teams/{team_id}/steps/{decree['id']}/decide", {"decision": "approve"}
    )

    assert (determined.status_code, active.status_code) == (200, 200)
    assert (active.json()["status"], active.json()["instrument"]) == ("ACTIVE", "KEPUTUSAN")
    assert [(m["name"], m["role"], m["status"]) for m in active.json()["members"]] == [
        (persona("jf_ahli_muda").full_name, "LEAD", "ACTIVE"),
        (persona("pelaksana").full_name, "MEMBER", "ACTIVE"),
    ]


@pytest.mark.django_db
def test_a_refusal_carries_its_rule_and_citation_and_writes_nothing(session_as, persona):
    four = [persona(name).nip for name in ("jf_ahli_muda", "pelaksana", "kabid", "subkoordinator")]

    answer = session_as("kepala_dinas").post("/teams", body(persona, candidate_nips=four))

    assert answer.status_code == 400
    assert {key: answer.json()[key] for key in ("code", "rule", "citation")} == {
        "code": "too_many_lead_candidates",
        "rule": "V-07",
        "citation": "Perwali Surakarta 32/2023 Pasal 15 ayat (3); "
        "Perwali Surakarta 32/2023 Pasal 24 ayat (4)",
    }
    assert Team.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("bkpsdm", 200),
        ("sekda", 200),
        ("kepala_dinas", 200),
        ("jf_ahli_muda", 200),
        ("pelaksana", 200),
        ("kabid", 404),
        ("outsider", 404),
    ],
)
def test_who_may_read_a_team_case(session_as, persona, name, status):
    team_id = session_as("kepala_dinas").post("/teams", body(persona)).json()["id"]

    assert session_as(name).get(f"/teams/{team_id}").status_code == status
    assert len(session_as(name).get("/teams").json()) == (1 if status == 200 else 0)


@pytest.mark.django_db
def test_anonymous_callers_are_refused(anonymous):
    assert (anonymous.get("/teams").status_code, anonymous.post("/teams", BODY).status_code) == (
        401,
        401,
    )
