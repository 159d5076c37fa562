"""The agency page: unit tree with acting badges, kedudukan table, day picker, query budget."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from sikerja.organization import services_people
from sikerja.organization.access import scope_cache_resize
from sikerja.organization.models import OrgUnit, Placement, Position
from sikerja.organization.nip import format_nip, mask_nip
from sikerja.organization.selectors import resolver_for
from tests.web.helpers import body, text

# Queries of one agency page, whatever the number of people: session and user (2), the viewer's
# account (1; the rest of the viewer is cached, `organization.access`), the agency and its
# visible units (2), the per-unit member counts (1), and the snapshot (units, head placements,
# one page of members, delegations: 4).
AGENCY_PAGE_QUERIES = 10
SCOPE_BUILD_QUERIES = 3  # the first request after a change: employee, heads held, chain
UNIT_ITEM = re.compile(r'<li class="unit-tree__item[^"]*">(.*?)</li>', re.DOTALL)


def _agency_id(persona, today, name: str) -> int:
    placement = Placement.objects.select_related("position__unit").effective_on(today)
    return placement.get(employee=persona(name), kind="DEFINITIVE").position.unit.agency_id


def _unit_items(html: str) -> list[str]:
    return [text(item) for item in UNIT_ITEM.findall(html)]


@pytest.mark.parametrize(("kind", "badge"), [("PLT", "Plt."), ("PLH", "Plh.")])
def test_an_acting_head_is_shown_with_the_acting_badge(kind, badge, client_of, world, today):
    acting = (
        Placement.objects.effective_on(today)
        .filter(government_id=world.government_id, kind=kind, position__is_head=True)
        .select_related("employee", "position__unit")
        .order_by("pk")
        .first()
    )
    assert acting is not None, f"the demo has a {kind} head"
    unit = acting.position.unit

    html = body(client_of("bkpsdm"), f"/organisasi/{unit.agency_id}/")

    line = next(item for item in _unit_items(html) if item.startswith(f"{unit.name} "))
    assert line.endswith(f"{acting.employee.full_name} {badge}")


def test_the_kedudukan_table_puts_the_jf_under_the_kabid_with_rule_and_citation(
    client_of, persona, today
):
    jf, kabid = persona("jf_ahli_muda"), persona("kabid")
    answer = resolver_for(jf.government).appraiser(jf.pk, today)
    agency_id = _agency_id(persona, today, "kepala_dinas")

    response = client_of("kepala_dinas").get(f"/organisasi/{agency_id}/")

    page = response.context["page"]
    group = next(g for g in page.groups if g.appraiser and g.appraiser.employee_id == kabid.pk)
    row = next(r for r in group.rows if r.employee_id == jf.pk)
    assert (row.name, row.nip, row.grade_label, row.rule, row.citation) == (
        jf.full_name,
        mask_nip(jf.nip),
        "Ahli Muda",
        answer.rule,
        answer.citation,
    )
    html = response.content.decode()
    assert f'<td><a href="/pegawai/{jf.pk}/">{escape(jf.full_name)}</a></td>' in html


def test_the_table_lists_every_jf_and_pelaksana_of_the_agency_once(client_of, persona, today):
    agency_id = _agency_id(persona, today, "kepala_dinas")
    expected = sorted(
        Placement.objects.effective_on(today)
        .filter(
            position__unit__agency_id=agency_id,
            position__kind__in=[Position.Kind.FUNGSIONAL, Position.Kind.PELAKSANA],
            position__is_head=False,
        )
        .values_list("employee_id", flat=True)
    )

    page = client_of("kepala_dinas").get(f"/organisasi/{agency_id}/").context["page"]

    assert sorted(row.employee_id for group in page.groups for row in group.rows) == expected


def test_operators_see_full_nips_in_the_table(client_of, persona, today):
    jf = persona("jf_ahli_muda")

    html = body(client_of("bkpsdm"), f"/organisasi/{_agency_id(persona, today, 'jf_ahli_muda')}/")

    assert f'<td class="nip">{format_nip(jf.nip)}</td>' in html
    assert mask_nip(jf.nip) not in html


def test_a_unit_head_sees_only_the_units_of_their_subtree(client_of, persona, today):
    kabid_unit = (
        Placement.objects.effective_on(today)
        .select_related("position__unit")
        .get(employee=persona("kabid"), kind="DEFINITIVE")
        .position.unit
    )

    page = client_of("kabid").get(f"/organisasi/{kabid_unit.agency_id}/").context["page"]

    assert page.units[0].unit_id == kabid_unit.pk
    assert {unit.depth for unit in page.units[1:]} == {kabid_unit.depth + 1}


def test_another_day_shows_the_organisation_of_that_day(client_of, persona, today):
    agency_id = _agency_id(persona, today, "kepala_dinas")

    response = client_of("kepala_dinas").get(f"/organisasi/{agency_id}/?on=1990-01-01")

    html = response.content.decode()
    assert response.context["page"].on.isoformat() == "1990-01-01"
    assert 'value="1990-01-01"' in html
    assert "Tidak ada JF atau Pelaksana pada tanggal ini." in html


def test_an_invalid_day_falls_back_to_today_with_an_error(client_of, persona, today):
    agency_id = _agency_id(persona, today, "kepala_dinas")

    response = client_of("kepala_dinas").get(f"/organisasi/{agency_id}/?on=31-31-2020")

    assert response.context["page"].on == today
    assert response.context["form"].errors == {"on": ["Masukkan tanggal yang valid."]}


def _add_staff(operator, jf_position: Position, count: int, at) -> None:
    for number in range(count):
        employee = services_people.employee_create(
            actor=operator,
            government=jf_position.government,
            nip=f"199102032015031{number + 1:03d}",
            name=f"Pegawai Tambahan {number}",
            employment_type="PNS",
            at=at,
        )
        services_people.placement_create(
            actor=operator,
            employee=employee,
            position=jf_position,
            kind="DEFINITIVE",
            valid_from=at.date(),
            decision_number=f"821/{number}/2026",
            decision_date=at.date(),
            decided_by="Wali Kota Surakarta",
            at=at,
        )


def _root_unit_id(agency_id: int) -> int:
    return OrgUnit.objects.get(agency_id=agency_id, depth=0).pk


@pytest.mark.usefixtures("scope_cache")
@pytest.mark.parametrize("choose_root", [False, True])
@pytest.mark.parametrize("name", ["kepala_dinas", "bkpsdm"])
def test_the_agency_page_costs_the_same_queries_with_more_people(
    name, choose_root, client_of, persona, operator, now, today, django_assert_num_queries
):
    client = client_of(name)
    agency_id = _agency_id(persona, today, "kepala_dinas")
    query = f"?unit={_root_unit_id(agency_id)}" if choose_root else ""
    path = f"/organisasi/{agency_id}/{query}"
    jf_position = Placement.objects.get(employee=persona("jf_ahli_muda"), valid_to=None).position
    client.get(path)  # whatever the session middleware does on a first request
    scope_cache_resize()  # empty: the next request builds the scope
    with django_assert_num_queries(AGENCY_PAGE_QUERIES + SCOPE_BUILD_QUERIES):
        client.get(path)
    with django_assert_num_queries(AGENCY_PAGE_QUERIES):
        before = client.get(path).context["page"].member_count

    _add_staff(operator, jf_position, 12, now)
    client.get(path)
    with django_assert_num_queries(AGENCY_PAGE_QUERIES):
        after = client.get(path).context["page"].member_count

    assert after - before == 12


def test_choosing_the_root_reads_one_page_of_members_in_table_order(
    client_of, persona, today, monkeypatch
):
    from sikerja.organization.views import agency_page

    monkeypatch.setattr(agency_page, "MEMBER_LIMIT", 3)
    agency_id = _agency_id(persona, today, "kepala_dinas")
    members = (
        Placement.objects.effective_on(today)
        .filter(
            position__unit__agency_id=agency_id,
            position__kind__in=["FUNGSIONAL", "PELAKSANA"],
            position__is_head=False,
        )
        .order_by("position__unit__path", "employee__name", "employee_id")
    )

    client = client_of("kepala_dinas")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/organisasi/{agency_id}/?unit={_root_unit_id(agency_id)}")

    page = response.context["page"]
    assert [q["sql"].endswith("LIMIT 3") for q in queries].count(True) == 1

    listed = sorted(row.employee_id for group in page.groups for row in group.rows)
    assert listed == sorted(p.employee_id for p in members[:3])
    assert (page.member_count, page.truncated) == (3, True)


def test_a_large_agency_asks_for_a_unit_and_then_shows_that_units_people(
    client_of, persona, today, monkeypatch
):
    from sikerja.organization.views import agency_page

    monkeypatch.setattr(agency_page, "MEMBER_LIMIT", 2)
    agency_id = _agency_id(persona, today, "kepala_dinas")
    kabid_unit = Placement.objects.get(employee=persona("kabid"), kind="DEFINITIVE").position.unit
    client = client_of("kepala_dinas")

    overview = client.get(f"/organisasi/{agency_id}/")
    chosen = client.get(f"/organisasi/{agency_id}/?unit={kabid_unit.pk}")

    assert overview.context["page"].must_choose is True
    assert overview.context["page"].member_count == 0
    page = chosen.context["page"]
    in_subtree = Placement.objects.effective_on(today).filter(
        position__unit__path__startswith=kabid_unit.path,
        position__kind__in=["FUNGSIONAL", "PELAKSANA"],
    )
    subtree_units = set(in_subtree.values_list("position__unit__name", flat=True))
    assert page.selected == kabid_unit
    assert page.in_view == in_subtree.count()
    assert page.member_count == min(2, in_subtree.count())
    assert all(row.unit_name in subtree_units for group in page.groups for row in group.rows)


def test_a_unit_outside_the_viewers_scope_is_not_found(client_of, persona, today):
    agency_id = _agency_id(persona, today, "kepala_dinas")
    outsider_unit = Placement.objects.get(
        employee=persona("outsider"), kind="DEFINITIVE"
    ).position.unit

    response = client_of("kepala_dinas").get(f"/organisasi/{agency_id}/?unit={outsider_unit.pk}")

    assert response.status_code == 404
