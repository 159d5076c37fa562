"""The permission matrix: every API route × every persona, with the expected status.

Targets sit in the demo's persona Dinas: its agency, the kabid's Bidang, and three people — the
JF Ahli Muda (in the Bidang), the kabid, and the outsider (another Perangkat Daerah).
Scopes (organization.selectors): bkpsdm and sekda see the government; kepala_dinas the Dinas;
kabid the Bidang; subkoordinator its Seksi (where the pelaksana sits); everyone sees themselves
and the heads above them; nobody sees another government. Only bkpsdm writes (V-39).
"""

from __future__ import annotations

import pytest
from django.test import Client

from sikerja.api.v1 import api
from sikerja.organization.models import Placement
from tests.api.bodies import plh_body
from tests.assignments.api.test_matrix import MATRIX as PENUGASAN_MATRIX
from tests.clients import ApiClient
from tests.performance.api.test_matrix import MATRIX as PERFORMANCE_MATRIX
from tests.teams.api.test_matrix import MATRIX as TEAMS_MATRIX
from tests.test_routes import API as ROUTE_RULES

PERSONAS = (
    "anonymous",
    "bkpsdm",
    "sekda",
    "kepala_dinas",
    "kabid",
    "subkoordinator",
    "jf_ahli_muda",
    "pelaksana",
    "outsider",
    "other_tenant",
)
EVERYONE = (401, 200, 200, 200, 200, 200, 200, 200, 200, 200)
#                      anon  bkp  sekda kadis kabid subk  jf   plk  outs  other
AGENCY_SEEN = (401, 200, 200, 200, 200, 200, 404, 404, 404, 404)
BIDANG_SEEN = (401, 200, 200, 200, 200, 404, 404, 404, 404, 404)
JF_SEEN = (401, 200, 200, 200, 200, 404, 200, 404, 404, 404)
KABID_SEEN = (401, 200, 200, 200, 200, 200, 200, 200, 404, 404)
OUTSIDER_SEEN = (401, 200, 200, 404, 404, 404, 404, 404, 200, 404)
OPERATOR_CREATES = (401, 201, 403, 403, 403, 403, 403, 403, 403, 403)
OPERATOR_CHANGES = (401, 200, 403, 403, 403, 403, 403, 403, 403, 403)

# (method, route, target) -> expected status per persona, in PERSONAS order.
MATRIX: dict[tuple[str, str, str], tuple[int, ...]] = {
    ("GET", "/agencies", ""): EVERYONE,
    ("GET", "/agencies/{agency_id}", "dinas"): AGENCY_SEEN,
    ("GET", "/agencies/{agency_id}/tree", "dinas"): AGENCY_SEEN,
    ("GET", "/agencies/{agency_id}/kedudukan", "dinas"): AGENCY_SEEN,
    ("GET", "/units/{unit_id}", "bidang"): BIDANG_SEEN,
    ("GET", "/employees", ""): EVERYONE,
    ("GET", "/employees/{nip}", "jf_ahli_muda"): JF_SEEN,
    ("GET", "/employees/{nip}", "kabid"): KABID_SEEN,
    ("GET", "/employees/{nip}", "outsider"): OUTSIDER_SEEN,
    ("GET", "/employees/{nip}/placements", "jf_ahli_muda"): JF_SEEN,
    ("GET", "/employees/{nip}/placements", "kabid"): KABID_SEEN,
    ("GET", "/employees/{nip}/placements", "outsider"): OUTSIDER_SEEN,
    ("GET", "/employees/{nip}/roles", "jf_ahli_muda"): JF_SEEN,
    ("GET", "/employees/{nip}/roles", "kabid"): KABID_SEEN,
    ("GET", "/employees/{nip}/roles", "outsider"): OUTSIDER_SEEN,
    ("GET", "/delegations", ""): EVERYONE,
    ("POST", "/placements", "plh"): OPERATOR_CREATES,
    ("POST", "/placements/{placement_id}/end", "pelaksana"): OPERATOR_CHANGES,
    ("POST", "/delegations", "report_receipt"): OPERATOR_CREATES,
}

CASES = [
    pytest.param(
        method, route, target, persona, expected[index], id=f"{method} {route} {target} {persona}"
    )
    for (method, route, target), expected in MATRIX.items()
    for index, persona in enumerate(PERSONAS)
]


