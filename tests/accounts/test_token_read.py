"""Every API call reads its token's user with the account and its government; that read is one
fixed statement that answers as the ORM's select_related did, without a query built by the
ORM."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db.models.sql.compiler import SQLCompiler

from sikerja.accounts.models import Account, ApiToken
from sikerja.accounts.tokens import api_token_caller, api_token_create
from sikerja.organization.models import Government
from tests.conftest import NOW

User = get_user_model()
USER = [field.attname for field in User._meta.concrete_fields]
ACCOUNT = [field.attname for field in Account._meta.concrete_fields]
GOVERNMENT = [field.attname for field in Government._meta.concrete_fields]


def _values(row, names) -> dict:
    return {name: getattr(row, name) for name in names}


@pytest.mark.parametrize("name", ["bkpsdm", "kabid", "jf_ahli_muda"])
def test_the_caller_reads_as_select_related_reads_it(name, user_of, django_assert_num_queries):
    raw = api_token_create(user=user_of(name), label="uji", at=NOW)
    expected = ApiToken.objects.select_related("user__account__government").get(
        token_hash=ApiToken.objects.get(user=user_of(name), label="uji").token_hash
    )

    with django_assert_num_queries(1):
        user, account = api_token_caller(raw)
        government = account.government
        assert user.account is account

    assert (_values(user, USER), _values(account, ACCOUNT), _values(government, GOVERNMENT)) == (
        _values(expected.user, USER),
        _values(expected.user.account, ACCOUNT),
        _values(expected.user.account.government, GOVERNMENT),
    )


def test_a_login_whose_account_was_removed_is_the_caller_with_none(user_of):
    user = user_of("kabid")
    raw = api_token_create(user=user, label="uji", at=NOW)
    Account.objects.filter(user=user).delete()

    caller, account = api_token_caller(raw)

    assert (caller.pk, account) == (user.pk, None)
    with pytest.raises(User.account.RelatedObjectDoesNotExist):
        caller.account  # noqa: B018 - the access is what is tested


@pytest.mark.parametrize("case", ["revoked", "inactive", "unknown", "not_a_token"])
def test_no_caller_for_a_revoked_token_an_inactive_user_or_an_unknown_token(case, user_of):
    user = user_of("kabid")
    raw = api_token_create(user=user, label="uji", at=NOW)
    if case == "revoked":
        ApiToken.objects.filter(user=user, label="uji").update(revoked_at=NOW)
    if case == "inactive":
        User.objects.filter(pk=user.pk).update(is_active=False)
    if case == "unknown":
        raw = raw[:-4] + "AAAA"
    if case == "not_a_token":
        raw = "Bearer " + raw

    assert api_token_caller(raw) is None


def test_the_read_builds_no_query_through_the_orm(user_of):
    raw = api_token_create(user=user_of("kabid"), label="uji", at=NOW)

    with mock.patch.object(SQLCompiler, "as_sql", side_effect=AssertionError("ORM query")):
        user, _account = api_token_caller(raw)

    assert user.pk == user_of("kabid").pk
