"""The login throttle's counters, for usernames without an account (the cache only; accounts
are locked in the database: tests/accounts/test_lockout.py, tests/web/test_login.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from sikerja.web import throttle
from sikerja.web.throttle import Attempt

START = 1_800_000_000.0
pytestmark = pytest.mark.django_db  # the throttle asks whether an account has the name


@pytest.fixture
def clock(monkeypatch, settings):
    """The throttle's clock, set by hand; a limit of 3 failures in 600 seconds."""
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS = 5
    settings.LOGIN_THROTTLE_WINDOW_SECONDS = 600
    now = SimpleNamespace(value=START)
    monkeypatch.setattr(throttle, "time", SimpleNamespace(time=lambda: now.value))
    return now


def _fail(attempt: Attempt, times: int) -> None:
    for _ in range(times):
        throttle.record_failure(attempt)


def test_attempts_pass_until_the_limit_of_failures_is_reached(clock):
    attempt = Attempt(username="kabid", address="10.0.0.1")

    _fail(attempt, 2)
    before_limit = throttle.is_blocked(attempt)
    _fail(attempt, 1)

    assert (before_limit, throttle.is_blocked(attempt)) == (False, True)


def test_failures_of_one_username_block_it_from_every_address(clock):
    _fail(Attempt(username="kabid", address="10.0.0.1"), 3)

    assert throttle.is_blocked(Attempt(username="kabid", address="10.0.0.2")) is True
    assert throttle.is_blocked(Attempt(username="sekda", address="10.0.0.2")) is False


def test_failures_from_one_address_block_every_username_from_it_at_the_address_limit(clock):
    for username in ("kabid", "sekda", "pelaksana", "kabid", "sekda"):
        _fail(Attempt(username=username, address="10.0.0.1"), 1)

    assert throttle.is_blocked(Attempt(username="bkpsdm", address="10.0.0.1")) is True
    assert throttle.is_blocked(Attempt(username="bkpsdm", address="10.0.0.9")) is False


def test_one_person_failing_does_not_block_others_at_the_same_address(clock):
    _fail(Attempt(username="kabid", address="10.0.0.1"), 3)

    assert throttle.is_blocked(Attempt(username="kabid", address="10.0.0.1")) is True
    assert throttle.is_blocked(Attempt(username="sekda", address="10.0.0.1")) is False


def test_usernames_are_counted_without_regard_to_case_and_spaces(clock):
    _fail(Attempt.from_request(SimpleNamespace(META={"REMOTE_ADDR": "10.0.0.1"}), " Kabid "), 3)

    assert throttle.is_blocked(Attempt(username="kabid", address="10.0.0.7")) is True


def test_the_block_ends_when_the_window_that_began_with_the_first_failure_ends(clock):
    attempt = Attempt(username="kabid", address="10.0.0.1")
    _fail(attempt, 1)
    clock.value += 500
    _fail(attempt, 2)

    clock.value += 99
    still_blocked = throttle.is_blocked(attempt)
    clock.value += 2

    assert (still_blocked, throttle.is_blocked(attempt)) == (True, False)


def test_a_failure_after_the_window_starts_a_new_count(clock):
    attempt = Attempt(username="kabid", address="10.0.0.1")
    _fail(attempt, 2)
    clock.value += 601

    _fail(attempt, 2)

    assert throttle.is_blocked(attempt) is False


def test_a_success_forgets_the_usernames_failures_but_not_the_addresses(clock):
    attempt = Attempt(username="kabid", address="10.0.0.1")
    _fail(attempt, 2)

    throttle.record_success(attempt)
    _fail(attempt, 2)
    kabid_blocked = throttle.is_blocked(attempt)
    _fail(Attempt(username="sekda", address="10.0.0.1"), 1)

    assert kabid_blocked is False
    assert throttle.is_blocked(Attempt(username="lain", address="10.0.0.1")) is True


def test_the_refusal_names_the_window_in_minutes(settings):
    settings.LOGIN_THROTTLE_WINDOW_SECONDS = 900

    message = throttle.refusal()

    assert message == (
        "Terlalu banyak percobaan masuk yang gagal. Demi keamanan, coba lagi setelah 15 menit "
        "atau hubungi operator BKPSDM."
    )
