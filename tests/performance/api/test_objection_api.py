"""API v1 of the objection to a signed rating and of the printed documents: the employee files
(Idempotency-Key: once), the appraiser's superior decides; every persona's answer to each route
(hidden and missing alike: 404; seen but not theirs to act on: 403); refusals in the shared
error shape with rule and citation. The edges' day is the tests'
fixed TODAY (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.performance.models import Objection, Rating
from tests.performance.objection_world import filed, jf_signed_rating
from tests.performance.world import NOW
from tests.teams.api.test_matrix import _client
from tests.viewers import PERSONAS as VIEWER_PERSONAS

PERSONAS = ("anonymous", *VIEWER_PERSONAS)
#          anon  bkp  sekda kadis kabid subk  jf   plk  outs  other
FILES = (401, 404, 404, 404, 404, 404, 201, 404, 404, 404)
SEES = (401, 200, 200, 200, 200, 404, 200, 404, 404, 404)
DECIDES = (401, 403, 403, 200, 403, 404, 403, 404, 404, 404)
REASON = {"reason": "Target triwulan tercapai."}
DECISION = {"decision": "change", "predikat": "BAIK", "reason": "Bukti dukung lengkap."}

MATRIX = {
    ("POST", "/performance/ratings/{rating_id}/objections", "rating"): FILES,
    ("GET", "/performance/objections/{objection_id}", "objection"): SEES,
    ("POST", "/performance/objections/{objection_id}/decide", "objection"): DECIDES,
    ("GET", "/performance/skps/{skp_id}/pdf", "rating"): SEES,
    ("GET", "/performance/ratings/{rating_id}/evaluation-pdf", "rating"): SEES,
}
CASES = [
    pytest.param(method, route, state, name, expected[index], id=f"{method} {route} {name}")
    for (method, route, state), expected in MATRIX.items()
    for index, name in enumerate(PERSONAS)
]


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "route", "state", "name", "expected"), CASES)
def test_the_objection_route_answers_the_persona_case(
    method, route, state, name, expected, persona, user_of, other_tenant_user
):
    rating = jf_signed_rating(persona, at=NOW)
    objection = (
        filed(persona("jf_ahli_muda"), rating, days_later=0) if state == "objection" else None
    )
    path = (
        route.replace("{rating_id}", str(rating.pk))
        .replace("{skp_id}", str(rating.skp_id))
        .replace("{objection_id}", str(objection.pk if objection else 0))
    )
    body = DECISION if route.endswith("/decide") else REASON

    response = _client(name, user_of, other_tenant_user).call(method, path, body)

    assert response.status_code == expected, response.content


def test_a_repeated_objection_with_the_same_idempotency_key_runs_once(world, persona, session_as):
    rating = jf_signed_rating(persona, at=NOW)
    client = session_as("jf_ahli_muda")
    path = f"/performance/ratings/{rating.pk}/objections"

    first = client.post(path, REASON, **{"Idempotency-Key": "keberatan-1"})
    again = client.post(path, REASON, **{"Idempotency-Key": "keberatan-1"})

    assert (first.status_code, again.status_code) == (201, 201)
    assert first.json() == again.json()
    assert Objection.objects.count() == 1


def test_a_late_objection_is_refused_in_the_error_shape_with_rule_and_citation(
    world, persona, session_as
):
    rating = jf_signed_rating(persona, at=NOW - dt.timedelta(days=15))

    response = session_as("jf_ahli_muda").post(
        f"/performance/ratings/{rating.pk}/objections", REASON
    )

    assert response.status_code == 400
    body = response.json()
    assert (body["code"], body["rule"], body["citation"].split(";")[0]) == (
        "objection_window_closed",
        "P-OBJECTION",
        "PP 30/2019 Pasal 59",
    )
    assert not Objection.objects.exists()


def test_the_decision_answers_the_objection_and_the_ratings_new_predikat(
    world, persona, session_as
):
    rating = jf_signed_rating(persona, at=NOW)
    objection = filed(persona("jf_ahli_muda"), rating, days_later=0)

    response = session_as("kepala_dinas").post(
        f"/performance/objections/{objection.pk}/decide", DECISION
    )

    body = response.json()
    assert (body["status"], body["predikat_before"], body["predikat_after"]) == (
        "CHANGED",
        "BUTUH_PERBAIKAN",
        "BAIK",
    )
    assert (body["decided_by_id"], body["decider_rule"]) == (persona("kepala_dinas").pk, "V-45")
    assert Rating.objects.get(pk=rating.pk).predikat == "BAIK"


def test_a_change_without_a_new_predikat_names_the_field(world, persona, session_as):
    rating = jf_signed_rating(persona, at=NOW)
    objection = filed(persona("jf_ahli_muda"), rating, days_later=0)

    response = session_as("kepala_dinas").post(
        f"/performance/objections/{objection.pk}/decide", {**DECISION, "predikat": ""}
    )

    body = response.json()
    assert (response.status_code, body["code"], body["rule"], list(body["fields"])) == (
        400,
        "objection_predikat_invalid",
        "P-PREDIKAT",
        ["predikat"],
    )
    assert Objection.objects.get(pk=objection.pk).status == "OPEN"
