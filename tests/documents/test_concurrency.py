import datetime as dt
import threading
import time

import pytest
from django.db import connections, transaction

from sikerja.audit.services import event_record
from sikerja.documents.models import Letter, NumberRegister
from tests.concurrency import race
from tests.documents.conftest import NOW, build_small_org, issue

WRITERS = 2
LETTERS_PER_WRITER = 20


def _write(org) -> str:
    for _ in range(LETTERS_PER_WRITER):
        issue(org)
    return "done"


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_concurrent_issuers_of_one_agency_take_unique_gapless_numbers():
    org = build_small_org()

    outcomes = race(_write, [org] * WRITERS)

    assert outcomes == ["done"] * WRITERS
    total = WRITERS * LETTERS_PER_WRITER
    sequences = list(
        Letter.objects.filter(agency=org.dinas, year=2026)
        .order_by("sequence")
        .values_list("sequence", flat=True)
    )
    assert sequences == list(range(1, total + 1))
    assert NumberRegister.objects.get(agency=org.dinas, year=2026).last_number == total


def _audit_then_issue(org, barrier, errors) -> None:
    # As assignment_request_submit does: an audit event (workflow.started), then a letter.
    try:
        with transaction.atomic():
            event_record(
                government_id=org.government.pk,
                actor_user_id=None,
                actor_label="uji",
                action="workflow.started",
                object_type="workflows.instance",
                object_id="1",
                at=NOW,
            )
            barrier.wait()
            time.sleep(0.3)  # let the other issuer reach its locks first
            issue(org)
    except BaseException as error:
        errors.append(error)
    finally:
        connections.close_all()


def _issue_after(org, barrier, errors) -> None:
    # As a plain approval does: the letter first, its audit event after.
    try:
        barrier.wait()
        issue(org)
    except BaseException as error:
        errors.append(error)
    finally:
        connections.close_all()


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_an_issuer_that_audited_first_and_one_that_issues_first_do_not_deadlock():
    org = build_small_org()
    issue(org, on=dt.date(2026, 1, 2))  # the register exists, as it does after the first letter
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []
    threads = [
        threading.Thread(target=_audit_then_issue, args=(org, barrier, errors)),
        threading.Thread(target=_issue_after, args=(org, barrier, errors)),
    ]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    sequences = Letter.objects.filter(agency=org.dinas).order_by("sequence")
    assert list(sequences.values_list("sequence", flat=True)) == [1, 2, 3]
