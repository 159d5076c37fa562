"""A login's own preferences: the language chosen in the UI, remembered for what is written to
the person outside a request (the email copies of notifications)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction

from sikerja.accounts.models import Account
from sikerja.audit.services import event_record


@transaction.atomic
def account_language_set(*, user_id: int, username: str, language: str, at: dt.datetime) -> bool:
    """Remember the language a login chose (one of the site's languages), audited when it
    changes; returns whether it changed. Nothing happens for a user without an account."""
    if language not in dict(settings.LANGUAGES):
        return False
    account = Account.objects.select_for_update().filter(user_id=user_id).first()
    if account is None or account.language == language:
        return False
    before = account.language
    account.language = language
    account.save(update_fields=["language", "updated_at"])
    event_record(
        government_id=account.government_id,
        actor_user_id=user_id,
        actor_label=username,
        action="account.language_set",
        object_type="accounts.account",
        object_id=str(account.pk),
        at=at,
        before={"language": before},
        after={"language": language},
    )
    return True


def language_of(user_id: int | None) -> str:
    """The language to write to a login in: the one it chose, else the site's (one query)."""
    chosen = (
        Account.objects.filter(user_id=user_id).values_list("language", flat=True).first()
        if user_id is not None
        else None
    )
    return chosen or str(settings.LANGUAGE_CODE)
