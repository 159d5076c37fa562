"""workflow_reminders: each open step's people are told once before its due date and once after.

The packs give every step a person decides a due date (`step_deadline_days`, a product default
of 5 working days: no seed sets one) and remind `reminder_days_before` = 2 working days ahead.
The request opens on Monday 23 November 2026, so it is due on Monday 30 November and the window
opens on Thursday 26 November. The clock is fixed (the command reads `timezone.now`), so every
run below is at a known moment.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from sikerja.notifications.models import Notification, StepReminder
from sikerja.notifications.services import step_link
from sikerja.organization.models import Employee
from tests.assignments.flow import NOW, decide

pytestmark = pytest.mark.django_db

DUE = NOW + dt.timedelta(days=7)  # 5 working days: Monday to the next Monday
WINDOW = DUE - dt.timedelta(days=4)  # 2 working days before: Thursday


def _run(*args: str) -> list[str]:
    out = io.StringIO()
    call_command("workflow_reminders", *args, stdout=out)
    return out.getvalue().splitlines()


@pytest.fixture
def clock(monkeypatch):
    """Set the command's clock (timezone.now) to a given time."""

    def set_to(at: dt.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: at)

    return set_to


def _reminders() -> list[tuple[int, str, str, str, str]]:
    return list(
        Notification.objects.filter(kind__in=["step_due_soon", "step_overdue"])
        .order_by("pk")
        .values_list("recipient_id", "kind", "title", "body", "link")
    )


def test_the_open_step_is_due_five_working_days_after_it_opened(waiting):
    assert waiting.step.due_at == DUE


def test_two_working_days_before_the_due_date_the_actor_is_reminded_once(waiting, clock):
    clock(WINDOW)

    first = _run()
    again = _run()

    assert (first, again) == (["1 reminder(s)"], ["0 reminder(s)"])
    assert _reminders() == [
        (
            waiting.kabid.pk,
            "step_due_soon",
            f"Tenggat 30 November 2026: {waiting.step.label}",
            f"Tenggat: 30 November 2026. {waiting.step.citation}",
            step_link(waiting.step),
        )
    ]


def test_before_the_reminder_window_nobody_is_reminded(waiting, clock):
    clock(WINDOW - dt.timedelta(minutes=1))

    assert _run() == ["0 reminder(s)"]
    assert _reminders() == []


def test_after_the_due_date_the_actor_is_reminded_once_more_and_not_again(waiting, clock):
    clock(DUE - dt.timedelta(days=1))
    _run()
    clock(DUE + dt.timedelta(hours=1))

    first = _run()
    clock(DUE + dt.timedelta(hours=13))
    again = _run()
    clock(DUE + dt.timedelta(days=3))
    later = _run()

    assert (first, again, later) == (["1 reminder(s)"], ["0 reminder(s)"], ["0 reminder(s)"])
    assert [(r[0], r[1], r[2]) for r in _reminders()] == [
        (waiting.kabid.pk, "step_due_soon", f"Tenggat 30 November 2026: {waiting.step.label}"),
        (waiting.kabid.pk, "step_overdue", f"Melewati tenggat: {waiting.step.label}"),
    ]
    assert sorted(StepReminder.objects.values_list("step_id", "kind")) == [
        (waiting.step.pk, "DUE_SOON"),
        (waiting.step.pk, "OVERDUE"),
    ]


def test_the_reminder_goes_by_email_too(waiting, clock, django_capture_on_commit_callbacks):
    Employee.objects.filter(pk=waiting.kabid.pk).update(email="kabid@example.test")
    mail.outbox.clear()
    clock(DUE + dt.timedelta(hours=1))

    _run()

    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["kabid@example.test"], f"[Sikerja] Melewati tenggat: {waiting.step.label}")
    ]


def test_days_before_can_be_set_on_the_command(waiting, clock):
    clock(DUE - dt.timedelta(days=6))  # Tuesday: 4 working days before

    assert _run("--days-before", "3") == ["0 reminder(s)"]
    assert _run("--days-before", "4") == ["1 reminder(s)"]


def test_a_dry_run_counts_the_reminders_and_sends_none(waiting, clock):
    clock(DUE + dt.timedelta(hours=1))

    lines = _run("--dry-run")

    assert lines == ["1 reminder(s)"]
    assert (_reminders(), StepReminder.objects.count()) == ([], 0)


def test_a_decided_step_is_not_reminded(waiting, clock):
    decide(waiting.assignment, "approve")
    decide(waiting.assignment, "acknowledge")
    clock(DUE + dt.timedelta(days=1))

    next_steps_due = _run()

    assert next_steps_due == ["0 reminder(s)"]
    assert _reminders() == []


def test_reminders_are_written_in_indonesian_whatever_language_is_active(waiting, clock):
    clock(DUE + dt.timedelta(hours=1))

    with translation.override("en"):
        _run()

    assert [title for _r, _k, title, _b, _l in _reminders()] == [
        f"Melewati tenggat: {waiting.step.label}"
    ]
