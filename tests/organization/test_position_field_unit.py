"""V-46: BKPSDM records the field unit (Bagian) of a position, the route of a Setda JF Madya's
report through its Kepala Bagian: a Bagian of the position's own Perangkat Daerah, nothing
else; only an operator (V-39); one audit event; the page and the API answer the same."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import NotFound, PermissionDenied, ValidationFailed
from sikerja.organization.models import OrgUnit, Position
from sikerja.organization.rules import Actor
from sikerja.organization.services_positions import position_field_unit_set
from tests.clients import _empty_cache, client_of, session_as
from tests.organization.builders import NOW, build_org

__all__ = ["_empty_cache", "client_of", "session_as"]

pytestmark = pytest.mark.django_db


def madya_position(org) -> Position:
    return org.position("asisten", "Analis Kebijakan Ahli Madya", "FUNGSIONAL", "AHLI_MADYA")


def test_v46_bkpsdm_records_a_bagian_of_the_same_agency_with_one_audit_event():
    org = build_org("surakarta-2023")
    position = madya_position(org)
    events = AuditEvent.objects.count()

    saved = position_field_unit_set(
        actor=org.actor, position_id=position.pk, field_unit_id=org.units["bagian"].pk, at=NOW
    )

    assert Position.objects.get(pk=position.pk).field_unit_id == org.units["bagian"].pk
    assert saved.field_unit_id == org.units["bagian"].pk
    event = AuditEvent.objects.order_by("-pk").first()
    assert AuditEvent.objects.count() == events + 1
    assert (event.action, event.rule, event.after) == (
        "position.field_unit_set",
        "V-46",
        {"field_unit": org.units["bagian"].pk},
    )


@pytest.mark.parametrize("unit", ["bidang", "asisten"])
def test_v46_a_unit_of_another_agency_or_not_a_bagian_is_refused_case(unit):
    org = build_org("surakarta-2023")
    position = madya_position(org)
    events = AuditEvent.objects.count()

    with pytest.raises(ValidationFailed) as refused:
        position_field_unit_set(
            actor=org.actor, position_id=position.pk, field_unit_id=org.units[unit].pk, at=NOW
        )

    assert list(refused.value.fields) == ["field_unit"]
    assert Position.objects.get(pk=position.pk).field_unit_id is None
    assert AuditEvent.objects.count() == events


def test_v39_only_bkpsdm_records_it_and_another_government_finds_nothing():
    org = build_org("surakarta-2023")
    other = build_org("kotim-2023")
    position = madya_position(org)
    employee = org.people["bidang"]
    kabid = Actor(
        user_id=None, label=employee.nip, government_id=org.government.pk, employee_id=employee.pk
    )

    with pytest.raises(PermissionDenied):
        position_field_unit_set(
            actor=kabid, position_id=position.pk, field_unit_id=org.units["bagian"].pk, at=NOW
        )
    with pytest.raises(NotFound):
        position_field_unit_set(
            actor=other.actor, position_id=position.pk, field_unit_id=None, at=NOW
        )

    assert Position.objects.get(pk=position.pk).field_unit_id is None


def _setda_position_and_bagian(world):
    bagian = OrgUnit.objects.filter(
        agency__government_id=world.government_id, unit_type="BAGIAN"
    ).first()
    position = (
        Position.objects.filter(unit__agency_id=bagian.agency_id).exclude(unit=bagian).first()
    )
    return position, bagian


def test_the_page_records_it_for_bkpsdm_and_is_hidden_from_others(world, client_of):
    position, bagian = _setda_position_and_bagian(world)
    url = reverse("web:position-field-unit", args=[position.pk])

    shown = client_of("bkpsdm").get(url)
    saved = client_of("bkpsdm").post(url, {"field_unit": bagian.pk})
    hidden = client_of("kabid").get(url)

    assert shown.status_code == 200
    assert saved.status_code == 302
    assert Position.objects.get(pk=position.pk).field_unit_id == bagian.pk
    assert hidden.status_code == 404


def test_the_api_records_and_clears_it(world, session_as):
    position, bagian = _setda_position_and_bagian(world)
    path = f"/positions/{position.pk}/field-unit"

    saved = session_as("bkpsdm").post(path, {"field_unit_id": bagian.pk})
    refused = session_as("kabid").post(path, {"field_unit_id": bagian.pk})
    cleared = session_as("bkpsdm").post(path, {"field_unit_id": None})

    assert (saved.status_code, saved.json()["field_unit_id"]) == (200, bagian.pk)
    assert (refused.status_code, refused.json()["rule"]) == (403, "V-39")
    assert (cleared.status_code, cleared.json()["field_unit_id"]) == (200, None)
