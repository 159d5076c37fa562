"""API v1 of changes to an active team on the Surakarta demo world: the unit head records the
lead's vacancy (V-13 deadline, team active), the Sekda fills it, a member may not dissolve the
team, the unit head does."""

from __future__ import annotations

import pytest

from tests.teams.api.test_teams_api import body


def active_team(session_as, persona) -> int:
    team_id = session_as("kepala_dinas").post("/teams", body(persona)).json()["id"]
    steps = session_as("sekda").get(f"/teams/{team_id}").json()["steps"]
    lead = {"decision": "approve", "lead_nip": persona("jf_ahli_muda").nip}
    decree = session_as("sekda").post(f"/teams/{team_id}/steps/{steps[1]['id']}/decide", lead)
    session_as("kepala_dinas").post(
        f"/teams/{team_id}/steps/{decree.json()['steps'][2]['id']}/decide",
        {"decision": "approve"},
    )
    return team_id


@pytest.mark.django_db
def test_the_lead_falls_vacant_and_the_sekda_appoints_another(session_as, persona):
    team_id = active_team(session_as, persona)

    vacant = session_as("kepala_dinas").post(
        f"/teams/{team_id}/lead/vacate", {"vacant_on": "2026-12-10", "reason": "Mutasi"}
    )
    by_kadis = session_as("kepala_dinas").post(
        f"/teams/{team_id}/lead/fill", {"lead_nip": persona("pelaksana").nip}
    )
    filled = session_as("sekda").post(
        f"/teams/{team_id}/lead/fill", {"lead_nip": persona("pelaksana").nip}
    )

    assert (vacant.status_code, vacant.json()["status"], vacant.json()["lead_due_on"]) == (
        200,
        "ACTIVE",
        "2027-01-31",
    )
    assert (by_kadis.status_code, by_kadis.json()["code"]) == (403, "permission_denied")
    assert filled.status_code == 200
    assert [(m["name"], m["role"], m["status"]) for m in filled.json()["members"]] == [
        (persona("jf_ahli_muda").full_name, "LEAD", "ENDED"),
        (persona("pelaksana").full_name, "LEAD", "ACTIVE"),
        (persona("pelaksana").full_name, "MEMBER", "ENDED"),
    ]


@pytest.mark.django_db
def test_only_the_unit_head_dissolves_the_team(session_as, persona):
    team_id = active_team(session_as, persona)

    by_member = session_as("jf_ahli_muda").post(f"/teams/{team_id}/dissolve", {"reason": "x"})
    hidden = session_as("outsider").post(f"/teams/{team_id}/dissolve", {"reason": "x"})
    dissolved = session_as("kepala_dinas").post(
        f"/teams/{team_id}/dissolve", {"reason": "Kegiatan dibatalkan"}
    )

    assert (by_member.status_code, hidden.status_code) == (403, 404)
    assert (dissolved.status_code, dissolved.json()["status"]) == (200, "DISSOLVED")
