import threading

import pytest
from django.db import connections

from sikerja.audit.models import AuditEvent
from sikerja.audit.selectors import chain_verify
from tests.audit.factories import GOVERNMENT_ID, event_record

WRITERS = 4
EVENTS_PER_WRITER = 5


def _writer(barrier: threading.Barrier, errors: list[BaseException]) -> None:
    try:
        barrier.wait()
        for _ in range(EVENTS_PER_WRITER):
            event_record()
    except BaseException as error:  # reported to the main thread, which asserts none
        errors.append(error)
    finally:
        connections.close_all()


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_of_a_new_chain_take_distinct_consecutive_seqs():
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_writer, args=(barrier, errors)) for _ in range(WRITERS)]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    seqs = list(
        AuditEvent.objects.filter(government_id=GOVERNMENT_ID)
        .order_by("seq")
        .values_list("seq", flat=True)
    )
    assert seqs == list(range(1, WRITERS * EVENTS_PER_WRITER + 1))
    assert chain_verify(government_id=GOVERNMENT_ID) == []