def _placement(persona, name: str, today) -> Placement:
    return Placement.objects.select_related("position__unit").get(
        employee=persona(name), kind="DEFINITIVE", valid_to__isnull=True, valid_from__lte=today
    )


def _request(route: str, target: str, persona, today) -> tuple[str, dict[str, object] | None]:
    """The concrete path and body for a matrix row."""
    bidang = _placement(persona, "kabid", today).position.unit
    values = {
        "agency_id": bidang.agency_id,
        "unit_id": bidang.pk,
        "nip": persona(target).nip if "{nip}" in route else "",
        "placement_id": _placement(persona, "pelaksana", today).pk,
    }
    bodies: dict[str, dict[str, object]] = {
        "plh": plh_body(persona, today),
        "pelaksana": {"valid_to": "2027-01-01"},
        "report_receipt": {
            "from_nip": persona("kepala_dinas").nip,
            "to_nip": persona("kabid").nip,
            "scope": "REPORT_RECEIPT",
            "valid_from": today.isoformat(),
            "legal_basis": "Surat Kepala Dinas Nomor 800/7/2026",
        },
    }
    return route.format(**values), bodies.get(target)


def _client(name: str, user_of, other_tenant_user) -> ApiClient:
    client = Client()
    if name == "other_tenant":
        client.force_login(other_tenant_user)
    elif name != "anonymous":
        client.force_login(user_of(name))
    return ApiClient(client)


@pytest.mark.parametrize(("method", "route", "target", "name", "expected"), CASES)
def test_permission_matrix(
    method, route, target, name, expected, persona, user_of, other_tenant_user, today
):
    path, body = _request(route, target, persona, today)
    client = _client(name, user_of, other_tenant_user)

    response = client.call(method, path, body)

    assert response.status_code == expected
    if expected >= 400:
        assert set(response.json()) == {"code", "message", "rule", "citation", "fields"}
    if expected == 403:
        assert (response.json()["code"], response.json()["rule"]) == ("permission_denied", "V-39")


def test_every_api_route_is_in_the_matrix():
    schema = api.get_openapi_schema(path_prefix="")
    routes = {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
    }

    assert (
        routes
        == {(method, route) for method, route, _ in MATRIX}
        | {(method, route) for method, route, _ in PENUGASAN_MATRIX}
        | {(method, route) for method, route, _ in TEAMS_MATRIX}
        | {(method, route) for method, route, _ in PERFORMANCE_MATRIX}
        | TEAM_WORK_ROUTES
        | PERFORMANCE_RULE_ROUTES
        | POSITION_ROUTES
    )


# A team's work, reports and evaluation: each route's rule is named in tests/test_routes.py and
# every "may" of those rules is checked against its "which" for each persona in
# tests/teams/work/test_rules_matrix.py and test_report_rules_matrix.py; the routes themselves
# in tests/teams/work/test_api.py and test_report_api.py. Reports on individual work and
# training-need proposals likewise: tests/teams/work/test_individual_pages.py,
# test_individual_reroute.py and tests/teams/test_training_pages.py.
TEAM_WORK_ROUTES = {
    route
    for route in ROUTE_RULES
    if route[1].startswith(("/teams/", "/my-work", "/individual-reports", "/training-proposals"))
    and route not in {(method, path) for method, path, _ in TEAMS_MATRIX}
}


# A position's recorded field (V-46): BKPSDM only, its rule named in tests/test_routes.py and
# checked for each persona in tests/organization/test_position_field_unit.py.
POSITION_ROUTES = {route for route in ROUTE_RULES if route[1].startswith("/positions/")}


# The objection, the feed and the appraisal inputs: each route's rule is named in
# tests/test_routes.py and checked for every persona in tests/performance/test_objection_rules.py,
# test_objection_pages.py, api/test_objection_api.py, test_feed_pages.py, test_v46_v60.py and
# test_v27a_role_agreement.py.
PERFORMANCE_RULE_ROUTES = {
    route
    for route in ROUTE_RULES
    if route[1].startswith("/performance/")
    and route not in {(method, path) for method, path, _ in PERFORMANCE_MATRIX}
}
