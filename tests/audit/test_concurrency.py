import pytest

from sikerja.audit.models import AuditEvent
from sikerja.audit.selectors import chain_verify
from tests.audit.factories import GOVERNMENT_ID, event_record
from tests.concurrency import race

WRITERS = 4
EVENTS_PER_WRITER = 5


def _write(_writer: int) -> str:
    for _ in range(EVENTS_PER_WRITER):
        event_record()
    return "done"


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_of_a_new_chain_take_distinct_consecutive_seqs():
    outcomes = race(_write, range(WRITERS))

    assert outcomes == ["done"] * WRITERS
    seqs = list(
        AuditEvent.objects.filter(government_id=GOVERNMENT_ID)
        .order_by("seq")
        .values_list("seq", flat=True)
    )
    assert seqs == list(range(1, WRITERS * EVENTS_PER_WRITER + 1))
    assert chain_verify(government_id=GOVERNMENT_ID) == []
