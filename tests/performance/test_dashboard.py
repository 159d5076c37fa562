"""The agency performance dashboard (SPEC §10.3; issue item 8): predikat per unit for a period,
counted as each unit's curve counts them, the unit's level, whether its curve holds, and the
progress of SKP approval and ratings; as a page and in API v1, at a constant query count."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.organization.models import OrgUnit
from tests.clients import session_as
from tests.performance.test_ratings import ABOVE, MEETS, draft, set_level
from tests.performance.world import unit_of

PERIOD = {"year": "2026", "period_kind": "QUARTERLY", "period_index": "4"}
QUERIES_PAGE = 11
QUERIES_API = 15

__all__ = ["session_as"]


def _agency(persona) -> int:
    return OrgUnit.objects.get(pk=unit_of(persona("kabid"))).agency_id


def _api(persona) -> str:
    return f"/performance/agencies/{_agency(persona)}/dashboard"


@pytest.fixture
def rated(team, persona):
    set_level(persona, "BAIK")
    kabid = persona("kabid")
    draft(kabid, team["jf"], ABOVE, ABOVE)
    draft(kabid, team["sub"], MEETS, MEETS)
    return team


def _row(answer, unit_id):
    return next(unit for unit in answer["units"] if unit["unit_id"] == unit_id)


def test_the_api_gives_the_bidang_its_predikat_level_curve_and_progress(rated, persona, session_as):
    response = session_as("kepala_dinas").get(_api(persona), **PERIOD)

    assert response.status_code == 200
    answer = response.json()
    bidang = _row(answer, unit_of(persona("kabid")))
    assert bidang["level"] == "BAIK"
    assert bidang["counts"] == {
        "SANGAT_BAIK": 1,
        "BAIK": 1,
        "BUTUH_PERBAIKAN": 0,
        "KURANG": 0,
        "SANGAT_KURANG": 0,
    }
    assert bidang["shares"]["BAIK"] == 50.0
    assert bidang["holds"] is False
    assert bidang["breaches"] == [
        "Butuh Perbaikan / Kurang/Misconduct sedikitnya 1 pegawai (sekarang 0)"
    ]
    assert (bidang["skps"], bidang["skps_approved"]) == (3, 3)  # the kabid's own SKP too
    assert (bidang["ratings_drafted"], bidang["ratings_signed"]) == (2, 0)
    assert answer["rule"] == "P-DISTRIBUTION"
    dinas = _row(answer, unit_of(persona("kepala_dinas")))
    assert (dinas["level"], dinas["holds"], sum(dinas["counts"].values())) == (None, None, 2)


def test_the_page_draws_the_chart_and_the_table(rated, persona, client_of):
    response = client_of("kepala_dinas").get(
        reverse("web:agency-performance", args=[_agency(persona)]), PERIOD
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="dashboard-chart"' in html
    assert "tidak terpenuhi" in html
    assert reverse("web:unit-board", args=[unit_of(persona("kabid"))]) in html


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("kepala_dinas", 200),  # heads the Perangkat Daerah
        ("sekda", 200),
        ("bkpsdm", 200),
        ("kabid", 404),  # heads a unit, not the agency
        ("jf_ahli_muda", 404),
        ("outsider", 404),
        ("other_tenant", 404),
    ],
)
def test_who_may_open_the_dashboard_case(rated, persona, session_as, client_of, name, status):
    page = client_of(name).get(reverse("web:agency-performance", args=[_agency(persona)]))
    api = session_as(name).get(_api(persona)) if name != "other_tenant" else page

    assert (page.status_code, api.status_code) == (status, status)


def test_the_dashboard_takes_constant_queries(
    team, persona, client_of, session_as, django_assert_num_queries
):
    page = reverse("web:agency-performance", args=[_agency(persona)])
    client, api = client_of("kepala_dinas"), session_as("kepala_dinas")
    set_level(persona, "BAIK")
    draft(persona("kabid"), team["jf"])
    client.get(page, PERIOD)
    api.get(_api(persona), **PERIOD)
    with django_assert_num_queries(QUERIES_PAGE):
        client.get(page, PERIOD)
    with django_assert_num_queries(QUERIES_API):
        api.get(_api(persona), **PERIOD)
    draft(persona("kabid"), team["sub"], MEETS, MEETS)

    with django_assert_num_queries(QUERIES_PAGE):
        client.get(page, PERIOD)
    with django_assert_num_queries(QUERIES_API):
        answer = api.get(_api(persona), **PERIOD).json()

    assert sum(_row(answer, unit_of(persona("kabid")))["counts"].values()) == 2
