"""The permission matrix of the performance routes: every route × every persona, expected status.

Targets, set up through the services on the Surakarta demo world (tests.performance.world):
- "draft": the JF Ahli Muda's SKP, its main RHK cascaded from the kabid's;
- "submitted": that SKP submitted to the kabid, its appraiser;
- "approved": approved, with the kabid's draft rating of the fourth quarter.
An SKP is seen by its employee, the heads above, its appraiser, BKPSDM; hidden and missing
answer alike: 404. Only its employee draws it up; only its appraiser decides and rates (403
for others who see it); a unit's PK is set by its head (403 for other employees).
"""

from __future__ import annotations

import pytest

from sikerja.organization.models import OrgUnit
from sikerja.performance import services
from sikerja.performance.models import Rating, Skp
from sikerja.performance.services.ratings import RatingInput
from tests.performance.world import NOW, ON, approved, jf_skp, unit_of
from tests.teams.api.test_matrix import _client
from tests.viewers import PERSONAS as VIEWER_PERSONAS

PERSONAS = ("anonymous", *VIEWER_PERSONAS)
#          anon  bkp  sekda kadis kabid subk  jf   plk  outs  other
EVERYONE = (401, 200, 200, 200, 200, 200, 200, 200, 200, 200)
CREATE = (401, 201, 201, 201, 201, 201, 201, 201, 201, 201)
PK_HEAD = (401, 403, 403, 201, 403, 403, 403, 403, 403, 404)
SEES = (401, 200, 200, 200, 200, 404, 200, 404, 404, 404)
OWNER = (401, 404, 404, 404, 404, 404, 201, 404, 404, 404)
OWNER_OK = (401, 404, 404, 404, 404, 404, 200, 404, 404, 404)
TALKERS = (401, 404, 404, 404, 201, 404, 201, 404, 404, 404)
APPRAISER = (401, 403, 403, 403, 200, 404, 403, 404, 404, 404)
LEVEL = (401, 403, 403, 200, 403, 403, 403, 403, 403, 404)
AGENCY_HEADS = (401, 200, 200, 200, 404, 404, 404, 404, 404, 404)

MATRIX: dict[tuple[str, str, str], tuple[int, ...]] = {
    ("POST", "/performance/agreements", ""): PK_HEAD,
    ("GET", "/performance/skps", ""): EVERYONE,
    ("POST", "/performance/skps", ""): CREATE,
    ("GET", "/performance/skps/{skp_id}", "draft"): SEES,
    ("POST", "/performance/skps/{skp_id}/rhks", "draft"): OWNER,
    ("POST", "/performance/skps/{skp_id}/expectations", "draft"): OWNER_OK,
    ("POST", "/performance/skps/{skp_id}/dialogues", "draft"): TALKERS,
    ("POST", "/performance/skps/{skp_id}/submit", "draft"): OWNER_OK,
    ("POST", "/performance/skps/{skp_id}/decide", "submitted"): APPRAISER,
    ("POST", "/performance/skps/{skp_id}/ratings", "approved"): APPRAISER,
    ("POST", "/performance/ratings/{rating_id}/sign", "approved"): APPRAISER,
    ("POST", "/performance/unit-levels", ""): LEVEL,
    ("GET", "/performance/agencies/{agency_id}/dashboard", ""): AGENCY_HEADS,
    ("GET", "/performance/exports/kinerja.xlsx", ""): EVERYONE,
}


def _target(persona, state: str) -> tuple[Skp, Rating | None]:
    skp = jf_skp(persona)
    if state == "submitted":
        skp = services.skp_submit(actor=skp.employee, skp_id=skp.pk, at=NOW, on=ON)
    if state != "approved":
        return skp, None
    skp = approved(skp)
    data = RatingInput(skp.pk, "QUARTERLY", 4, "SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI")
    return skp, services.rating_draft(actor=persona("kabid"), data=data, at=NOW, on=ON).rating


def _body(route: str, persona, skp: Skp | None) -> dict[str, object]:
    rating = {
        "period_kind": "QUARTERLY",
        "period_index": 4,
        "result_rating": "DI_ATAS_EKSPEKTASI",
        "behaviour_rating": "SESUAI_EKSPEKTASI",
    }
    bodies: dict[str, dict[str, object]] = {
        "/performance/agreements": {
            "unit_id": unit_of(persona("kepala_dinas")),
            "kind": "UNIT",
            "year": 2026,
            "indicators": [{"objective": "Mutu", "indicator": "Indeks", "target": "80"}],
        },
        "/performance/skps": {"year": 2027},
        "/rhks": {
            "kind": "TAMBAHAN",
            "text": "Tugas tambahan",
            "indicators": [{"text": "Laporan", "approach": "KUALITATIF", "target": "Tepat waktu"}],
        },
        "/expectations": {"core_value": "ADAPTIF", "text": "Cepat menyesuaikan diri"},
        "/dialogues": {"held_on": "2026-11-20", "topic": "Ekspektasi", "outcome": "Disepakati"},
        "/decide": {"decision": "approve"},
        "/ratings": rating,
        "/performance/unit-levels": {
            "unit_id": unit_of(persona("kabid")),
            "year": 2026,
            "period_kind": "QUARTERLY",
            "period_index": 4,
            "level": "BAIK",
        },
    }
    for suffix, body in bodies.items():
        if route.endswith(suffix):
            return body
    return {}


CASES = [
    pytest.param(method, route, state, name, expected[index], id=f"{method} {route} {name}")
    for (method, route, state), expected in MATRIX.items()
    for index, name in enumerate(PERSONAS)
]


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "route", "state", "name", "expected"), CASES)
def test_the_performance_route_answers_the_persona_case(
    method, route, state, name, expected, persona, user_of, other_tenant_user
):
    skp, rating = _target(persona, state) if state else (None, None)
    path = route
    if skp is not None:
        path = path.replace("{skp_id}", str(skp.pk))
    if rating is not None:
        path = path.replace("{rating_id}", str(rating.pk))
    path = path.replace(
        "{agency_id}", str(OrgUnit.objects.get(pk=unit_of(persona("kabid"))).agency_id)
    )

    client = _client(name, user_of, other_tenant_user)
    response = client.call(method, path, _body(route, persona, skp))

    assert response.status_code == expected, response.content
