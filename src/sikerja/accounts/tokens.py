"""API tokens for integrations: created once, shown once, stored only as a SHA-256 hash.

A raw token is `skj_` followed by 43 URL-safe characters (32 random bytes). The database keeps
its hex SHA-256 and the first 8 characters (to tell tokens apart in lists), never the token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.accounts.models import Account, ApiToken
from sikerja.audit.services import event_record
from sikerja.core.errors import ValidationFailed

TOKEN_PREFIX = "skj_"  # noqa: S105 - a public marker, not a secret
PREFIX_LENGTH = 8


def token_hash(raw: str) -> str:
    """The stored form of a raw token."""
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: AbstractBaseUser, label: str, at: dt.datetime) -> str:
    """Create an API token for a user and return the raw token (the only time it exists).

    The event `api_token.created` goes to the audit chain of the user's government.

    Raises ValidationFailed (code `no_account`) for a user without an account in a government.
    """
    account = Account.objects.filter(user_id=user.pk).only("government_id").first()
    if account is None:
        raise ValidationFailed(
            code="no_account",
            message=_("Pengguna %(username)s belum terdaftar pada pemerintah daerah mana pun.")
            % {"username": user.get_username()},
            fields={"username": _("Tidak memiliki akun pemerintah daerah.")},
        )
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user_id=user.pk,
        token_hash=token_hash(raw),
        prefix=raw[:PREFIX_LENGTH],
        label=label.strip(),
    )
    event_record(
        government_id=account.government_id,
        actor_user_id=user.pk,
        actor_label=user.get_username(),
        action="api_token.created",
        object_type="accounts.apitoken",
        object_id=str(token.pk),
        at=at,
        after={"prefix": token.prefix, "label": token.label},
    )
    return raw


def api_token_caller(raw: str) -> tuple[AbstractBaseUser, Account | None] | None:
    """The active user owning an unrevoked token with their account and its government (None
    for a user without one), or None: one query, where the user and then their account took
    two on every API call."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user__account__government")
        .filter(token_hash=token_hash(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    user = token.user
    return user, getattr(user, "account", None)
