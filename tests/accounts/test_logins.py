"""BKPSDM keeps the logins: create, link by NIP, deactivate from a day, re-activate, reset.

Each service: what it writes, its audit event, the new access stamp, and its refusals (nothing
written, no event).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from sikerja.accounts.models import Account
from sikerja.audit.models import AuditEvent
from sikerja.core.errors import NotFound, PermissionDenied, ValidationFailed
from sikerja.organization import logins
from sikerja.organization.models import Employee, Government
from sikerja.organization.selectors import viewer_for

TEMP = "Sementara-2026!"


@pytest.fixture
def government(world):
    return Government.objects.get(pk=world.government_id)


@pytest.fixture
def newcomer(government):
    """An employee of the government without a login."""
    return Employee.objects.filter(government=government, user__isnull=True).order_by("pk").first()


def _events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action))


def _stamp(government: Government) -> int:
    return Government.objects.values_list("access_stamp", flat=True).get(pk=government.pk)


def test_bkpsdm_creates_a_login_for_an_employee_by_nip(operator, government, newcomer, now):
    stamp = _stamp(government)

    account = logins.login_create(
        actor=operator, government=government, nip=newcomer.nip, password=TEMP, at=now
    )

    newcomer.refresh_from_db()
    assert (account.user.username, account.role, account.must_change_password) == (
        newcomer.nip,
        Account.Role.EMPLOYEE,
        True,
    )
    assert newcomer.user_id == account.user_id
    assert account.user.check_password(TEMP)
    assert account.user.email == newcomer.email
    assert _stamp(government) != stamp
    [event] = _events("account.created")
    assert (event.actor_label, event.object_id, event.after) == (
        "bkpsdm",
        str(account.pk),
        {"username": newcomer.nip, "employee": newcomer.pk, "role": "EMPLOYEE"},
    )


def test_a_username_can_be_chosen(operator, government, newcomer, now):
    account = logins.login_create(
        actor=operator,
        government=government,
        nip=newcomer.nip,
        password=TEMP,
        at=now,
        username="budi.baru",
    )

    assert account.user.username == "budi.baru"


@pytest.mark.parametrize("name", ["kabid", "sekda", "jf_ahli_muda"])
def test_only_the_operator_manages_logins(user_of, government, newcomer, now, name):
    actor = viewer_for(user_of(name), dt.date(2026, 11, 23)).actor
    users = get_user_model().objects.count()

    with pytest.raises(PermissionDenied) as refusal:
        logins.login_create(
            actor=actor, government=government, nip=newcomer.nip, password=TEMP, at=now
        )

    assert refusal.value.message == "Hanya operator BKPSDM yang dapat mengelola akun pegawai."
    assert get_user_model().objects.count() == users
    assert _events("account.created") == []


def test_the_operator_of_another_government_is_refused(
    world, other_tenant_user, newcomer, government, now
):
    from sikerja.organization.rules import Actor

    other = Actor(
        user_id=other_tenant_user.pk,
        label="x",
        government_id=world.other_government_id,
        is_bkpsdm_admin=True,
    )

    with pytest.raises(PermissionDenied):
        logins.login_create(
            actor=other, government=government, nip=newcomer.nip, password=TEMP, at=now
        )

    assert _events("account.created") == []


@pytest.mark.parametrize(
    ("nip", "password", "username", "code", "field"),
    [
        ("199999999999999999", TEMP, "", "unknown_employee", "nip"),
        (None, "12345678", "", "weak_password", "password"),
        (None, TEMP, "bkpsdm", "username_taken", "username"),
        ("persona", TEMP, "", "employee_has_login", "nip"),
    ],
)
def test_refusals_of_creation_write_nothing(
    operator, government, newcomer, persona, now, nip, password, username, code, field
):
    nip = {None: newcomer.nip, "persona": persona("kabid").nip}.get(nip, nip)
    users = get_user_model().objects.count()
    stamp = _stamp(government)

    with pytest.raises(ValidationFailed) as refusal:
        logins.login_create(
            actor=operator,
            government=government,
            nip=nip,
            password=password,
            at=now,
            username=username,
        )

    assert (refusal.value.code, list(refusal.value.fields)) == (code, [field])
    assert get_user_model().objects.count() == users
    assert (_stamp(government), _events("account.created")) == (stamp, [])


def test_a_login_without_an_employee_is_linked_by_nip(operator, government, newcomer, now):
    user = get_user_model().objects.create_user("tamu", password=TEMP)
    account = Account.objects.create(user=user, government=government, role=Account.Role.EMPLOYEE)

    logins.login_link(
        actor=operator, government=government, account_id=account.pk, nip=newcomer.nip, at=now
    )

    newcomer.refresh_from_db()
    assert newcomer.user_id == user.pk
    [event] = _events("account.linked")
    assert event.after == {"username": "tamu", "employee": newcomer.pk}
    with pytest.raises(ValidationFailed) as again:
        logins.login_link(
            actor=operator, government=government, account_id=account.pk, nip=newcomer.nip, at=now
        )
    assert again.value.code == "login_linked"


def test_deactivation_refuses_the_login_from_its_day_and_reactivation_lets_it_in(
    operator, government, user_of, now
):
    kabid = Account.objects.get(user=user_of("kabid"))
    leaving = dt.date(2026, 11, 30)

    logins.login_deactivate(
        actor=operator, government=government, account_id=kabid.pk, on=leaving, at=now
    )

    user = user_of("kabid")
    assert viewer_for(user, dt.date(2026, 11, 29)) is not None
    assert viewer_for(user, leaving) is None
    assert viewer_for(user, dt.date(2026, 12, 1)) is None
    assert _events("account.deactivated")[0].after == {
        "username": "kabid",
        "access_until": "2026-11-30",
    }
    with pytest.raises(ValidationFailed) as twice:
        logins.login_deactivate(
            actor=operator, government=government, account_id=kabid.pk, on=leaving, at=now
        )
    assert twice.value.code == "account_already_inactive"

    logins.login_reactivate(actor=operator, government=government, account_id=kabid.pk, at=now)

    assert viewer_for(user, leaving) is not None
    assert _events("account.reactivated")[0].after == {
        "username": "kabid",
        "access_until_before": "2026-11-30",
    }
    with pytest.raises(ValidationFailed) as active:
        logins.login_reactivate(actor=operator, government=government, account_id=kabid.pk, at=now)
    assert active.value.code == "account_already_active"


def test_another_governments_login_is_not_found(operator, government, other_tenant_user, now):
    other = Account.objects.get(user=other_tenant_user)

    with pytest.raises(NotFound):
        logins.login_deactivate(
            actor=operator,
            government=government,
            account_id=other.pk,
            on=dt.date(2026, 11, 23),
            at=now,
        )

    other.refresh_from_db()
    assert other.access_until is None


def test_a_reset_sets_a_temporary_password_to_be_changed(operator, government, user_of, now):
    kabid = Account.objects.get(user=user_of("kabid"))

    logins.login_password_reset(
        actor=operator, government=government, account_id=kabid.pk, password=TEMP, at=now
    )

    kabid.refresh_from_db()
    assert kabid.must_change_password is True
    assert user_of("kabid").check_password(TEMP)
    [event] = _events("account.password_reset")
    assert event.after == {"username": "kabid"}


def test_an_unknown_role_is_refused(operator, government, newcomer, now):
    with pytest.raises(ValidationFailed) as refusal:
        logins.login_create(
            actor=operator,
            government=government,
            nip=newcomer.nip,
            password=TEMP,
            at=now,
            role="RAJA",
        )

    assert (refusal.value.code, list(refusal.value.fields)) == ("unknown_role", ["role"])
    assert _events("account.created") == []
