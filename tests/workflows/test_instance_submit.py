"""`engine.instance_submit`: an instance started with its first step decided, in one go, writes
exactly what `instance_start` then `step_decide` write, and answers with the rows it wrote.

Runs on the test-only "checklist" kind of test_engine_kinds: its first step is the requester's
own; when urgent, a guarded transition opens the lead's plain step, otherwise a review chain.
"""

from __future__ import annotations

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.audit.selectors import chain_verify
from sikerja.core.errors import NotFound
from sikerja.workflows import engine
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.workflows import test_engine_kinds as kinds
from tests.workflows.test_engine_kinds import kind_pack

__all__ = ["kind_pack"]
# Written anew by every write, or ids: not compared between two instances.
OWN = {"id", "instance_id", "created_at", "updated_at"}


def _parties(persona, *, urgent: bool) -> kinds.ChecklistParties:
    return kinds.ChecklistParties(
        requester=persona("jf_ahli_muda").pk,
        lead=persona("subkoordinator").pk,
        members=[persona("jf_ahli_muda").pk, persona("pelaksana").pk],
        urgent=urgent,
    )


def _submit(pack, persona, *, urgent: bool, subject_id: int, by=None) -> engine.Submitted:
    requester = persona("jf_ahli_muda")
    return engine.instance_submit(
        government_id=requester.government_id,
        pack=pack,
        key="WF-CHECKLIST",
        subject_type=kinds.SUBJECT,
        subject_id=subject_id,
        parties=_parties(persona, urgent=urgent),
        by=by or requester,
        at=kinds.AT,
        on=kinds.ON,
    )


def _fields(step: WorkflowStep, leave_out=frozenset()) -> dict:
    return {
        field.attname: getattr(step, field.attname)
        for field in WorkflowStep._meta.concrete_fields
        if field.attname not in leave_out
    }


def _rows(instance: WorkflowInstance) -> list[dict]:
    return [_fields(step, OWN) for step in instance.steps.order_by("seq")]


def _chain_of(instance: WorkflowInstance):
    return AuditEvent.objects.filter(
        government_id=instance.government_id,
        object_type="workflows.workflowinstance",
        object_id=str(instance.pk),
    ).order_by("seq")


def _events(instance: WorkflowInstance) -> list[tuple]:
    return list(_chain_of(instance).values_list("action", "actor_label", "after", "citation"))


@pytest.mark.parametrize("urgent", [True, False])
def test_it_writes_what_starting_then_deciding_the_first_step_writes(kind_pack, persona, urgent):
    pack, _hooks = kind_pack
    apart = kinds._start(pack, persona, urgent=urgent, subject_id=1)

    together = _submit(pack, persona, urgent=urgent, subject_id=2).instance

    assert _rows(together) == _rows(apart)
    assert _events(together) == _events(apart)
    stored = WorkflowInstance.objects.get(pk=together.pk)
    assert (stored.current_step, stored.version, stored.status) == (
        WorkflowInstance.objects.values_list("current_step", "version", "status").get(pk=apart.pk)
    )
    assert chain_verify(government_id=together.government_id) == []


def test_it_answers_with_the_two_rows_exactly_as_they_are_stored(kind_pack, persona):
    pack, _hooks = kind_pack

    submitted = _submit(pack, persona, urgent=True, subject_id=3)

    stored = list(submitted.instance.steps.order_by("pk"))
    assert submitted.steps is not None
    assert [_fields(step) for step in submitted.steps] == [_fields(step) for step in stored]
    assert [(s.step_key, s.status) for s in stored] == [
        ("submit", "DECIDED"),
        ("lead_check", "OPEN"),
    ]
    assert submitted.letters == []
    instance = WorkflowInstance.objects.get(pk=submitted.instance.pk)
    assert (submitted.instance.current_step, submitted.instance.version) == (
        instance.current_step,
        instance.version,
    )


def test_a_chain_opened_next_is_left_to_a_read(kind_pack, persona):
    pack, _hooks = kind_pack

    submitted = _submit(pack, persona, urgent=False, subject_id=4)

    assert submitted.steps is None
    assert submitted.instance.steps.filter(step_key="review").count() >= 1


def test_the_two_events_are_appended_together_next_to_each_other(kind_pack, persona):
    pack, _hooks = kind_pack

    instance = _submit(pack, persona, urgent=True, subject_id=5).instance

    events = list(_chain_of(instance))
    assert [e.action for e in events] == ["workflow.started", "workflow.step_decided"]
    assert events[1].seq == events[0].seq + 1
    assert events[1].prev_hash == events[0].hash


def test_someone_who_may_not_act_on_the_first_step_is_refused_and_nothing_is_written(
    kind_pack, persona
):
    pack, _hooks = kind_pack
    before = (WorkflowInstance.objects.count(), WorkflowStep.objects.count())
    events = AuditEvent.objects.count()

    with pytest.raises(NotFound):
        _submit(pack, persona, urgent=True, subject_id=6, by=persona("pelaksana"))

    assert (WorkflowInstance.objects.count(), WorkflowStep.objects.count()) == before
    assert AuditEvent.objects.count() == events
