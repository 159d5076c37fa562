"""The agency page: unit tree with acting badges, kedudukan table, day picker, query budget."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from sikerja.organization import services_people
from sikerja.organization.access import page_cache_clear, scope_cache_resize
from sikerja.organization.models import OrgUnit, Placement, Position
from sikerja.organization.nip import format_nip, mask_nip
from sikerja.organization.selectors import resolver_for
from tests.web.helpers import body, text

# Queries of one agency page, whatever the number of people: session and user (2), the viewer's
# account (1; the rest of the viewer is cached, `organization.access`), the agency, the chosen
# (or top) unit, its path and children (3), the members below the unit counted up to one page
# and one more (1), one page of members (1), and the snapshot of the heads above them (units,
# head placements, delegations: 3).
AGENCY_PAGE_QUERIES = 11
# The first request after a change of the government's access stamp also builds the scope
# (employee, heads held, chain: 3).
SCOPE_BUILD_QUERIES = 3
# The counts loaded after a page whose unit holds more than a page of members
# (`/organisasi/{id}/jumlah/`): session, user and account (3), the agency, the unit, its path
# and children (3), and the members below each child (1, grouped; kept under the stamp).
COUNTS_QUERIES = 7
KEPT_COUNTS_QUERIES = 3
# A page kept under the access stamp (views/agency_page.py, agency_view): the session and user
# (2) and the viewer's account with the government's stamp (1).
KEPT_PAGE_QUERIES = 3
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

    html = body(client_of("bkpsdm"), f"/organisasi/{unit.agency_id}/?unit={unit.pk}")

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

    assert [unit.unit_id for unit in page.path] == [kabid_unit.pk]
    assert sorted(unit.unit_id for unit in page.children) == sorted(
        OrgUnit.objects.filter(parent=kabid_unit).values_list("pk", flat=True)
    )


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
    page_cache_clear()  # the scope and the counts stay kept: the page alone is built again
    with django_assert_num_queries(AGENCY_PAGE_QUERIES):
        before = client.get(path).context["page"]
    with django_assert_num_queries(KEPT_PAGE_QUERIES):
        assert client.get(path).context["page"] is before

    _add_staff(operator, jf_position, 12, now)
    with django_assert_num_queries(AGENCY_PAGE_QUERIES + SCOPE_BUILD_QUERIES):
        client.get(path)  # a new access stamp: the kept scope, counts and page are not used
    page_cache_clear()
    with django_assert_num_queries(AGENCY_PAGE_QUERIES):
        after = client.get(path).context["page"]
    with django_assert_num_queries(KEPT_PAGE_QUERIES):
        assert client.get(path).context["page"] is after

    assert (after.member_count, after.in_view) == (before.member_count + 12, before.in_view + 12)


def _members(today):
    return Placement.objects.effective_on(today).filter(
        position__kind__in=["FUNGSIONAL", "PELAKSANA"], position__is_head=False
    )


def test_a_unit_with_more_people_than_a_page_lists_those_placed_in_it_directly(
    client_of, persona, today, monkeypatch
):
    from sikerja.organization.views import agency_page

    monkeypatch.setattr(agency_page, "MEMBER_LIMIT", 2)
    unit = Placement.objects.get(employee=persona("kabid"), kind="DEFINITIVE").position.unit
    direct = _members(today).filter(position__unit=unit).order_by("employee__name", "employee_id")
    below = _members(today).filter(position__unit__path__startswith=unit.path)

    client = client_of("kepala_dinas")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/organisasi/{unit.agency_id}/?unit={unit.pk}")

    page = response.context["page"]
    html = response.content.decode()
    assert [q["sql"].endswith("LIMIT 2") for q in queries].count(True) == 1
    assert not [q["sql"] for q in queries if "GROUP BY" in q["sql"]]  # counted after the page
    listed = sorted(row.employee_id for group in page.groups for row in group.rows)
    assert listed == sorted(p.employee_id for p in direct[:2])
    assert (page.whole, page.counted, page.in_view) == (False, False, 3)
    assert below.count() > 2
    assert direct.count() > 0
    assert "Di bawah unit ini ada lebih dari 2 JF dan Pelaksana" in text(html)
    assert (
        f'href="/organisasi/{unit.agency_id}/jumlah/?on={today:%Y-%m-%d}&amp;unit={unit.pk}"'
        in (html)
    )

    counts = client.get(f"/organisasi/{unit.agency_id}/jumlah/?on={today:%Y-%m-%d}&unit={unit.pk}")

    assert counts.status_code == 200
    assert (
        f"Di bawah unit ini ada {below.count()} JF dan Pelaksana; {direct.count()} di antaranya"
        " ditempatkan langsung di unit ini." in text(counts.content.decode())
    )


@pytest.mark.usefixtures("scope_cache")
def test_the_counts_after_the_page_cost_the_same_queries_with_more_people(
    client_of, persona, operator, now, today, monkeypatch, django_assert_num_queries
):
    from sikerja.organization.views import agency_page

    monkeypatch.setattr(agency_page, "MEMBER_LIMIT", 2)
    client = client_of("bkpsdm")
    agency_id = _agency_id(persona, today, "kepala_dinas")
    root_id = _root_unit_id(agency_id)
    path = f"/organisasi/{agency_id}/?unit={root_id}"
    counts_path = f"/organisasi/{agency_id}/jumlah/?unit={root_id}"
    jf_position = Placement.objects.get(employee=persona("jf_ahli_muda"), valid_to=None).position
    client.get(path)  # whatever the session middleware does on a first request
    totals = []
    for added in (0, 12):
        _add_staff(operator, jf_position, added, now)  # 12: a new access stamp
        if not added:
            scope_cache_resize()  # empty: the next request builds the scope
        with django_assert_num_queries(AGENCY_PAGE_QUERIES + SCOPE_BUILD_QUERIES):
            assert client.get(path).context["page"].counted is False
        with django_assert_num_queries(COUNTS_QUERIES):
            totals.append(client.get(counts_path, HTTP_HX_REQUEST="true").content.decode())
        with django_assert_num_queries(KEPT_COUNTS_QUERIES):
            assert client.get(counts_path, HTTP_HX_REQUEST="true").content.decode() == totals[-1]

    in_agency = _members(today).filter(position__unit__agency_id=agency_id).count()
    assert f"ada {in_agency - 12} JF dan Pelaksana" in text(totals[0])
    assert f"ada {in_agency} JF dan Pelaksana" in text(totals[1])


def test_the_counts_to_htmx_are_the_fragment_and_to_a_browser_a_page(client_of, persona, today):
    agency_id = _agency_id(persona, today, "kepala_dinas")
    counts_path = f"/organisasi/{agency_id}/jumlah/?unit={_root_unit_id(agency_id)}"
    client = client_of("kepala_dinas")

    fragment = client.get(counts_path, HTTP_HX_REQUEST="true")
    page = client.get(counts_path)

    assert fragment.content.decode().lstrip().startswith('<div id="unit-counts"')
    assert "<html" not in fragment.content.decode()
    assert "<html" in page.content.decode()
    assert fragment["Vary"].count("HX-Request") == page["Vary"].count("HX-Request") == 1


@pytest.mark.parametrize("query", ["", "?unit=abc", "?unit=999999"])
def test_the_counts_of_no_visible_unit_are_not_found(client_of, persona, today, query):
    agency_id = _agency_id(persona, today, "kepala_dinas")

    response = client_of("kepala_dinas").get(f"/organisasi/{agency_id}/jumlah/{query}")

    assert response.status_code == 404


def test_a_unit_head_is_refused_the_counts_of_a_unit_above_them(client_of, persona, today):
    agency_id = _agency_id(persona, today, "kabid")

    response = client_of("kabid").get(
        f"/organisasi/{agency_id}/jumlah/?unit={_root_unit_id(agency_id)}"
    )

    assert response.status_code == 404


def test_a_subtree_that_fits_one_page_lists_everyone_below_the_unit(client_of, persona, today):
    agency_id = _agency_id(persona, today, "kepala_dinas")
    kabid_unit = Placement.objects.get(employee=persona("kabid"), kind="DEFINITIVE").position.unit
    below = _members(today).filter(position__unit__path__startswith=kabid_unit.path)

    first = client_of("kepala_dinas").get(f"/organisasi/{agency_id}/").context["page"]
    page = (
        client_of("kepala_dinas")
        .get(f"/organisasi/{agency_id}/?unit={kabid_unit.pk}")
        .context["page"]
    )

    assert first.selected.pk == _root_unit_id(agency_id)
    assert first.in_view == _members(today).filter(position__unit__agency_id=agency_id).count()
    assert (page.whole, page.truncated) == (True, False)
    assert sorted(row.employee_id for group in page.groups for row in group.rows) == sorted(
        below.values_list("employee_id", flat=True)
    )


def test_a_unit_outside_the_viewers_scope_is_not_found(client_of, persona, today):
    agency_id = _agency_id(persona, today, "kepala_dinas")
    outsider_unit = Placement.objects.get(
        employee=persona("outsider"), kind="DEFINITIVE"
    ).position.unit

    response = client_of("kepala_dinas").get(f"/organisasi/{agency_id}/?unit={outsider_unit.pk}")

    assert response.status_code == 404


def test_every_person_on_the_page_links_to_their_employee_page(client_of, persona, today):
    from django.urls import reverse

    agency_id = _agency_id(persona, today, "kepala_dinas")
    kepala = persona("kepala_dinas")
    response = client_of("bkpsdm").get(f"/organisasi/{agency_id}/?unit={_root_unit_id(agency_id)}")
    page = response.context["page"]
    html = response.content.decode()
    html = html[html.index('<div id="organisation-view"') :]  # not the layout's own links

    shown = {h.employee_id for u in page.path + page.children for h in u.holders}
    shown |= {row.employee_id for group in page.groups for row in group.rows}
    shown |= {group.appraiser.employee_id for group in page.groups if group.appraiser}
    linked = {int(pk) for pk in re.findall(r'href="/pegawai/(\d+)/"', html)}
    assert kepala.pk in shown
    assert linked == shown
    assert all(f'href="{reverse("web:employee_detail", args=[pk])}"' in html for pk in shown)
