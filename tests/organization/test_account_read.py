"""Every page reads the caller's account with its government; that read is one fixed statement
that gives what the ORM's select_related gives, without a query built by the ORM."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db.models.sql.compiler import SQLCompiler

from sikerja.accounts.models import Account
from sikerja.organization.models import Government
from sikerja.organization.selectors import account_with_government

ACCOUNT = [field.attname for field in Account._meta.concrete_fields]
GOVERNMENT = [field.attname for field in Government._meta.concrete_fields]


def _values(row, names) -> dict:
    return {name: getattr(row, name) for name in names}


@pytest.mark.parametrize("name", ["bkpsdm", "kabid", "jf_ahli_muda"])
def test_the_account_and_its_government_read_as_select_related_reads_them(
    name, user_of, django_assert_num_queries
):
    user = user_of(name)
    expected = Account.objects.select_related("government").get(user_id=user.pk)

    with django_assert_num_queries(1):
        account = account_with_government(user.pk)
        government = account.government

    assert (_values(account, ACCOUNT), _values(government, GOVERNMENT)) == (
        _values(expected, ACCOUNT),
        _values(expected.government, GOVERNMENT),
    )


@pytest.mark.django_db
def test_a_login_without_an_account_has_none():
    user = get_user_model().objects.create_user(username="tanpa-akun", password="x")

    assert account_with_government(user.pk) is None


def test_the_read_builds_no_query_through_the_orm(user_of):
    user = user_of("kabid")

    with mock.patch.object(SQLCompiler, "as_sql", side_effect=AssertionError("ORM query")):
        account = account_with_government(user.pk)

    assert account.user_id == user.pk
