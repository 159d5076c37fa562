"""API tokens for integrations: created once, shown once, stored only as a SHA-256 hash.

A raw token is `skj_` followed by 43 URL-safe characters (32 random bytes). The database keeps
its hex SHA-256 and the first 8 characters (to tell tokens apart in lists), never the token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.utils.translation import gettext as _

from sikerja.accounts.models import Account, ApiToken
from sikerja.audit.services import event_record
from sikerja.core import fixed
from sikerja.core.errors import ValidationFailed

TOKEN_PREFIX = "skj_"  # noqa: S105 - a public marker, not a secret
PREFIX_LENGTH = 8


def _government_model() -> type[Model]:
    """The account's government model, reached through the account once the apps are loaded
    (accounts does not import the organisation app, which imports accounts)."""
    model: type[Model] = Account._meta.get_field("government").related_model
    return model


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
    for a user without one), or None: one fixed statement (`core.fixed`), as
    `ApiToken.objects.select_related("user__account__government")` would read it, since every
    API call makes it and building it through the ORM cost more than running it."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    user_model = get_user_model()
    connection = connections[router.db_for_read(ApiToken)]
    with connection.cursor() as cursor:
        cursor.execute(_caller_sql(user_model, connection), [token_hash(raw), True])
        row = cursor.fetchone()
    if row is None:
        return None
    users, accounts = fixed.width(user_model), fixed.width(Account)
    user = fixed.instance(user_model, row[:users], connection)
    account = None
    if row[users] is not None:  # the account's id: the login has an account
        account = fixed.instance(Account, row[users : users + accounts], connection)
        government = fixed.instance(_government_model(), row[users + accounts :], connection)
        account._state.fields_cache["government"] = government
        account._state.fields_cache["user"] = user
    # Where select_related keeps the reverse one-to-one (None: `user.account` raises, as then).
    user._state.fields_cache["account"] = account
    return user, account


def _caller_sql(user_model: type[Model], connection: BaseDatabaseWrapper) -> str:
    quote = connection.ops.quote_name
    user_id = quote(str(user_model._meta.pk.column))
    government = _government_model()
    return (
        f"SELECT {fixed.columns(user_model, 'u', connection)},"  # noqa: S608 - models' names
        f" {fixed.columns(Account, 'a', connection)}, {fixed.columns(government, 'g', connection)}"
        f" FROM {quote(ApiToken._meta.db_table)} t"
        f" JOIN {quote(user_model._meta.db_table)} u ON u.{user_id} = t.user_id"
        f" LEFT JOIN {quote(Account._meta.db_table)} a ON a.user_id = u.{user_id}"
        f" LEFT JOIN {quote(government._meta.db_table)} g ON g.id = a.government_id"
        " WHERE t.token_hash = %s AND t.revoked_at IS NULL AND u.is_active = %s"
        " ORDER BY t.id LIMIT 1"
    )
