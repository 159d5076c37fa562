"""`events_held`: the events of one service appended together, exactly as one by one."""

import pytest
from django.db import transaction

from sikerja.audit.models import AuditChainHead, AuditEvent
from sikerja.audit.selectors import chain_verify
from sikerja.audit.services import events_held
from tests.audit.factories import GOVERNMENT_ID, OTHER_GOVERNMENT_ID, event_record

ACTIONS = ("workflow.started", "letter.issued", "workflow.step_decided")


def _rows(government_id: int = GOVERNMENT_ID) -> list[tuple]:
    events = AuditEvent.objects.filter(government_id=government_id).order_by("seq")
    return list(events.values_list("seq", "action", "prev_hash", "hash", "key_id"))


@pytest.mark.django_db
def test_held_events_get_the_seqs_and_hashes_one_by_one_recording_gives():
    event_record(action="placement.created")
    with transaction.atomic():
        for action in ACTIONS:
            event_record(action=action)
        one_by_one = _rows()
        transaction.set_rollback(True)

    with events_held():
        held = [event_record(action=action) for action in ACTIONS]

    assert _rows() == one_by_one
    assert [event.seq for event in held] == [2, 3, 4]
    head = AuditChainHead.objects.get(government_id=GOVERNMENT_ID)
    assert (head.last_seq, head.last_hash) == (4, held[-1].hash)
    assert chain_verify(government_id=GOVERNMENT_ID) == []


@pytest.mark.django_db
def test_held_events_are_written_only_when_the_block_ends_in_the_order_recorded():
    event_record()

    with events_held():
        event_record(action="workflow.started")
        event_record(action="workflow.step_decided")
        written_inside = AuditEvent.objects.filter(government_id=GOVERNMENT_ID).count()

    assert written_inside == 1
    assert [row[1] for row in _rows()] == [
        "placement.created",
        "workflow.started",
        "workflow.step_decided",
    ]


@pytest.mark.django_db
def test_held_events_of_two_governments_each_take_their_own_chain():
    with events_held():
        event_record(government_id=GOVERNMENT_ID, action="workflow.started")
        event_record(government_id=OTHER_GOVERNMENT_ID, action="letter.issued")
        event_record(government_id=GOVERNMENT_ID, action="workflow.step_decided")

    assert [row[:2] for row in _rows()] == [(1, "workflow.started"), (2, "workflow.step_decided")]
    assert [row[:2] for row in _rows(OTHER_GOVERNMENT_ID)] == [(1, "letter.issued")]
    assert chain_verify() == []


@pytest.mark.django_db
def test_three_held_events_lock_read_and_write_the_chain_head_once(django_assert_num_queries):
    event_record()

    # Head select (locked), one insert of the three events, head update.
    with django_assert_num_queries(3), events_held():
        for action in ACTIONS:
            event_record(action=action)

    assert [row[0] for row in _rows()] == [1, 2, 3, 4]


@pytest.mark.django_db
def test_a_block_that_raises_appends_nothing():
    event_record()

    def refused_write() -> None:
        with transaction.atomic(), events_held():
            event_record(action="workflow.started")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        refused_write()

    assert [row[0] for row in _rows()] == [1]
    with events_held():
        after = event_record(action="workflow.started")
    assert after.seq == 2


@pytest.mark.django_db
def test_a_nested_block_appends_with_the_outer_one():
    with events_held():
        with events_held():
            event_record(action="workflow.started")
        inner_done = AuditEvent.objects.filter(government_id=GOVERNMENT_ID).count()
        event_record(action="workflow.step_decided")

    assert inner_done == 0
    assert [row[:2] for row in _rows()] == [(1, "workflow.started"), (2, "workflow.step_decided")]
