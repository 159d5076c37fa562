"""Account lockout after failed logins: the lock, its audit events, and BKPSDM's unlock.

The login throttle (sikerja.web.throttle, at the edge) counts failures per account and per
client address; when an account's count reaches the limit it calls `account_lock`, which
records the lock on the Account until the window ends and appends `account.login_locked` to
the government's audit chain. A BKPSDM operator of the same government may lift it early
(`account_unlock`, audited as `account.unlocked`).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sikerja.accounts.models import Account
from sikerja.accounts.rules import may_manage_logins
from sikerja.audit.services import event_record
from sikerja.core.errors import NotFound, PermissionDenied, ValidationFailed

THROTTLE_LABEL = "pembatas-masuk"


def _may_name_an_account(username: str) -> bool:
    # No username holds a NUL, and PostgreSQL refuses one in a query (SQLite would not).
    return "\x00" not in username


def account_is_locked(*, username: str, at: dt.datetime) -> bool:
    """Whether the login's account is locked at the moment (one query)."""
    if not _may_name_an_account(username):
        return False
    return Account.objects.filter(
        user__username__iexact=username, login_locked_until__gt=at
    ).exists()


@transaction.atomic
def account_lock(*, username: str, address: str, until: dt.datetime, at: dt.datetime) -> bool:
    """Lock the login's account until `until`, audited; False when no account has the name."""
    if not _may_name_an_account(username):
        return False
    account = Account.objects.select_for_update().filter(user__username__iexact=username).first()
    if account is None:
        return False
    account.login_locked_until = until
    account.save(update_fields=["login_locked_until", "updated_at"])
    event_record(
        government_id=account.government_id,
        actor_user_id=None,
        actor_label=THROTTLE_LABEL,
        action="account.login_locked",
        object_type="accounts.account",
        object_id=str(account.pk),
        at=at,
        after={"until": until.isoformat(), "address": address},
    )
    return True


def _operator(actor_user_id: int) -> Account:
    actor = Account.objects.select_related("user").filter(user_id=actor_user_id).first()
    if actor is None:
        raise NotFound
    if not may_manage_logins(
        role=actor.role,
        actor_government_id=actor.government_id,
        government_id=actor.government_id,
    ):
        raise PermissionDenied(_("Hanya operator BKPSDM yang dapat membuka kunci akun."))
    return actor


def account_locked_list(*, actor_user_id: int, at: dt.datetime) -> QuerySet[Account]:
    """The accounts of the operator's government locked at the moment, by username.

    Raises PermissionDenied for anyone but a BKPSDM operator.
    """
    actor = _operator(actor_user_id)
    return (
        Account.objects.filter(government_id=actor.government_id, login_locked_until__gt=at)
        .select_related("user")
        .order_by("user__username")
    )


@transaction.atomic
def account_unlock(*, actor_user_id: int, account_id: int, at: dt.datetime) -> Account:
    """Lift a login lock early, audited as `account.unlocked`.

    Raises NotFound (no such account in the operator's government), PermissionDenied (not a
    BKPSDM operator), ValidationFailed `account_not_locked`.
    """
    actor = _operator(actor_user_id)
    account = (
        Account.objects.select_for_update()
        .select_related("user")
        .filter(pk=account_id, government_id=actor.government_id)
        .first()
    )
    if account is None:
        raise NotFound
    if account.login_locked_until is None or account.login_locked_until <= at:
        raise ValidationFailed(
            code="account_not_locked",
            message=_("Akun %(username)s tidak sedang terkunci.")
            % {"username": account.user.get_username()},
        )
    account.login_locked_until = None
    account.save(update_fields=["login_locked_until", "updated_at"])
    event_record(
        government_id=account.government_id,
        actor_user_id=actor_user_id,
        actor_label=actor.user.get_username(),
        action="account.unlocked",
        object_type="accounts.account",
        object_id=str(account.pk),
        at=at,
    )
    return account
