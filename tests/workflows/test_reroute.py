"""instance_reroute: an open step follows a placement change to the official now in post."""

from __future__ import annotations

import pytest

from sikerja.assignments.services import assignment_decide
from sikerja.audit.models import AuditEvent
from sikerja.core.errors import NotFound
from sikerja.workflows.lifecycle import instance_reroute
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.assignments.flow import NOW, ON, decide, trail
from tests.workflows.reroute_world import audit_events, replace_kabid

pytestmark = pytest.mark.django_db


def _reroute(instance: WorkflowInstance):
    return instance_reroute(
        instance_id=instance.pk,
        operator_label="bkpsdm-operator",
        operator_user_id=None,
        at=NOW,
        on=ON,
    )


def _reroutes(instance: WorkflowInstance) -> list[AuditEvent]:
    return audit_events("workflow.rerouted", "workflows.workflowinstance", instance.pk)


def test_a_placement_change_moves_the_open_step_to_the_new_official(waiting):
    successor = replace_kabid(waiting)

    new_step = _reroute(waiting.instance)

    assert new_step is not None
    old_step = WorkflowStep.objects.get(pk=waiting.step.pk)
    assert (old_step.status, old_step.actor_id) == (WorkflowStep.Status.CANCELLED, waiting.kabid.pk)
    assert (new_step.status, new_step.step_key, new_step.actor_id, new_step.actor_name) == (
        WorkflowStep.Status.OPEN,
        "decide",
        successor.pk,
        "Kepala Bidang Baru",
    )
    assert list(
        waiting.instance.steps.filter(status=WorkflowStep.Status.OPEN).values_list("pk", flat=True)
    ) == [new_step.pk]


def test_the_re_route_is_audited_with_both_steps_and_the_rule_of_the_new_actor(waiting):
    successor = replace_kabid(waiting)

    new_step = _reroute(waiting.instance)

    (event,) = _reroutes(waiting.instance)
    assert (event.actor_label, event.actor_user_id, event.at) == ("bkpsdm-operator", None, NOW)
    assert event.before == {"step": waiting.step.pk, "actor": waiting.kabid.pk}
    assert event.after == {"step": new_step.pk, "actor": successor.pk}
    assert (event.rule, event.citation) == (new_step.actor_rule, new_step.actor_citation)
    assert (event.rule, event.citation) == ("G30", "Perwali Blitar 6/2023 Pasal 1 angka 15")


def test_the_new_official_decides_and_the_old_one_no_longer_can(waiting):
    successor = replace_kabid(waiting)
    new_step = _reroute(waiting.instance)

    with pytest.raises(NotFound) as refused:
        assignment_decide(step_id=new_step.pk, by=waiting.kabid, decision="approve", at=NOW, on=ON)
    assert refused.value.code == "not_found"
    decide(waiting.assignment, "approve")

    assert trail(waiting.assignment)[1:3] == [
        ("decide", waiting.kabid.pk, ""),
        ("decide", successor.pk, "approve"),
    ]


def test_an_unchanged_post_is_not_re_routed_and_nothing_is_written(waiting):
    steps_before = list(
        waiting.instance.steps.order_by("pk").values_list("pk", "status", "actor_id")
    )
    events_before = AuditEvent.objects.count()

    assert _reroute(waiting.instance) is None

    assert (
        list(waiting.instance.steps.order_by("pk").values_list("pk", "status", "actor_id"))
        == steps_before
    )
    assert AuditEvent.objects.count() == events_before


def test_a_change_from_a_later_day_leaves_today_s_step_with_its_official(waiting):
    replace_kabid(waiting, on=ON.replace(day=30))

    assert _reroute(waiting.instance) is None
    assert _reroutes(waiting.instance) == []


def test_a_closed_request_cannot_be_re_routed(waiting):
    decide(waiting.assignment, "approve")
    decide(waiting.assignment, "acknowledge")
    replace_kabid(waiting)

    with pytest.raises(NotFound):
        _reroute(waiting.instance)
    assert _reroutes(waiting.instance) == []
