"""The employee list: scoped by the selector, searchable by name, paginated, no NIP in URLs."""

from __future__ import annotations

import pytest

from sikerja.organization import services_people
from sikerja.organization.models import Employee, Government, Placement
from sikerja.organization.views.pages import EMPLOYEES_PER_PAGE
from tests.organization.builders import make_nip
from tests.web.helpers import NIP_LIKE, body, hrefs

# Session and user (2), the viewer (1), the count, the page and its current placements (3),
# and for a non-operator the officials above them outside their units (1).
EMPLOYEE_LIST_QUERIES = {"bkpsdm": 6, "kepala_dinas": 7}
SCOPE_BUILD_QUERIES = 3  # the caller's employee record, the heads they hold, their chain


def _listed_ids(client, query: str = "") -> set[int]:
    ids: set[int] = set()
    page_number = 1
    while True:
        page = client.get("/pegawai/", {"q": query, "page": page_number}).context["page"]
        ids |= {row.employee_id for row in page.rows}
        if not page.page.has_next():
            return ids
        page_number += 1


def test_the_head_of_an_agency_sees_everyone_placed_in_it_and_the_chain_above(
    client_of, persona, today
):
    kepala_dinas, sekda = persona("kepala_dinas"), persona("sekda")
    agency_id = (
        Placement.objects.effective_on(today)
        .select_related("position__unit")
        .get(employee=kepala_dinas)
        .position.unit.agency_id
    )
    placed = Placement.objects.effective_on(today).filter(position__unit__agency_id=agency_id)

    listed = _listed_ids(client_of("kepala_dinas"))

    assert listed == {*placed.values_list("employee_id", flat=True), sekda.pk}


def test_a_jf_sees_only_themself_and_the_heads_above(client_of, persona):
    expected = {persona(name).pk for name in ("jf_ahli_muda", "kabid", "kepala_dinas")}

    assert _listed_ids(client_of("jf_ahli_muda")) == expected


def test_an_operator_sees_the_whole_government_over_several_pages(client_of, world):
    everyone = set(
        Employee.objects.filter(government_id=world.government_id).values_list("pk", flat=True)
    )

    client = client_of("bkpsdm")

    assert len(everyone) > EMPLOYEES_PER_PAGE
    assert _listed_ids(client) == everyone


def test_the_search_filters_by_part_of_the_name(client_of, persona):
    jf = persona("jf_ahli_muda")
    part = jf.name.split()[-1][1:].lower()
    expected = set(
        Employee.objects.filter(government=jf.government, name__icontains=part).values_list(
            "pk", flat=True
        )
    )

    listed = _listed_ids(client_of("bkpsdm"), part)

    assert jf.pk in listed
    assert listed == expected


def test_no_link_on_the_list_carries_a_nip(client_of):
    html = body(client_of("bkpsdm"), "/pegawai/")

    assert [href for href in hrefs(html) if NIP_LIKE.search(href)] == []


@pytest.mark.usefixtures("scope_cache")
@pytest.mark.parametrize("viewer", ["bkpsdm", "kepala_dinas"])
def test_the_list_costs_the_same_queries_on_every_page(
    viewer, client_of, django_assert_num_queries
):
    client = client_of(viewer)

    with django_assert_num_queries(EMPLOYEE_LIST_QUERIES[viewer] + SCOPE_BUILD_QUERIES):
        client.get("/pegawai/")
    with django_assert_num_queries(EMPLOYEE_LIST_QUERIES[viewer]):
        client.get("/pegawai/", {"q": "a", "page": 2})


@pytest.mark.usefixtures("scope_cache")
@pytest.mark.parametrize("viewer", ["bkpsdm", "kepala_dinas"])
def test_without_a_search_the_count_is_kept_until_the_organisation_changes(
    viewer, client_of, django_assert_num_queries, operator, world, now
):
    client = client_of(viewer)
    client.get("/pegawai/")
    expected = _total(client)

    with django_assert_num_queries(EMPLOYEE_LIST_QUERIES[viewer] - 1):
        kept = client.get("/pegawai/", {"page": 2}).context["page"].page.paginator.count
    services_people.employee_create(
        actor=operator,
        government=Government.objects.get(pk=world.government_id),
        nip=make_nip(),
        name="Pegawai Baru",
        employment_type="PNS",
        at=now,
    )

    assert (kept, _total(client)) == (expected, expected + (viewer == "bkpsdm"))


def _total(client) -> int:
    return client.get("/pegawai/").context["page"].page.paginator.count
