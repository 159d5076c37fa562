"""A session lasts a working day at most and ends after an idle spell (configurable)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.test import Client

from sikerja.web import session_limits
from tests.web.test_login import DEFAULT_PASSWORD, _login

START = 1_800_000_000


@pytest.fixture
def clock(monkeypatch):
    now = SimpleNamespace(value=START)
    monkeypatch.setattr(session_limits, "time", SimpleNamespace(time=lambda: now.value))
    return now


def _logged_in(client: Client) -> bool:
    return client.get("/").status_code == 200


def test_the_defaults_are_a_working_day_and_half_an_hour_idle(settings):
    assert (settings.SESSION_COOKIE_AGE, settings.SESSION_IDLE_SECONDS) == (9 * 3600, 30 * 60)


def test_a_session_in_use_lasts_the_working_day_and_no_longer(world, clock, settings):
    client = Client()
    _login(client, "jf_ahli_muda", DEFAULT_PASSWORD)
    in_use = []
    for minutes in range(20, 9 * 60 + 1, 20):
        clock.value = START + minutes * 60
        in_use.append(_logged_in(client))

    clock.value = START + settings.SESSION_COOKIE_AGE + 1
    after_the_day = _logged_in(client)

    assert all(in_use)
    assert after_the_day is False
    assert client.get("/")["Location"].startswith("/masuk/")


def test_an_idle_session_ends(world, clock, settings):
    client = Client()
    _login(client, "jf_ahli_muda", DEFAULT_PASSWORD)

    clock.value = START + settings.SESSION_IDLE_SECONDS
    still_in = _logged_in(client)
    clock.value += settings.SESSION_IDLE_SECONDS + 1
    after_idling = _logged_in(client)

    assert (still_in, after_idling) == (True, False)


def test_the_limits_come_from_the_settings(world, clock, settings):
    settings.SESSION_IDLE_SECONDS = 120
    client = Client()
    _login(client, "jf_ahli_muda", DEFAULT_PASSWORD)

    clock.value = START + 121

    assert _logged_in(client) is False
