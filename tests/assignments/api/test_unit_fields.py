"""A unit the request's mode does not take is refused next to its field, never ignored."""

from __future__ import annotations

import pytest

from sikerja.assignments.models import Assignment
from sikerja.audit.models import AuditEvent
from sikerja.organization.models import OrgUnit
from tests.assignments.api.test_support import request_body


@pytest.mark.parametrize(
    ("persona_name", "mode", "field"),
    [("kabid", "APPOINTMENT", "owner_unit_id"), ("jf_ahli_muda", "VOLUNTARY", "home_unit_id")],
)
def test_a_unit_the_mode_does_not_take_is_a_field_error_and_nothing_is_written(
    session_as, persona, world, persona_name, mode, field
):
    unit = OrgUnit.objects.filter(government_id=world.government_id).order_by("pk").first()
    before = (Assignment.objects.count(), AuditEvent.objects.count())

    response = session_as(persona_name).post(
        "/assignments",
        request_body(persona("jf_ahli_muda").nip, mode=mode, **{field: unit.pk}),
    )

    body = response.json()
    assert (response.status_code, body["code"], list(body["fields"])) == (
        400,
        "field_not_applicable",
        [field],
    )
    assert (Assignment.objects.count(), AuditEvent.objects.count()) == before
