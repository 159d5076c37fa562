"""SOURCE_DATE_EPOCH held for a PDF write: set, shared by equal values, restored, serialised."""

import datetime as dt
import os
import threading

import pytest

from sikerja.documents.source_date import source_date_epoch

AT = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
LATER = AT + dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_the_variable_is_the_time_in_seconds_inside_and_gone_after():
    with source_date_epoch(AT):
        inside = os.environ["SOURCE_DATE_EPOCH"]

    assert inside == "1795399200"
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_a_value_set_before_is_put_back(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")

    with source_date_epoch(AT):
        pass

    assert os.environ["SOURCE_DATE_EPOCH"] == "1"


def test_holders_of_the_same_time_share_it_and_the_last_one_out_restores():
    with source_date_epoch(AT), source_date_epoch(AT):
        inside = os.environ["SOURCE_DATE_EPOCH"]
    after = os.environ.get("SOURCE_DATE_EPOCH")

    assert (inside, after) == ("1795399200", None)


def test_a_thread_needing_another_time_waits_for_the_holder_to_finish():
    entered = threading.Event()
    seen: list[str] = []

    def other_letter() -> None:
        with source_date_epoch(LATER):
            seen.append(os.environ["SOURCE_DATE_EPOCH"])
            entered.set()

    with source_date_epoch(AT):
        thread = threading.Thread(target=other_letter)
        thread.start()
        waited = not entered.wait(timeout=0.3)
        held = os.environ["SOURCE_DATE_EPOCH"]
    thread.join()

    assert (waited, held, seen) == (True, "1795399200", ["1795485600"])
    assert "SOURCE_DATE_EPOCH" not in os.environ
