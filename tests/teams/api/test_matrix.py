"""The permission matrix of the teams routes: every route × every persona, expected status.

Targets, set up through the services on the Surakarta demo world:
- "forming": proposed by the kepala_dinas (candidate: the JF Ahli Muda; member: the Pelaksana),
  open at the Sekda's determination;
- "active": the same team determined and decreed;
- "vacant": the active team whose lead's post fell vacant.
A team is seen by BKPSDM, its proposer, its people, the officials who acted on it and those its
work names on the day (`rules.teams_visible_to`: the Kepala Bidang appraises the JF Ahli Muda once
they lead it, the Subkoordinator the proposed Pelaksana); hidden and missing answer alike: 404. Only the step's actor decides; only the owner unit's head
changes or dissolves (403 for others who see it); only the Sekda fills a vacant lead (V-32).
"""

from __future__ import annotations

import pytest
from django.test import Client

from sikerja.organization.models import Employee, Placement
from sikerja.teams.models import Team
from sikerja.teams.services import team_decide, team_propose
from sikerja.teams.services.changes import team_lead_vacate
from tests.clients import ApiClient
from tests.teams.api.test_teams_api import BODY
from tests.teams.world import NOW, ON, open_step, team_input
from tests.viewers import PERSONAS as VIEWER_PERSONAS

PERSONAS = ("anonymous", *VIEWER_PERSONAS)  # the shared world's personas, unauthenticated first
#          anon  bkp  sekda kadis kabid subk  jf   plk  outs  other
EVERYONE = (401, 200, 200, 200, 200, 200, 200, 200, 200, 200)
PROPOSE = (401, 400, 201, 201, 400, 400, 400, 400, 400, 400)
PARTIES = (401, 200, 200, 200, 404, 200, 200, 200, 404, 404)
SEES_ACTIVE = (401, 200, 200, 200, 200, 200, 200, 200, 404, 404)
SEKDA_DECIDES = (401, 404, 200, 404, 404, 404, 404, 404, 404, 404)
UNIT_HEAD = (401, 403, 403, 200, 403, 403, 403, 403, 404, 404)
SEKDA_FILLS = (401, 403, 200, 403, 404, 403, 403, 403, 404, 404)

MATRIX: dict[tuple[str, str, str], tuple[int, ...]] = {
    ("GET", "/teams", ""): EVERYONE,
    ("POST", "/teams", ""): PROPOSE,
    ("GET", "/teams/{team_id}", "forming"): PARTIES,
    ("GET", "/teams/{team_id}", "active"): SEES_ACTIVE,
    ("GET", "/teams/{team_id}/work", "active"): SEES_ACTIVE,
    ("POST", "/teams/{team_id}/steps/{step_id}/decide", "forming"): SEKDA_DECIDES,
    ("POST", "/teams/{team_id}/members/replace", "active"): UNIT_HEAD,
    ("POST", "/teams/{team_id}/lead/vacate", "active"): UNIT_HEAD,
    ("POST", "/teams/{team_id}/dissolve", "active"): UNIT_HEAD,
    ("POST", "/teams/{team_id}/lead/fill", "vacant"): SEKDA_FILLS,
}


def _target(persona, state: str) -> Team:
    kadis = persona("kepala_dinas")
    team = team_propose(
        requester=kadis,
        data=team_input(
            candidate_ids=[persona("jf_ahli_muda").pk],
            member_ids=[persona("pelaksana").pk],
            appraiser_consideration="Kompeten",
        ),
        at=NOW,
        on=ON,
    )
    if state == "forming":
        return team
    sekda = persona("sekda")
    team_decide(
        step_id=open_step(team).pk,
        by=sekda,
        decision="approve",
        lead_id=persona("jf_ahli_muda").pk,
        at=NOW,
        on=ON,
    )
    team = team_decide(step_id=open_step(team).pk, by=kadis, decision="approve", at=NOW, on=ON)
    if state == "vacant":
        team = team_lead_vacate(
            team_id=team.pk, by=kadis, vacant_on=ON, reason="Mutasi", at=NOW, on=ON
        )
    return team


def _another_jf(persona) -> Employee:
    """A JF of the kepala_dinas's agency who is not on the team."""
    agency_id = persona("jf_ahli_muda").placements.first().position.unit.agency_id
    placement = (
        Placement.objects.filter(position__unit__agency_id=agency_id, position__kind="FUNGSIONAL")
        .exclude(employee=persona("jf_ahli_muda"))
        .select_related("employee")
        .order_by("pk")
        .first()
    )
    return placement.employee


def _body(route: str, persona) -> dict[str, object]:
    if route == "/teams":
        return {
            **BODY,
            "candidate_nips": [persona("jf_ahli_muda").nip],
            "member_nips": [persona("pelaksana").nip],
        }
    if route.endswith("/decide"):
        return {"decision": "approve", "lead_nip": persona("jf_ahli_muda").nip}
    if route.endswith("/replace"):
        return {
            "old_nip": persona("pelaksana").nip,
            "new_nip": _another_jf(persona).nip,
            "reason": "Cuti",
        }
    if route.endswith("/vacate"):
        return {"vacant_on": ON.isoformat(), "reason": "Mutasi"}
    if route.endswith("/fill"):
        return {"lead_nip": persona("pelaksana").nip}
    return {"reason": "Kegiatan dibatalkan"}


def _client(name: str, user_of, other_tenant_user) -> ApiClient:
    client = Client()
    if name != "anonymous":
        client.force_login(other_tenant_user if name == "other_tenant" else user_of(name))
    return ApiClient(client)


CASES = [
    pytest.param(method, route, state, name, expected[index], id=f"{method} {route} {state} {name}")
    for (method, route, state), expected in MATRIX.items()
    for index, name in enumerate(PERSONAS)
]


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "route", "state", "name", "expected"), CASES)
def test_the_teams_route_answers_the_persona_case(
    method, route, state, name, expected, persona, user_of, other_tenant_user
):
    team = _target(persona, state) if state else None
    path = route
    if team is not None:
        path = path.replace("{team_id}", str(team.pk))
        if "{step_id}" in path:
            path = path.replace("{step_id}", str(open_step(team).pk))

    response = _client(name, user_of, other_tenant_user).call(method, path, _body(route, persona))

    assert response.status_code == expected, response.content
