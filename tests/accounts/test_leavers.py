"""An employee who leaves the government loses access on the day they leave: their last
placement ends with no new one, and from that day the login is refused (at login and on every
request), tested with fixed days."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from sikerja.organization.demo import DEFAULT_PASSWORD
from sikerja.organization.models import Placement
from sikerja.organization.selectors import login_refused, viewer_for
from sikerja.organization.services_people import placement_end

LEAVES = dt.date(2026, 11, 23)  # the test day (tests.conftest.TODAY)
INACTIVE = (
    "Akun ini tidak aktif lagi. Hubungi BKPSDM bila Anda masih bertugas di pemerintah daerah ini."
)


@pytest.fixture
def leaver(world, persona, operator, now):
    """The Pelaksana's placements all end on LEAVES."""
    for placement in Placement.objects.filter(employee=persona("pelaksana"), valid_to__isnull=True):
        placement_end(actor=operator, placement=placement, valid_to=LEAVES, at=now)
    return persona("pelaksana")


def test_the_day_before_leaving_the_login_still_works(leaver, user_of):
    user = user_of("pelaksana")

    assert viewer_for(user, LEAVES - dt.timedelta(days=1)).employee_id == leaver.pk
    assert login_refused(user, LEAVES - dt.timedelta(days=1)) is False


def test_from_the_leaving_day_the_login_is_refused(leaver, user_of):
    client = Client()
    session = Client()
    session.force_login(user_of("pelaksana"))

    response = client.post("/masuk/", {"username": "pelaksana", "password": DEFAULT_PASSWORD})

    assert response.status_code == 200
    assert response.context["form"].errors["__all__"] == [INACTIVE]
    assert viewer_for(user_of("pelaksana"), LEAVES) is None
    assert session.get("/").status_code == 403


def test_a_new_placement_after_the_gap_keeps_the_login(leaver, user_of):
    placement = Placement.objects.filter(employee=leaver).order_by("-valid_from").first()
    Placement.objects.create(
        government=placement.government,
        employee=leaver,
        position=placement.position,
        kind=placement.kind,
        valid_from=LEAVES + dt.timedelta(days=30),
        decision_number="821.2/099/BKPSDM/2026",
        decision_date=LEAVES,
        decided_by="Wali Kota",
    )

    assert login_refused(user_of("pelaksana"), LEAVES) is False


def test_the_regional_head_without_placements_is_not_a_leaver(world, user_of):
    user = user_of("kepala_daerah")

    assert login_refused(user, LEAVES) is False
    assert viewer_for(user, LEAVES) is not None
