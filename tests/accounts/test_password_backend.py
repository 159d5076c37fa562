"""Password logins go through Django's ModelBackend with a cheaper read of a session's user: the
same user, with every field as the ORM reads it, and the same refusals (no such user, a
deactivated login), without a query built by the ORM."""

from __future__ import annotations

from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models.sql.compiler import SQLCompiler

from sikerja.accounts.backends import PasswordBackend

pytestmark = pytest.mark.django_db

FIELDS = [field.attname for field in get_user_model()._meta.concrete_fields]


def _values(user) -> dict:
    return {name: getattr(user, name) for name in FIELDS}


def test_a_sessions_user_reads_as_djangos_backend_reads_it(user_of, client):
    user = user_of("kabid")
    client.force_login(user)  # sets last_login, a datetime the row must convert
    user.refresh_from_db()

    ours, django = PasswordBackend().get_user(user.pk), ModelBackend().get_user(user.pk)

    assert (_values(ours), ours._state.adding, ours._state.db) == (
        _values(django),
        False,
        "default",
    )


@pytest.mark.parametrize("case", ["missing", "deactivated"])
def test_no_user_is_answered_as_django_answers_it(user_of, case):
    user = user_of("kabid")
    if case == "deactivated":
        get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    pk = user.pk + 100_000 if case == "missing" else user.pk

    assert (PasswordBackend().get_user(pk), ModelBackend().get_user(pk)) == (None, None)


def test_the_read_builds_no_query_through_the_orm(user_of):
    user = user_of("kabid")

    with mock.patch.object(SQLCompiler, "as_sql", side_effect=AssertionError("ORM query")):
        read = PasswordBackend().get_user(str(user.pk))  # the session keeps the id as text

    assert (read.pk, settings.AUTHENTICATION_BACKENDS[0]) == (
        user.pk,
        "sikerja.accounts.backends.PasswordBackend",
    )


def test_a_password_login_still_logs_in_and_a_wrong_one_does_not(client, user_of):
    user = user_of("kabid")
    user.set_password("rahasia-uji-123")
    user.save()

    assert client.login(username=user.username, password="salah") is False
    assert client.login(username=user.username, password="rahasia-uji-123") is True
    assert client.get("/").wsgi_request.user == user


def test_a_wrong_password_is_checked_once(client, user_of):
    user = user_of("kabid")
    checks = []
    original = get_user_model().check_password

    def counted(self, raw):
        checks.append(raw)
        return original(self, raw)

    with mock.patch.object(get_user_model(), "check_password", counted):
        assert client.login(username=user.username, password="salah") is False

    assert checks == ["salah"]


def test_a_session_made_before_this_backend_still_knows_its_user(client, user_of):
    user = user_of("kabid")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")

    assert client.get("/").wsgi_request.user == user


def test_an_id_past_the_databases_integers_is_no_user_as_for_django():
    assert (PasswordBackend().get_user(2**70), ModelBackend().get_user(2**70)) == (None, None)
