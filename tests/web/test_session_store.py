"""Sessions are Django's database sessions, read with a fixed statement instead of a query the
ORM builds on every request: the same answers as Django's own store for a live, an expired and
an unknown session key."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from sikerja.web.sessions import SessionStore

pytestmark = pytest.mark.django_db


def _saved(expires_in: dt.timedelta) -> str:
    store = DjangoStore()
    store["who"] = "kabid"
    store.create()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() + expires_in
    )
    return str(store.session_key)


@pytest.mark.parametrize("case", ["live", "expired", "unknown"])
def test_a_session_reads_as_djangos_store_reads_it(case):
    key = {
        "live": lambda: _saved(dt.timedelta(hours=1)),
        "expired": lambda: _saved(-dt.timedelta(seconds=1)),
        "unknown": lambda: "x" * 32,
    }[case]()
    ours, django = SessionStore(key), DjangoStore(key)

    answers = (ours.load(), ours.session_key)

    expected = ({"who": "kabid"}, key) if case == "live" else ({}, None)
    assert (answers, (django.load(), django.session_key)) == (expected, expected)


def test_the_read_builds_no_query_through_the_orm():
    key = _saved(dt.timedelta(hours=1))

    with mock.patch.object(SQLCompiler, "as_sql", side_effect=AssertionError("ORM query")):
        data = SessionStore(key).load()

    assert (data, settings.SESSION_ENGINE) == ({"who": "kabid"}, "sikerja.web.sessions")


def test_a_logged_in_page_still_knows_its_user(client, user_of):
    client.force_login(user_of("kabid"))

    response = client.get("/")

    assert response.wsgi_request.user == user_of("kabid")
