import pytest

from sikerja.audit.hashing import event_hash
from sikerja.audit.models import AuditChainHead, AuditEvent
from sikerja.audit.selectors import (
    ChainBreak,
    ChainBreakReason,
    ChainTotals,
    chain_totals,
    chain_verify,
)
from tests.audit.factories import (
    GOVERNMENT_ID,
    OTHER_GOVERNMENT_ID,
    UNUSED_GOVERNMENT_ID,
    append_only_guard_drop,
    event_record,
)


def _three_events() -> list[AuditEvent]:
    return [event_record(object_id=f"test-{number}") for number in (1, 2, 3)]


def _chain(government_id: int = GOVERNMENT_ID):
    return AuditEvent.objects.filter(government_id=government_id)


@pytest.mark.django_db
def test_clean_chains_have_no_break_and_are_counted():
    baseline = chain_totals()
    _three_events()
    event_record(government_id=OTHER_GOVERNMENT_ID)

    assert chain_verify(government_id=GOVERNMENT_ID) == []
    assert chain_verify(government_id=OTHER_GOVERNMENT_ID) == []
    assert chain_verify() == []
    assert chain_totals(government_id=GOVERNMENT_ID) == ChainTotals(events=3, governments=1)
    assert chain_totals() == ChainTotals(
        events=baseline.events + 4, governments=baseline.governments + 2
    )


@pytest.mark.django_db
def test_a_government_without_events_verifies_clean():
    assert chain_verify(government_id=UNUSED_GOVERNMENT_ID) == []
    assert chain_totals(government_id=UNUSED_GOVERNMENT_ID) == ChainTotals(events=0, governments=0)


@pytest.mark.django_db
def test_an_edited_field_breaks_the_hash_of_exactly_that_event():
    _three_events()
    append_only_guard_drop()

    _chain().filter(seq=2).update(after={"unit": "forged"})

    assert chain_verify() == [ChainBreak(GOVERNMENT_ID, 2, ChainBreakReason.HASH_MISMATCH)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("recorded", "forged", "case"),
    [("req-1", "req-2", "changed"), ("req-1", "", "blanked"), ("", "req-2", "added")],
)
def test_a_changed_added_or_blanked_request_id_breaks_the_hash(recorded, forged, case):
    for number in (1, 2, 3):
        event_record(object_id=f"test-{number}", request_id=recorded)
    append_only_guard_drop()

    _chain().filter(seq=2).update(request_id=forged)

    assert chain_verify() == [ChainBreak(GOVERNMENT_ID, 2, ChainBreakReason.HASH_MISMATCH)], case


@pytest.mark.django_db
def test_an_edit_with_a_recomputed_hash_breaks_the_next_link():
    _three_events()
    append_only_guard_drop()
    forged = _chain().get(seq=2)
    forged.actor_label = "someone_else"

    _chain().filter(pk=forged.pk).update(actor_label=forged.actor_label, hash=event_hash(forged))

    assert chain_verify() == [ChainBreak(GOVERNMENT_ID, 3, ChainBreakReason.PREV_HASH_MISMATCH)]


@pytest.mark.django_db
def test_a_removed_event_is_reported_as_a_gap_at_the_next_seq():
    _three_events()
    append_only_guard_drop()

    _chain().filter(seq=2).delete()

    assert chain_verify() == [ChainBreak(GOVERNMENT_ID, 3, ChainBreakReason.SEQ_GAP)]


@pytest.mark.django_db
def test_a_removed_last_event_is_reported_by_the_chain_head():
    _three_events()
    append_only_guard_drop()

    _chain().filter(seq=3).delete()

    assert chain_verify() == [ChainBreak(GOVERNMENT_ID, 3, ChainBreakReason.HEAD_MISMATCH)]


@pytest.mark.django_db
def test_a_removed_chain_head_is_reported_at_the_last_seq():
    _three_events()

    AuditChainHead.objects.filter(government_id=GOVERNMENT_ID).delete()

    assert chain_verify() == [ChainBreak(GOVERNMENT_ID, 3, ChainBreakReason.HEAD_MISSING)]


@pytest.mark.django_db
def test_a_chain_head_without_events_is_reported():
    AuditChainHead.objects.create(government_id=GOVERNMENT_ID, last_seq=2, last_hash="f" * 64)

    assert chain_verify() == [ChainBreak(GOVERNMENT_ID, 2, ChainBreakReason.HEAD_MISMATCH)]


@pytest.mark.django_db
def test_verify_of_one_government_ignores_breaks_elsewhere():
    _three_events()
    event_record(government_id=OTHER_GOVERNMENT_ID)
    append_only_guard_drop()
    _chain().filter(seq=1).update(rule="forged")

    assert chain_verify(government_id=OTHER_GOVERNMENT_ID) == []
    assert chain_verify(government_id=GOVERNMENT_ID) == [
        ChainBreak(GOVERNMENT_ID, 1, ChainBreakReason.HASH_MISMATCH)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("event_count", [1, 5])
def test_verify_of_a_chain_takes_three_queries_at_any_length(
    event_count, django_assert_num_queries
):
    for _ in range(event_count):
        event_record()

    # The head, the distinct governments, then the chain's events in one streamed query.
    with django_assert_num_queries(3):
        assert chain_verify(government_id=GOVERNMENT_ID) == []
