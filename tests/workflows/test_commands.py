"""The two daily commands: workflow_reroute (with and without --apply) and workflow_reminders."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from sikerja.audit.models import AuditEvent
from sikerja.notifications.models import Notification
from sikerja.notifications.services import step_link
from sikerja.workflows.models import WorkflowStep
from tests.assignments.flow import NOW, decide
from tests.workflows.reroute_world import replace_kabid, waiting_request

pytestmark = pytest.mark.django_db


def _run(name: str, *args: str) -> list[str]:
    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue().splitlines()


def _reroute_events() -> int:
    return AuditEvent.objects.filter(action="workflow.rerouted").count()


# ---------------------------------------------------------------- workflow_reroute


def test_reroute_without_apply_lists_the_step_and_writes_nothing(waiting):
    replace_kabid(waiting)

    lines = _run("workflow_reroute", "--government", waiting.org.government.kode)

    assert lines == [
        f"#{waiting.instance.pk} {waiting.step.label}: Pejabat bidang -> Kepala Bidang Baru",
        "1 step(s) to re-route",
    ]
    step = WorkflowStep.objects.get(pk=waiting.step.pk)
    assert (step.status, step.actor_id) == (WorkflowStep.Status.OPEN, waiting.kabid.pk)
    assert _reroute_events() == 0


def test_reroute_with_apply_moves_the_step_and_audits_it_as_the_command(waiting):
    successor = replace_kabid(waiting)

    lines = _run("workflow_reroute", "--government", waiting.org.government.kode, "--apply")

    assert lines == [
        f"#{waiting.instance.pk} {waiting.step.label}: Pejabat bidang -> Kepala Bidang Baru",
        "1 step(s) re-routed",
    ]
    open_steps = waiting.instance.steps.filter(status=WorkflowStep.Status.OPEN)
    assert list(open_steps.values_list("step_key", "actor_id")) == [("decide", successor.pk)]
    event = AuditEvent.objects.get(action="workflow.rerouted")
    assert (event.actor_label, event.actor_user_id, event.object_id) == (
        "workflow_reroute",
        None,
        str(waiting.instance.pk),
    )


def test_reroute_with_apply_and_nothing_changed_writes_nothing(waiting):

    lines = _run("workflow_reroute", "--government", waiting.org.government.kode, "--apply")

    assert lines == ["0 step(s) re-routed"]
    assert list(waiting.instance.steps.order_by("seq").values_list("status", "actor_id")) == [
        (WorkflowStep.Status.DECIDED, waiting.assignment.requester_id),
        (WorkflowStep.Status.OPEN, waiting.kabid.pk),
    ]
    assert _reroute_events() == 0


def test_reroute_looks_only_at_the_named_government(waiting):
    replace_kabid(waiting)
    other = waiting_request()

    lines = _run("workflow_reroute", "--government", other.org.government.kode, "--apply")

    assert lines == ["0 step(s) re-routed"]
    assert _reroute_events() == 0


def test_reroute_of_an_unknown_government_is_an_error():
    with pytest.raises(CommandError) as failed:
        _run("workflow_reroute", "--government", "NOPE")

    assert str(failed.value) == "unknown government 'NOPE'"


# ---------------------------------------------------------------- workflow_reminders


@pytest.fixture
def clock(monkeypatch):
    """Set the commands' clock (timezone.now) to a given time."""

    def set_to(at: dt.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: at)

    return set_to


DUE = NOW + dt.timedelta(days=5)


@pytest.fixture
def overdue(waiting):
    """The waiting request, its open step due at DUE.

    No shipped pack gives a step `deadline_days` (the regulations set none), so the deadline a
    pack would set is written on the step here; the engine computes it as opened_at + days.
    """
    WorkflowStep.objects.filter(pk=waiting.step.pk).update(due_at=DUE)
    waiting.step.refresh_from_db()
    return waiting


def _reminders() -> list[tuple[int, str, str, str]]:
    return list(
        Notification.objects.filter(kind="step_overdue")
        .order_by("pk")
        .values_list("recipient_id", "title", "body", "link")
    )


def test_an_overdue_step_reminds_its_actor_once_a_day(overdue, clock):
    clock(DUE + dt.timedelta(hours=1))

    first = _run("workflow_reminders")
    again = _run("workflow_reminders")

    assert (first, again) == (["1 reminder(s)"], ["0 reminder(s)"])
    assert _reminders() == [
        (
            overdue.kabid.pk,
            f"Melewati tenggat: {overdue.step.label}",
            overdue.step.citation,
            step_link(overdue.step),
        )
    ]


def test_the_next_day_the_actor_is_reminded_again(overdue, clock):
    clock(DUE + dt.timedelta(hours=1))
    _run("workflow_reminders")
    clock(DUE + dt.timedelta(days=1))

    lines = _run("workflow_reminders")

    assert lines == ["1 reminder(s)"]
    assert [recipient for recipient, *_ in _reminders()] == [overdue.kabid.pk] * 2


def test_a_step_not_yet_due_is_not_reminded(overdue, clock):
    clock(DUE - dt.timedelta(minutes=1))

    lines = _run("workflow_reminders")

    assert lines == ["0 reminder(s)"]
    assert _reminders() == []


def test_a_dry_run_counts_the_reminders_and_sends_none(overdue, clock):
    clock(DUE + dt.timedelta(hours=1))

    lines = _run("workflow_reminders", "--dry-run")

    assert lines == ["1 reminder(s)"]
    assert _reminders() == []


def test_a_decided_step_is_not_reminded(overdue, clock):
    decide(overdue.assignment, "approve")
    decide(overdue.assignment, "acknowledge")
    clock(DUE + dt.timedelta(days=1))

    lines = _run("workflow_reminders")

    assert lines == ["0 reminder(s)"]
    assert _reminders() == []
