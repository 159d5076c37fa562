"""The agency page as a browser of the unit tree: the chosen unit's path and children with the
JF and Pelaksana of each child's subtree, up and down by links, and a search by unit name."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikerja.organization.models import OrgUnit, Placement
from tests.organization.web.members import members_under as _members_under
from tests.web.helpers import body


@pytest.fixture
def kabid_unit(persona) -> OrgUnit:
    placement = Placement.objects.select_related("position__unit")
    return placement.get(employee=persona("kabid"), kind="DEFINITIVE").position.unit


def test_choosing_a_unit_shows_its_path_from_the_root_and_its_children_with_subtree_counts(
    client_of, kabid_unit, today
):
    ancestors = OrgUnit.objects.filter(
        agency_id=kabid_unit.agency_id, depth__lte=kabid_unit.depth
    ).order_by("depth")
    path = [u.pk for u in ancestors if kabid_unit.path.startswith(u.path)]
    children = OrgUnit.objects.filter(parent=kabid_unit).order_by("name")

    page = (
        client_of("kepala_dinas")
        .get(f"/organisasi/{kabid_unit.agency_id}/?unit={kabid_unit.pk}")
        .context["page"]
    )

    assert [u.unit_id for u in page.path] == path
    assert path[-1] == kabid_unit.pk
    assert [(u.unit_id, u.members) for u in page.children] == [
        (child.pk, _members_under(child, today)) for child in children
    ]
    assert page.in_view == _members_under(kabid_unit, today)
    assert page.in_view > sum(u.members for u in page.children)  # the kabid's own JF too


def test_the_children_counts_of_a_subtree_that_fits_a_page_are_read_from_the_page(
    client_of, kabid_unit
):
    client = client_of("kepala_dinas")
    client.get(f"/organisasi/{kabid_unit.agency_id}/")

    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/organisasi/{kabid_unit.agency_id}/?unit={kabid_unit.pk}")

    assert response.context["page"].counted is True
    assert not [q["sql"] for q in queries if "GROUP BY" in q["sql"]]
    assert 'id="unit-counts"' not in response.content.decode()


def test_the_children_counts_of_a_larger_subtree_come_after_the_page_in_one_grouped_query(
    client_of, kabid_unit, today, monkeypatch
):
    from sikerja.organization.views import agency_page

    monkeypatch.setattr(agency_page, "MEMBER_LIMIT", 1)
    client = client_of("kepala_dinas")
    children = OrgUnit.objects.filter(parent=kabid_unit).order_by("name")
    page = client.get(f"/organisasi/{kabid_unit.agency_id}/?unit={kabid_unit.pk}")

    with CaptureQueriesContext(connection) as queries:
        counts = client.get(
            f"/organisasi/{kabid_unit.agency_id}/jumlah/?unit={kabid_unit.pk}",
            HTTP_HX_REQUEST="true",
        )

    grouped = [q["sql"] for q in queries if "GROUP BY" in q["sql"]]
    assert len(grouped) == 1
    assert "SUBSTR" in grouped[0].upper()
    assert page.context["page"].counted is False
    for child in children:  # an empty place in the page, its count out of band in the answer
        assert f'<span id="unit-members-{child.pk}"></span>' in page.content.decode()
        members = _members_under(child, today)
        shown = f"({members})" if members else ""
        assert (
            f'<span id="unit-members-{child.pk}" class="muted" hx-swap-oob="true">{shown}</span>'
            in counts.content.decode()
        )
    assert any(_members_under(child, today) for child in children)


def test_the_page_links_up_to_each_ancestor_and_down_to_each_child(client_of, kabid_unit):
    root = OrgUnit.objects.get(agency_id=kabid_unit.agency_id, depth=0)
    child = OrgUnit.objects.filter(parent=kabid_unit).order_by("name").first()
    assert child is not None, "the kabid's unit has a unit below it in the demo"

    html = body(
        client_of("kepala_dinas"),
        f"/organisasi/{kabid_unit.agency_id}/?unit={kabid_unit.pk}&on=2026-11-23",
    )

    assert f'href="?on=2026-11-23&amp;unit={root.pk}"' in html
    assert f'href="?on=2026-11-23&amp;unit={child.pk}"' in html
    assert f'href="?on=2026-11-23&amp;unit={kabid_unit.pk}" aria-current="true"' in html


def test_a_unit_head_sees_no_path_above_their_own_unit(client_of, kabid_unit):
    child = OrgUnit.objects.filter(parent=kabid_unit).order_by("name").first()

    page = (
        client_of("kabid")
        .get(f"/organisasi/{kabid_unit.agency_id}/?unit={child.pk}")
        .context["page"]
    )

    assert [u.unit_id for u in page.path] == [kabid_unit.pk, child.pk]


def test_searching_a_unit_by_name_lists_the_visible_units_that_match(client_of, kabid_unit):
    word = kabid_unit.name.split()[-1]
    expected = set(
        OrgUnit.objects.filter(agency_id=kabid_unit.agency_id, name__icontains=word).values_list(
            "pk", flat=True
        )
    )

    page = (
        client_of("kepala_dinas")
        .get(f"/organisasi/{kabid_unit.agency_id}/", {"q": word})
        .context["page"]
    )

    assert {u.pk for u in page.found} == expected
    assert kabid_unit.pk in expected


def test_a_search_without_a_match_says_so(client_of, kabid_unit):
    response = client_of("kepala_dinas").get(
        f"/organisasi/{kabid_unit.agency_id}/", {"q": "Tidak Ada Unit Begini"}
    )

    assert response.context["page"].found == []
    assert "Tidak ada unit bernama" in response.content.decode()


def test_the_day_picker_keeps_a_chosen_unit_and_only_a_chosen_one(client_of, kabid_unit):
    client = client_of("kepala_dinas")
    hidden = f'<input type="hidden" name="unit" value="{kabid_unit.pk}">'

    chosen = body(client, f"/organisasi/{kabid_unit.agency_id}/?unit={kabid_unit.pk}")
    top = body(client, f"/organisasi/{kabid_unit.agency_id}/")

    assert chosen.count(hidden) == 2  # the day picker and the unit search
    assert 'name="unit"' not in top


def test_a_unit_with_many_units_below_lists_the_first_by_name_and_points_to_the_search(
    client_of, kabid_unit, monkeypatch
):
    from sikerja.organization.views import agency_page

    root = OrgUnit.objects.get(agency_id=kabid_unit.agency_id, depth=0)
    below = list(OrgUnit.objects.filter(parent=root).order_by("name", "pk"))
    assert len(below) > 1, "the demo's Dinas has several units below its root"
    monkeypatch.setattr(agency_page, "CHILD_LIMIT", 1)

    response = client_of("kepala_dinas").get(f"/organisasi/{root.agency_id}/?unit={root.pk}")

    page = response.context["page"]
    assert ([u.unit_id for u in page.children], page.more_children) == ([below[0].pk], True)
    assert 'data-testid="more-units"' in response.content.decode()
