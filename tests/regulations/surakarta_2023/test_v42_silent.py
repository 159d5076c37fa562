"""V-42 binds in Kotim only: Surakarta is silent on placement by affairs, so choosing another
placement table for a Dinas is recorded, never refused under a rule Surakarta does not state."""

from __future__ import annotations

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.organization import services
from sikerja.organization.models import Agency
from sikerja.regulations.loader import load_pack
from tests.organization.builders import NOW, build_org


@pytest.mark.django_db
def test_v42_surakarta_silent_a_dinas_on_a_three_level_table_is_created_without_a_reason():
    org = build_org("surakarta-2023")

    agency = services.agency_create(
        actor=org.actor,
        government=org.government,
        code="DISHUB",
        name="Dinas Perhubungan",
        agency_type="DINAS",
        placement_table="SKA-3LEVEL",
        at=NOW,
    )

    assert load_pack("surakarta-2023").binds("V-42") is False
    assert Agency.objects.get(pk=agency.pk).placement_table == "SKA-3LEVEL"
    event = AuditEvent.objects.filter(action="agency.created", object_id=str(agency.pk)).get()
    assert event.after["placement_table"] == "SKA-3LEVEL"
