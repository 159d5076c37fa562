"""The agency performance dashboard (SPEC §10.3; issue item 8): predikat per unit for a period,
counted as each unit's curve counts them, the unit's level, whether its curve holds, and the
progress of SKP approval and ratings; as a page and in API v1, at a constant query count."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.organization import services as org_services
from sikerja.organization.models import OrgUnit
from tests.clients import session_as
from tests.performance.test_ratings import ABOVE, MEETS, draft, set_level
from tests.performance.world import NOW, unit_of

PERIOD = {"year": "2026", "period_kind": "QUARTERLY", "period_index": "4"}
QUERIES_PAGE = 14  # the agency's root: 8 of the dashboard, the rest the request's and layout's
QUERIES_PAGE_UNIT = 15  # a unit below the root: its ancestors' names too
QUERIES_ROWS = 15  # the htmx answer with a unit's rows (the layout's links are cached)
QUERIES_API = 18

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
    dinas = answer["units"][0]
    assert dinas["unit_id"] == answer["unit_id"] == unit_of(persona("kepala_dinas"))
    assert (dinas["level"], dinas["holds"], sum(dinas["counts"].values())) == (None, None, 2)
    assert dinas["children"] == answer["children"] == 7
    assert [unit["depth"] for unit in answer["units"]] == [0] + [1] * 7


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


def test_the_api_counts_the_subtree_of_the_unit_asked_and_its_children(rated, persona, session_as):
    bidang_id = unit_of(persona("kabid"))

    answer = session_as("kepala_dinas").get(_api(persona), unit_id=bidang_id, **PERIOD).json()

    bidang, seksi = answer["units"]
    assert (answer["unit_id"], answer["children"]) == (bidang_id, 1)
    assert (bidang["unit_id"], bidang["depth"], bidang["level"]) == (bidang_id, 1, "BAIK")
    assert (bidang["counts"]["SANGAT_BAIK"], bidang["counts"]["BAIK"]) == (1, 1)
    assert seksi["unit_id"] == unit_of(persona("subkoordinator"))
    assert (seksi["depth"], seksi["level"], seksi["holds"]) == (2, None, None)
    assert (seksi["counts"]["SANGAT_BAIK"], seksi["counts"]["BAIK"]) == (0, 1)
    assert (seksi["skps"], seksi["ratings_drafted"]) == (1, 1)


def test_the_api_pages_the_children(rated, persona, session_as):
    api = session_as("kepala_dinas")

    first = api.get(_api(persona), limit=3, **PERIOD).json()
    rest = api.get(_api(persona), offset=3, limit=10, **PERIOD).json()

    children = [u["unit_id"] for u in first["units"][1:]] + [
        u["unit_id"] for u in rest["units"][1:]
    ]
    root = OrgUnit.objects.get(pk=unit_of(persona("kepala_dinas")))
    assert children == list(root.children.order_by("path").values_list("pk", flat=True))
    assert (first["offset"], first["limit"], len(first["units"])) == (0, 3, 4)
    assert (rest["offset"], len(rest["units"])) == (3, 5)
    assert first["units"][0] == rest["units"][0]  # the root, counted whole on every page


@pytest.mark.parametrize(
    ("query", "status"),
    [({"limit": 0}, 400), ({"limit": 101}, 400), ({"offset": -1}, 400), ({"unit_id": 999999}, 404)],
)
def test_the_api_refuses_a_bad_page_or_a_unit_outside_the_agency_case(
    rated, persona, session_as, query, status
):
    response = session_as("kepala_dinas").get(_api(persona), **query, **PERIOD)

    assert response.status_code == status


def test_a_unit_of_another_agency_is_not_found(rated, persona, session_as, client_of):
    other = unit_of(persona("outsider"))

    api = session_as("sekda").get(_api(persona), unit_id=other, **PERIOD)
    page = client_of("sekda").get(
        reverse("web:agency-performance", args=[_agency(persona)]), {"unit": other, **PERIOD}
    )

    assert (api.status_code, page.status_code) == (404, 404)


def test_the_page_opens_a_child_in_place_with_htmx(rated, persona, client_of):
    url = reverse("web:agency-performance", args=[_agency(persona)])
    bidang_id = unit_of(persona("kabid"))

    page = client_of("kepala_dinas").get(url, PERIOD).content.decode()
    rows = client_of("kepala_dinas").get(
        url, {"unit": bidang_id, **PERIOD}, headers={"HX-Request": "true"}
    )

    html = rows.content.decode()
    assert (
        f'hx-get="{url}?year=2026&amp;period_kind=QUARTERLY&amp;period_index=4&amp;unit={bidang_id}"'
        in page
    )
    assert html.count('data-testid="dashboard-row"') == 2
    assert f'data-unit="{bidang_id}"' in html
    assert f'data-unit="{unit_of(persona("subkoordinator"))}"' in html
    assert "<html" not in html
    assert 'data-testid="dashboard-open"' not in html


def test_the_page_of_a_unit_shows_its_ancestors_and_pages_its_children(rated, persona, client_of):
    url = reverse("web:agency-performance", args=[_agency(persona)])
    root = unit_of(persona("kepala_dinas"))

    first = client_of("kepala_dinas").get(url, {"unit": root, **PERIOD}).content.decode()
    second = client_of("kepala_dinas").get(url, {"unit": root, "offset": 25, **PERIOD})
    bidang = client_of("kepala_dinas").get(url, {"unit": unit_of(persona("kabid")), **PERIOD})

    assert first.count('data-testid="dashboard-row"') == 8  # the root and its 7 children
    assert 'data-testid="dashboard-pages"' not in first
    assert second.content.decode().count('data-testid="dashboard-row"') == 1
    assert 'data-testid="dashboard-trail"' in bidang.content.decode()
    assert f"{url}?year=2026&amp;period_kind=QUARTERLY&amp;period_index=4&amp;unit={root}" in (
        bidang.content.decode()
    )


def _grow(persona, team, operator):
    """More units under the root and the Bidang, and one more rating."""
    root = OrgUnit.objects.get(pk=unit_of(persona("kepala_dinas")))
    bidang = OrgUnit.objects.get(pk=unit_of(persona("kabid")))
    for parent, count in ((root, 2), (bidang, 3)):
        for number in range(count):
            org_services.unit_create(
                actor=operator,
                parent=parent,
                name=f"Unit tambahan {parent.pk}-{number}",
                unit_type="SEKSI",
                at=NOW,
            )
    draft(persona("kabid"), team["sub"], MEETS, MEETS)


def test_the_dashboard_takes_constant_queries(
    team, persona, operator, client_of, session_as, django_assert_num_queries
):
    page = reverse("web:agency-performance", args=[_agency(persona)])
    bidang = {"unit": unit_of(persona("kabid")), **PERIOD}
    client, api = client_of("kepala_dinas"), session_as("kepala_dinas")
    set_level(persona, "BAIK")
    draft(persona("kabid"), team["jf"])
    counts = []
    for size in ("small", "grown"):
        if size == "grown":
            _grow(persona, team, operator)
        client.get(page, PERIOD)
        api.get(_api(persona), **PERIOD)
        with django_assert_num_queries(QUERIES_PAGE):
            client.get(page, PERIOD)
        with django_assert_num_queries(QUERIES_PAGE_UNIT):
            client.get(page, bidang)
        with django_assert_num_queries(QUERIES_ROWS):
            client.get(page, bidang, headers={"HX-Request": "true"})
        with django_assert_num_queries(QUERIES_API):
            answer = api.get(_api(persona), **PERIOD).json()
        counts.append((sum(_row(answer, bidang["unit"])["counts"].values()), answer["children"]))

    assert counts == [(1, 7), (2, 9)]
