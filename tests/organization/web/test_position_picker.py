"""The position picker of the placement edits: the forms no longer list the government's
positions (their page has the same queries and size with 10 or 300 more positions), the
operator searches them by title, unit name or Perangkat Daerah code, a page of ten at a time
from the database, within their own government; the forms check the posted id there and say
so next to the field; nobody else may search (404, as for the forms)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Employee, OrgUnit, Placement, Position
from sikerja.organization.views.position_picker import PAGE

TODAY = dt.date(2026, 11, 23)
SEARCH = reverse("web:position-search")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def operator_client(world, user_of) -> Client:
    return _client(user_of("bkpsdm"))


def _unit_of(employee: Employee) -> OrgUnit:
    placement = Placement.objects.effective_on(TODAY).select_related("position__unit__agency")
    return placement.get(employee=employee, kind="DEFINITIVE").position.unit


def _add_positions(unit: OrgUnit, count: int, title: str = "Penelaah Arsip Uji") -> list[Position]:
    return Position.objects.bulk_create(
        Position(
            government_id=unit.government_id,
            unit=unit,
            title=f"{title} {index:03d}",
            kind="PELAKSANA",
        )
        for index in range(1, count + 1)
    )


def _ids(body: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'name="pindah-position" value="(\d+)"', body)]


def _search(client: Client, **params: object):
    return client.get(SEARCH, params)


def _forms_page(client: Client, employee: Employee) -> tuple[int, int]:
    url = reverse("web:employee-placements", args=[employee.pk])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.content)


def test_the_forms_page_does_not_grow_with_the_positions_of_the_government(
    world, persona, operator_client
):
    pelaksana = persona("pelaksana")
    unit = _unit_of(pelaksana)
    _add_positions(unit, 10)
    _forms_page(operator_client, pelaksana)  # warm the caches the first request fills
    with_ten = _forms_page(operator_client, pelaksana)

    _add_positions(unit, 290, title="Penelaah Arsip Tambahan")
    with_three_hundred = _forms_page(operator_client, pelaksana)

    assert with_three_hundred == with_ten
    body = operator_client.get(reverse("web:employee-placements", args=[pelaksana.pk]))
    assert "Penelaah Arsip" not in body.content.decode()


def test_the_search_has_the_same_queries_with_10_or_300_positions(world, persona, operator_client):
    unit = _unit_of(persona("pelaksana"))
    _add_positions(unit, 10)
    _search(operator_client, q="arsip uji")
    with CaptureQueriesContext(connection) as ten:
        few = _search(operator_client, q="arsip uji")

    _add_positions(unit, 290, title="Penelaah Arsip Tambahan")
    with CaptureQueriesContext(connection) as three_hundred:
        many = _search(operator_client, q="arsip")

    assert len(three_hundred) == len(ten)
    assert (len(_ids(few.content.decode())), len(_ids(many.content.decode()))) == (PAGE, PAGE)


def test_the_search_finds_positions_by_title_in_pages_of_ten(world, persona, operator_client):
    unit = _unit_of(persona("pelaksana"))
    made = _add_positions(unit, 23)
    expected = [position.pk for position in sorted(made, key=lambda p: (p.title, p.pk))]

    first = _search(operator_client, q="  penelaah   ARSIP uji ").content.decode()
    more = re.search(r'hx-get="([^"]+)"', first).group(1).replace("&amp;", "&")
    second = operator_client.get(more).content.decode()
    third = operator_client.get(more.replace("dari=10", "dari=20")).content.decode()

    assert _ids(first) == expected[:10]
    assert _ids(second) == expected[10:20]
    assert _ids(third) == expected[20:]
    assert "Tampilkan lebih banyak" in second
    assert "Tampilkan lebih banyak" not in third
    assert f"Penelaah Arsip Uji 001 — {unit.name} ({unit.agency.code})" in first


def test_the_search_finds_positions_by_unit_name_and_agency_code(world, persona, operator_client):
    unit = _unit_of(persona("pelaksana"))
    [made] = _add_positions(unit, 1, title="Jabatan Tanpa Kata Kunci")
    by_unit = _search(operator_client, q=f"{unit.name} tanpa kata").content.decode()
    by_code = _search(operator_client, q=f"{unit.agency.code.lower()} tanpa kata").content.decode()

    assert _ids(by_unit) == [made.pk]
    assert _ids(by_code) == [made.pk]


def test_the_search_stays_within_the_operators_government(world, operator_client):
    foreign_unit = (
        OrgUnit.objects.filter(government_id=world.other_government_id).order_by("pk").first()
    )
    _add_positions(foreign_unit, 3, title="Jabatan Pemda Lain")

    body = _search(operator_client, q="jabatan pemda lain").content.decode()

    assert _ids(body) == []
    assert "Tidak ada jabatan yang cocok dengan “jabatan pemda lain”." in body


def test_the_plt_plh_search_lists_head_positions_only(world, persona, operator_client):
    head = Placement.objects.effective_on(TODAY).get(
        employee=persona("kepala_dinas"), kind="DEFINITIVE"
    )
    unit = head.position.unit
    _add_positions(unit, 2, title=head.position.title)

    body = _search(operator_client, untuk="plt-plh", q=head.position.title).content.decode()

    found = [int(pk) for pk in re.findall(r'name="plt-plh-position" value="(\d+)"', body)]
    assert head.position_id in found
    assert set(Position.objects.filter(pk__in=found).values_list("is_head", flat=True)) == {True}


def test_an_empty_search_lists_nothing_and_says_what_to_type(world, operator_client):
    body = _search(operator_client, q="   ").content.decode()

    assert _ids(body) == []
    assert "Ketik sebagian nama jabatan, nama unit atau kode Perangkat Daerah." in body


@pytest.mark.parametrize(
    "persona_name", ["sekda", "kepala_dinas", "kabid", "pelaksana", "kepala_daerah"]
)
def test_only_the_operator_may_search(world, user_of, persona_name):
    response = _search(_client(user_of(persona_name)), q="kepala")

    assert response.status_code == 404


def test_a_search_for_a_form_without_a_position_is_not_found(world, operator_client):
    assert _search(operator_client, untuk="akhiri", q="kepala").status_code == 404


def _move(client: Client, employee: Employee, action: str = "pindah", **fields: object):
    data = {
        "position": "",
        "valid_from": "2026-12-01",
        "decision_number": "821.2/777/BKPSDM/2026",
        "decision_date": "2026-11-20",
        "decided_by": "Wali Kota Surakarta",
        **fields,
    }
    url = reverse("web:employee-placement-action", args=[employee.pk, action])
    return client.post(url, {f"{action}-{name}": value for name, value in data.items()})


def _nothing_written(employee: Employee, before: tuple[int, int], response) -> None:
    assert response.status_code == 400
    assert (Placement.objects.filter(employee=employee).count(), AuditEvent.objects.count()) == (
        before
    )


def _before(employee: Employee) -> tuple[int, int]:
    return Placement.objects.filter(employee=employee).count(), AuditEvent.objects.count()


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ("foreign", "Jabatan itu tidak ada di pemerintah daerah Anda. Cari dan pilih lagi."),
        ("987654321", "Jabatan itu tidak ada di pemerintah daerah Anda. Cari dan pilih lagi."),
        ("12ab", "Pilih jabatan dari hasil pencarian."),
        ("", "Bidang ini tidak boleh kosong."),
    ],
)
def test_a_position_not_of_the_government_is_a_field_error_and_nothing_is_written(
    world, persona, operator_client, posted, message
):
    pelaksana = persona("pelaksana")
    if posted == "foreign":
        posted = str(
            Position.objects.filter(government_id=world.other_government_id).order_by("pk")[0].pk
        )
    before = _before(pelaksana)

    response = _move(operator_client, pelaksana, position=posted)

    _nothing_written(pelaksana, before, response)
    assert response.context["forms"]["pindah"].errors["position"] == [message]
    body = response.content.decode()
    assert (
        f'<p class="field-error" role="alert" data-testid="field-error-position">{message}</p>'
        in (body)
    )


def test_a_plt_in_a_position_that_heads_no_unit_is_a_field_error(world, persona, operator_client):
    kabid = persona("kabid")
    not_head = Position.objects.filter(government_id=world.government_id, is_head=False)[0]
    before = _before(kabid)

    response = _move(operator_client, kabid, "plt-plh", kind="PLT", position=not_head.pk)

    _nothing_written(kabid, before, response)
    assert response.context["forms"]["plt-plh"].errors["position"] == [
        "Plt./Plh. hanya untuk jabatan kepala unit. Pilih jabatan kepala."
    ]


def test_a_refused_form_comes_back_with_its_chosen_position_checked(
    world, persona, operator_client
):
    pelaksana = persona("pelaksana")
    unit = _unit_of(pelaksana)
    [target] = _add_positions(unit, 1)

    response = _move(operator_client, pelaksana, position=target.pk, decision_date="")

    body = response.content.decode()
    assert response.status_code == 400
    assert f'name="pindah-position" value="{target.pk}" checked required>' in body
    assert '<details class="placement-edit" data-testid="placement-pindah" open>' in body


def test_without_javascript_the_cari_button_lists_the_matches_in_its_form(
    world, persona, operator_client
):
    pelaksana = persona("pelaksana")
    made = _add_positions(_unit_of(pelaksana), 2)
    url = reverse("web:employee-placements", args=[pelaksana.pk])

    response = operator_client.get(
        url, {"untuk": "pindah", "q": "arsip uji", "pindah-decided_by": "Wali Kota Surakarta"}
    )

    body = response.content.decode()
    assert _ids(body) == [position.pk for position in made]
    assert '<details class="placement-edit" data-testid="placement-pindah" open>' in body
    assert 'value="Wali Kota Surakarta"' in body


def test_the_picker_reads_in_english(world, persona, operator_client, settings):
    pelaksana = persona("pelaksana")
    operator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    with translation.override(settings.LANGUAGE_CODE):
        page = operator_client.get(reverse("web:employee-placements", args=[pelaksana.pk]))
        found = _search(operator_client, q="tidak ada yang begini")
        refused = _move(operator_client, pelaksana, position="987654321")

    assert "Search positions (position title, unit or Perangkat Daerah code)" in (
        page.content.decode()
    )
    assert "No position matches “tidak ada yang begini”." in found.content.decode()
    assert "That position is not in your government. Search and choose again." in (
        refused.content.decode()
    )


def test_more_stops_where_the_search_is_to_be_narrowed(
    world, persona, operator_client, monkeypatch
):
    monkeypatch.setattr("sikerja.organization.views.position_picker.MAX_OFFSET", 20)
    _add_positions(_unit_of(persona("pelaksana")), 35)

    second = _search(operator_client, q="arsip uji", dari=10).content.decode()
    last = _search(operator_client, q="arsip uji", dari=20).content.decode()
    beyond = _search(operator_client, q="arsip uji", dari=30).content.decode()

    assert "dari=20" in second
    assert (len(_ids(last)), "Tampilkan lebih banyak" in last) == (PAGE, False)
    assert _ids(beyond) == _ids(last)
