"""The permission matrix of the penugasan routes: every route × every persona, expected status.

Targets are set up through the services (see test_assignments_support):
- "within": WF-PEN-IN proposed by the kabid for the JF Ahli Muda, open at the kepala_dinas's step;
- "cross": WF-PEN-UO asked by the outsider's agency head for the JF, open at the kepala_dinas's
  review, which waits for the kabid's recommendation; its request letter goes to the
  kepala_dinas, copied to the kabid, naming the JF.
An assignment is seen by its requester, the people it names, everyone asked to act or recommend,
and the government's BKPSDM operators (not by the Sekda: seeing the organisation is not seeing
every request). Hidden and missing answer alike: 404. Only the step's actor decides, only its
recommender recommends, only the requester withdraws. Flows and maps: everyone, from their pack.
"""

from __future__ import annotations

import pytest
from django.test import Client

from sikerja.api.v1 import api
from sikerja.audit.models import AuditEvent
from sikerja.documents.models import Letter
from tests.assignments.api.test_support import (
    ERROR_KEYS,
    HELP_KEYS,
    cross_request,
    open_step,
    request_body,
    within_request,
)
from tests.clients import ApiClient

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
#                 anon  bkp  sekda kadis kabid subk  jf   plk  outs  other
EVERYONE = (401, 200, 200, 200, 200, 200, 200, 200, 200, 200)
PARTIES = (401, 200, 404, 200, 200, 404, 200, 404, 404, 404)
# The JF's appraiser (kabid) proposes within the Dinas (WF-PEN-IN); the Sekda, head of another
# Perangkat Daerah, asks for the JF across units (WF-PEN-UO); anyone else is not the first actor.
ASK_FOR_THE_JF = (401, 400, 201, 400, 201, 400, 400, 400, 400, 400)
ACTOR_ONLY = (401, 404, 404, 200, 404, 404, 404, 404, 404, 404)
RECOMMENDER_ONLY = (401, 404, 404, 404, 200, 404, 404, 404, 404, 404)
REQUESTER_ONLY = RECOMMENDER_ONLY  # the kabid asked for "within"

STEP = "/assignments/{assignment_id}/steps/{step_id}"

# (method, route, target) -> expected status per persona, in PERSONAS order.
MATRIX: dict[tuple[str, str, str], tuple[int, ...]] = {
    ("POST", "/assignments", "within"): ASK_FOR_THE_JF,
    ("GET", "/assignments", "inbox"): EVERYONE,
    ("GET", "/assignments", "sent"): EVERYONE,
    ("GET", "/assignments", "all"): EVERYONE,
    ("GET", "/assignments/{assignment_id}", "within"): PARTIES,
    ("GET", "/assignments/{assignment_id}", "cross"): PARTIES,
    ("POST", f"{STEP}/decide", "within"): ACTOR_ONLY,
    ("POST", f"{STEP}/decide", "cross"): ACTOR_ONLY,
    ("POST", f"{STEP}/recommend", "cross"): RECOMMENDER_ONLY,
    ("POST", "/assignments/{assignment_id}/withdraw", "within"): REQUESTER_ONLY,
    ("GET", "/letters/{letter_id}/pdf", "cross"): PARTIES,
    ("GET", "/flows", ""): EVERYONE,
    ("GET", "/flows/{key}/map.svg", "WF-PEN-UO"): EVERYONE,
    ("GET", "/flows/{key}/map.bpmn", "WF-PEN-UO"): EVERYONE,
}
BODIES: dict[str, dict[str, object]] = {
    "decide:within": {"decision": "approve"},
    "decide:cross": {"decision": "reject", "reason": "Beban kerja bidang sedang tinggi."},
    "recommend:cross": {"text": "Memenuhi kompetensi."},
    "withdraw:within": {},
}

CASES = [
    pytest.param(
        method, route, target, persona, expected[index], id=f"{method} {route} {target} {persona}"
    )
    for (method, route, target), expected in MATRIX.items()
    for index, persona in enumerate(PERSONAS)
]


def _values(route: str, target: str, persona, now, today) -> dict[str, object]:
    """The path values of a row, from a request set up for it."""
    if "{key}" in route:
        return {"key": target}
    if "{" not in route:
        return {}
    assignment = (within_request if target == "within" else cross_request)(persona, now, today)
    step = open_step(assignment)
    letter = Letter.objects.filter(workflow_instance_id=step.instance_id).order_by("pk").first()
    return {
        "assignment_id": assignment.pk,
        "step_id": step.pk,
        "letter_id": letter.pk if letter else 0,
    }


def _request(method: str, route: str, target: str, persona, now, today):
    """The concrete path and body of a row."""
    path = route.format(**_values(route, target, persona, now, today))
    if method == "GET":
        return (f"{path}?box={target}" if route == "/assignments" else path), None
    if route == "/assignments":
        return path, request_body(persona("jf_ahli_muda").nip)
    return path, BODIES[f"{route.rsplit('/', 1)[-1]}:{target}"]


def _client(name: str, user_of, other_tenant_user) -> ApiClient:
    client = Client()
    if name == "other_tenant":
        client.force_login(other_tenant_user)
    elif name != "anonymous":
        client.force_login(user_of(name))
    return ApiClient(client)


@pytest.mark.parametrize(("method", "route", "target", "name", "expected"), CASES)
def test_penugasan_permission_matrix(
    method, route, target, name, expected, persona, user_of, other_tenant_user, now, today
):
    path, body = _request(method, route, target, persona, now, today)
    client = _client(name, user_of, other_tenant_user)
    events = AuditEvent.objects.count()

    response = client.get(path) if method == "GET" else client.post(path, body)

    assert response.status_code == expected
    if expected >= 400:
        assert set(response.json()) - HELP_KEYS == ERROR_KEYS
        assert AuditEvent.objects.count() == events
    if expected == 404:
        assert response.json()["code"] == "not_found"
    if (method, route, expected) == ("POST", "/assignments", 400):
        unknown_nip = name == "other_tenant"  # the JF's NIP names no one in its government
        assert response.json()["code"] == ("invalid_input" if unknown_nip else "not_first_actor")


def test_every_penugasan_route_is_in_this_matrix():
    schema = api.get_openapi_schema(path_prefix="")
    routes = {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if "penugasan" in operation.get("tags", ())
    }

    assert routes == {(method, route) for method, route, _ in MATRIX}
