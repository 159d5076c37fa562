"""The Inspektorat's auditor: sees what a BKPSDM operator sees (the rules' `which` answers are the
operator's, in both governments of the world) and may change nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from sikerja.accounts.models import Account
from sikerja.accounts.rules import may_manage_logins, may_see_logins
from sikerja.assignments import rules as assignment_rules
from sikerja.core.errors import PermissionDenied
from sikerja.organization import rules
from sikerja.organization.models import Placement
from sikerja.organization.selectors import viewer_for
from sikerja.organization.services_people import placement_end
from tests.viewers import viewer_of

__all__ = ["viewer_of"]


@pytest.fixture
def auditor(world):
    user = get_user_model().objects.create_user("inspektorat", password="Rahasia-Uji-2026!")
    Account.objects.create(user=user, government_id=world.government_id, role=Account.Role.AUDITOR)
    return user


@pytest.fixture
def cross_unit(persona, now, today):
    from tests.assignments.web.test_world import cross_unit_request

    return cross_unit_request(persona, now, today)


def _ids(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


def test_the_auditor_sees_what_the_operator_sees(auditor, viewer_of, today, cross_unit):
    seen = viewer_for(auditor, today)
    operator = viewer_of("bkpsdm")

    answers = [
        (
            _ids(rules.agencies_visible_to(v)),
            _ids(rules.units_visible_to(v)),
            _ids(rules.employees_visible_to(v, today)),
            _ids(rules.delegations_visible_to(v, today)),
            _ids(assignment_rules.assignments_visible_to(v)),
        )
        for v in (seen, operator)
    ]

    assert answers[0] == answers[1]
    assert cross_unit.pk in answers[0][4]
    assert assignment_rules.may_see_assignment(seen, cross_unit) is True
    assert rules.may_see_full_nip(seen, cross_unit.requester_id) is True


def test_the_auditor_may_change_nothing(auditor, today, persona, now):
    viewer = viewer_for(auditor, today)
    placement = Placement.objects.effective_on(today).filter(employee=persona("pelaksana")).first()

    with pytest.raises(PermissionDenied):
        placement_end(actor=viewer.actor, placement=placement, valid_to=today, at=now)

    assert (
        rules.may_transfer(viewer),
        rules.may_change_organization(viewer.actor, viewer.government.pk),
    ) == (False, False)
    placement.refresh_from_db()
    assert placement.valid_to is None


@pytest.mark.parametrize(
    ("role", "see", "manage"),
    [("BKPSDM_ADMIN", True, True), ("AUDITOR", True, False), ("EMPLOYEE", False, False)],
)
def test_the_logins_rules_by_role(role, see, manage):
    same = {"role": role, "actor_government_id": 1, "government_id": 1}
    other = {**same, "government_id": 2}

    assert (may_see_logins(**same), may_manage_logins(**same)) == (see, manage)
    assert (may_see_logins(**other), may_manage_logins(**other)) == (False, False)


def test_the_auditors_pages_read_and_the_forms_refuse(auditor, world):
    client = Client()
    client.force_login(auditor)

    answers = [client.get(path).status_code for path in ("/", "/pegawai/", "/akun/", "/impor/")]
    posted = client.post("/akun/baru/", {"nip": "x", "password": "y"}).status_code

    assert answers == [200, 200, 200, 404]
    assert posted == 404


def test_the_regional_head_logs_in_and_sees_their_home(world):
    from sikerja.organization.demo import DEFAULT_PASSWORD

    client = Client()
    response = client.post("/masuk/", {"username": "kepala_daerah", "password": DEFAULT_PASSWORD})

    assert (response.status_code, response["Location"]) == (302, "/")
    assert client.get("/").status_code == 200
