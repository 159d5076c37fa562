"""Logins of a government's people, kept by BKPSDM: create, link to an employee by NIP,
deactivate (from a day: the employee leaves) and re-activate, reset the password.

The Account row lives in `sikerja.accounts` (with the permission rule, `accounts.rules`); these
services live here because they join a login to an `Employee`, and the organisation already reads
accounts to resolve a viewer (the apps may not import each other both ways). Every change gives
the government a new access stamp (`access.access_changed`) and appends one audit event.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sikerja.accounts.errors import AccountErrorCode
from sikerja.accounts.models import Account
from sikerja.accounts.rules import may_manage_logins, may_see_logins
from sikerja.audit.services import event_record
from sikerja.core.errors import NotFound, PermissionDenied, ValidationFailed
from sikerja.organization.access import access_changed
from sikerja.organization.models import Employee, Government
from sikerja.organization.rules import Actor, Viewer


def _require_manager(actor: Actor, government: Government) -> None:
    role = Account.Role.BKPSDM_ADMIN if actor.is_bkpsdm_admin or actor.is_system else ""
    if not may_manage_logins(
        role=role, actor_government_id=actor.government_id, government_id=government.pk
    ):
        raise PermissionDenied(_("Hanya operator BKPSDM yang dapat mengelola akun pegawai."))


def _audit(actor: Actor, action: str, account: Account, at: dt.datetime, **after: object) -> None:
    event_record(
        government_id=account.government_id,
        actor_user_id=actor.user_id,
        actor_label=actor.label,
        action=action,
        object_type="accounts.account",
        object_id=str(account.pk),
        at=at,
        after={"username": account.user.get_username(), **after},
    )


def _employee(government: Government, nip: str) -> Employee:
    employee = (
        Employee.objects.select_for_update().filter(government=government, nip=nip.strip()).first()
    )
    if employee is None:
        raise ValidationFailed(
            code="unknown_employee",
            message=_("Tidak ada pegawai dengan NIP %(nip)s.") % {"nip": nip.strip()},
            fields={"nip": _("NIP tidak dikenal.")},
        )
    if employee.user_id is not None:
        raise ValidationFailed(
            code=AccountErrorCode.EMPLOYEE_HAS_LOGIN,
            message=_("%(name)s sudah memiliki akun.") % {"name": employee.full_name},
            fields={"nip": _("Pegawai ini sudah memiliki akun.")},
        )
    return employee


def _check_password(password: str, user: User | None = None) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise ValidationFailed(
            code=AccountErrorCode.WEAK_PASSWORD,
            message=_("Kata sandi sementara belum memenuhi syarat."),
            fields={"password": " ".join(str(message) for message in exc.messages)},
        ) from exc


def _check_username(username: str) -> None:
    if get_user_model().objects.filter(username__iexact=username).exists():
        raise ValidationFailed(
            code=AccountErrorCode.USERNAME_TAKEN,
            message=_("Nama pengguna %(username)s sudah dipakai.") % {"username": username},
            fields={"username": _("Nama pengguna sudah dipakai.")},
        )


@transaction.atomic
def login_create(
    *,
    actor: Actor,
    government: Government,
    nip: str,
    password: str,
    at: dt.datetime,
    username: str = "",
    role: str = Account.Role.EMPLOYEE,
) -> Account:
    """Give an employee a login (username: the NIP unless given) with a temporary password that
    must be changed at the first login, as an employee, a BKPSDM operator or the Inspektorat's
    auditor (`role`); audited as `account.created`.

    Raises PermissionDenied (not the government's BKPSDM operator), ValidationFailed
    (`unknown_role`, `unknown_employee`, `employee_has_login`, `username_taken`,
    `weak_password`).
    """
    _require_manager(actor, government)
    if role not in Account.Role.values:
        raise ValidationFailed(
            code="unknown_role",
            message=_("Peran %(role)s tidak dikenal.") % {"role": role},
            fields={"role": _("Peran tidak dikenal.")},
        )
    employee = _employee(government, nip)
    username = username.strip() or employee.nip
    _check_username(username)
    user = get_user_model()(username=username, email=employee.email)
    _check_password(password, user)
    user.set_password(password)
    user.save()
    account = Account.objects.create(
        user=user, government=government, role=role, must_change_password=True
    )
    Employee.objects.filter(pk=employee.pk).update(user=user)
    access_changed(government_id=government.pk)
    _audit(actor, "account.created", account, at, employee=employee.pk, role=role)
    return account


def _account(government: Government, account_id: int) -> Account:
    account = (
        Account.objects.select_for_update()
        .select_related("user")
        .filter(pk=account_id, government=government)
        .first()
    )
    if account is None:
        raise NotFound
    return account


@transaction.atomic
def login_link(
    *, actor: Actor, government: Government, account_id: int, nip: str, at: dt.datetime
) -> Account:
    """Link a login of the government that has no employee yet to the employee with the NIP;
    audited as `account.linked`.

    Raises PermissionDenied, NotFound (no such login in the government), ValidationFailed
    (`unknown_employee`, `employee_has_login`, `login_linked`).
    """
    _require_manager(actor, government)
    account = _account(government, account_id)
    if Employee.objects.filter(user_id=account.user_id).exists():
        raise ValidationFailed(
            code=AccountErrorCode.LOGIN_LINKED,
            message=_("Akun %(username)s sudah terhubung ke pegawai.")
            % {"username": account.user.get_username()},
        )
    employee = _employee(government, nip)
    Employee.objects.filter(pk=employee.pk).update(user_id=account.user_id)
    access_changed(government_id=government.pk)
    _audit(actor, "account.linked", account, at, employee=employee.pk)
    return account


@transaction.atomic
def login_deactivate(
    *, actor: Actor, government: Government, account_id: int, on: dt.date, at: dt.datetime
) -> Account:
    """Refuse the login from the day `on` (the day the employee leaves, or today); audited as
    `account.deactivated`.

    Raises PermissionDenied, NotFound, ValidationFailed `account_already_inactive`.
    """
    _require_manager(actor, government)
    account = _account(government, account_id)
    if account.access_until is not None:
        raise ValidationFailed(
            code=AccountErrorCode.ALREADY_INACTIVE,
            message=_("Akun %(username)s sudah dinonaktifkan.")
            % {"username": account.user.get_username()},
        )
    account.access_until = on
    account.save(update_fields=["access_until", "updated_at"])
    access_changed(government_id=government.pk)
    _audit(actor, "account.deactivated", account, at, access_until=on.isoformat())
    return account


@transaction.atomic
def login_reactivate(
    *, actor: Actor, government: Government, account_id: int, at: dt.datetime
) -> Account:
    """Let a deactivated login in again; audited as `account.reactivated`.

    Raises PermissionDenied, NotFound, ValidationFailed `account_already_active`.
    """
    _require_manager(actor, government)
    account = _account(government, account_id)
    if account.access_until is None:
        raise ValidationFailed(
            code=AccountErrorCode.ALREADY_ACTIVE,
            message=_("Akun %(username)s masih aktif.") % {"username": account.user.get_username()},
        )
    before = account.access_until.isoformat()
    account.access_until = None
    account.save(update_fields=["access_until", "updated_at"])
    access_changed(government_id=government.pk)
    _audit(actor, "account.reactivated", account, at, access_until_before=before)
    return account


@transaction.atomic
def login_password_reset(
    *, actor: Actor, government: Government, account_id: int, password: str, at: dt.datetime
) -> Account:
    """Give a login a new temporary password, to be changed at its next login; audited as
    `account.password_reset` (the password itself is never recorded).

    Raises PermissionDenied, NotFound, ValidationFailed `weak_password`.
    """
    _require_manager(actor, government)
    account = _account(government, account_id)
    _check_password(password, account.user)
    account.user.set_password(password)
    account.user.save(update_fields=["password"])
    account.must_change_password = True
    account.save(update_fields=["must_change_password", "updated_at"])
    access_changed(government_id=government.pk)
    _audit(actor, "account.password_reset", account, at)
    return account


def login_list(*, viewer: Viewer) -> QuerySet[Account]:
    """The viewer's government's logins with their employee, by username: for BKPSDM operators
    and the Inspektorat's auditor (PermissionDenied for anyone else). One query."""
    role = Account.Role.AUDITOR if viewer.is_auditor else ""
    role = Account.Role.BKPSDM_ADMIN if viewer.is_admin else role
    government = viewer.government
    if not may_see_logins(
        role=role, actor_government_id=government.pk, government_id=government.pk
    ):
        raise PermissionDenied(_("Hanya operator BKPSDM yang dapat melihat daftar akun."))
    return (
        Account.objects.filter(government=government)
        .select_related("user", "user__employee")
        .order_by("user__username")
    )
