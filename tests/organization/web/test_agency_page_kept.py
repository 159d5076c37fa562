"""The agency page is kept under the government's access stamp (views/agency_page.py,
agency_view) and never served stale: every service that writes what the page shows gives the
government a new stamp, the very next view shows the change, and what one viewer may see never
reaches another (the key holds the whole viewer, the day and the language)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings

from sikerja.accounts.models import Account
from sikerja.organization import services, services_moves, services_people
from sikerja.organization.models import Government, OrgUnit, Placement, Position
from sikerja.organization.nip import format_nip, mask_nip
from sikerja.organization.services_regional_head import regional_head_set
from tests.organization.api.test_query_counts import _add_delegation
from tests.web.helpers import body

pytestmark = pytest.mark.usefixtures("scope_cache")  # kept scopes and pages, as in production


def _stamp(world) -> int:
    return Government.objects.values_list("access_stamp", flat=True).get(pk=world.government_id)


def _head_unit(persona, today, name: str) -> OrgUnit:
    placement = Placement.objects.select_related("position__unit").effective_on(today)
    return placement.get(employee=persona(name), kind="DEFINITIVE").position.unit


def _root_path(persona, today) -> str:
    agency_id = _head_unit(persona, today, "kepala_dinas").agency_id
    root = OrgUnit.objects.get(agency_id=agency_id, depth=0)
    return f"/organisasi/{agency_id}/?unit={root.pk}"


def _new_employee(operator, government, nip: str, now):
    return services_people.employee_create(
        actor=operator,
        government=government,
        nip=nip,
        name="Pegawai Baru",
        employment_type="PNS",
        at=now,
    )


def _jf_position(persona, today) -> Position:
    return Placement.objects.effective_on(today).get(employee=persona("jf_ahli_muda")).position


def _place(operator, employee, position, today, now) -> Placement:
    return services_people.placement_create(
        actor=operator,
        employee=employee,
        position=position,
        kind="DEFINITIVE",
        valid_from=today,
        decision_number="821/77/BKPSDM/2026",
        decision_date=today,
        decided_by="Wali Kota Surakarta",
        at=now,
    )


def _agency_create(operator, persona, today, now, world):
    services.agency_create(
        actor=operator,
        government=persona("kabid").government,
        code="DISBARU",
        name="Dinas Baru",
        agency_type="DINAS",
        at=now,
    )


def _unit_create(operator, persona, today, now, world):
    parent = _head_unit(persona, today, "kabid")
    services.unit_create(
        actor=operator, parent=parent, name="Seksi Baru", unit_type="SEKSI", at=now
    )


def _unit_move(operator, persona, today, now, world):
    unit = _head_unit(persona, today, "kabid")
    sibling = (
        OrgUnit.objects.filter(parent_id=unit.parent_id).exclude(pk=unit.pk).order_by("pk").first()
    )
    services.unit_move(actor=operator, unit=unit, new_parent=sibling, at=now)


def _new_jf_position(operator, persona, today, now) -> Position:
    return services_people.position_create(
        actor=operator,
        unit=_head_unit(persona, today, "kabid"),
        title="Analis Kebijakan Ahli Muda",
        kind="FUNGSIONAL",
        grade="AHLI_MUDA",
        jf_name="Analis Kebijakan",
        at=now,
    )


def _position_create(operator, persona, today, now, world):
    _new_jf_position(operator, persona, today, now)


def _employee_create(operator, persona, today, now, world):
    _new_employee(operator, persona("kabid").government, "199203042019031001", now)


def _placement_create(operator, persona, today, now, world):
    employee = _new_employee(operator, persona("kabid").government, "199203042019031002", now)
    Government.objects.filter(pk=world.government_id).update(access_stamp=1)  # renewed next
    _place(operator, employee, _jf_position(persona, today), today, now)


def _placement_end(operator, persona, today, now, world):
    placement = Placement.objects.effective_on(today).get(employee=persona("jf_ahli_muda"))
    services_people.placement_end(
        actor=operator, placement=placement, valid_to=today + dt.timedelta(days=1), at=now
    )


def _placement_move(operator, persona, today, now, world):
    target = _new_jf_position(operator, persona, today, now)
    Government.objects.filter(pk=world.government_id).update(access_stamp=1)  # renewed next
    services_moves.placement_move(
        actor=operator,
        employee=persona("jf_ahli_muda"),
        position=target,
        valid_from=today + dt.timedelta(days=1),
        decision_number="821/78/BKPSDM/2026",
        decision_date=today,
        decided_by="Wali Kota Surakarta",
        on=today,
        at=now,
    )


def _delegation_create(operator, persona, today, now, world):
    _add_delegation(operator, persona, today, now)


def _delegation_end(operator, persona, today, now, world):
    delegation = _add_delegation(operator, persona, today, now)
    Government.objects.filter(pk=world.government_id).update(access_stamp=1)  # renewed next
    services_people.delegation_end(
        actor=operator, delegation=delegation, valid_to=today + dt.timedelta(days=1), at=now
    )


def _regional_head_set(operator, persona, today, now, world):
    regional_head_set(
        actor=operator,
        government=persona("kabid").government,
        identifier="KDH-SKA-2030",
        name="Kepala Daerah Baru",
        gender="L",
        birth_date=dt.date(1970, 1, 1),
        at=now,
    )


@pytest.mark.parametrize(
    "write",
    [
        _agency_create,
        _unit_create,
        _unit_move,
        _position_create,
        _employee_create,
        _placement_create,
        _placement_end,
        _placement_move,
        _delegation_create,
        _delegation_end,
        _regional_head_set,
    ],
    ids=lambda write: write.__name__.strip("_"),
)
def test_every_write_of_what_the_page_shows_gives_the_government_a_new_stamp(
    write, operator, persona, today, now, world
):
    before = _stamp(world)

    write(operator, persona, today, now, world)

    assert _stamp(world) not in {before, 1}


def test_a_new_unit_shows_on_the_very_next_view(client_of, operator, persona, today, now):
    client = client_of("bkpsdm")
    kabid_unit = _head_unit(persona, today, "kabid")
    path = f"/organisasi/{kabid_unit.agency_id}/?unit={kabid_unit.pk}"
    before = client.get(path)
    assert client.get(path).context["page"] is before.context["page"]  # kept

    services.unit_create(
        actor=operator, parent=kabid_unit, name="Seksi Baru Sekali", unit_type="SEKSI", at=now
    )

    after = client.get(path)
    assert "Seksi Baru Sekali" not in before.content.decode()
    assert [u.name for u in after.context["page"].children].count("Seksi Baru Sekali") == 1


def test_a_new_placement_shows_on_the_very_next_view(client_of, operator, persona, today, now):
    client = client_of("bkpsdm")
    kabid_unit = _head_unit(persona, today, "kabid")
    path = f"/organisasi/{kabid_unit.agency_id}/?unit={kabid_unit.pk}"
    client.get(path)
    employee = _new_employee(operator, persona("kabid").government, "199203042019031003", now)

    _place(operator, employee, _jf_position(persona, today), today, now)

    html = body(client, path)
    assert f'<td class="nip">{format_nip(employee.nip)}</td>' in html


def test_each_viewer_gets_the_nips_they_may_see_from_the_same_page(client_of, persona, today):
    jf = persona("jf_ahli_muda")
    path = _root_path(persona, today)

    operator_html = body(client_of("bkpsdm"), path)
    head_html = body(client_of("kepala_dinas"), path)

    assert f'<td class="nip">{format_nip(jf.nip)}</td>' in operator_html
    assert f'<td class="nip">{mask_nip(jf.nip)}</td>' in head_html
    assert format_nip(jf.nip) not in head_html


def test_an_account_made_operator_sees_full_nips_on_the_next_view(
    client_of, persona, user_of, today
):
    jf = persona("jf_ahli_muda")
    client = client_of("kepala_dinas")
    path = _root_path(persona, today)
    assert f'<td class="nip">{mask_nip(jf.nip)}</td>' in body(client, path)

    Account.objects.filter(user=user_of("kepala_dinas")).update(role=Account.Role.BKPSDM_ADMIN)

    assert f'<td class="nip">{format_nip(jf.nip)}</td>' in body(client, path)


def test_a_unit_head_is_refused_the_root_unit_another_viewer_has_kept(client_of, persona, today):
    path = _root_path(persona, today)
    assert client_of("bkpsdm").get(path).status_code == 200

    response = client_of("kabid").get(path)

    assert response.status_code == 404


def test_the_page_is_kept_per_language(client_of, persona, today):
    client = client_of("bkpsdm")
    path = _root_path(persona, today)
    indonesian = body(client, path)

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = body(client, path)

    assert "Susunan unit organisasi" in indonesian
    assert "Susunan unit organisasi" not in english
