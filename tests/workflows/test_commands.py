"""The two daily commands: workflow_reroute (with and without --apply) and workflow_reminders."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from sikerja.audit.models import AuditEvent
from sikerja.workflows.models import WorkflowStep
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
