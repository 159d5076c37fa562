"""The first-login rule: a password BKPSDM set (at creation or reset) is changed at once.

`must_change_password` is set on the Account by BKPSDM's services and cleared here when the
owner chooses a new password (audited as `account.password_changed`).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from sikerja.accounts.models import Account
from sikerja.audit.services import event_record


def password_change_required(user_id: int) -> bool:
    """Whether the login must choose a new password before anything else (one query)."""
    return Account.objects.filter(user_id=user_id, must_change_password=True).exists()


@transaction.atomic
def account_password_changed(*, user_id: int, username: str, at: dt.datetime) -> None:
    """Record that the owner chose a new password: clear the demand, audited (no password
    is recorded). Nothing happens for a user without an account."""
    account = Account.objects.select_for_update().filter(user_id=user_id).first()
    if account is None:
        return
    account.must_change_password = False
    account.save(update_fields=["must_change_password", "updated_at"])
    event_record(
        government_id=account.government_id,
        actor_user_id=user_id,
        actor_label=username,
        action="account.password_changed",
        object_type="accounts.account",
        object_id=str(account.pk),
        at=at,
    )
