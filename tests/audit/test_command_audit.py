from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sikerja.audit.models import AuditEvent
from sikerja.audit.selectors import chain_totals
from tests.audit.factories import (
    GOVERNMENT_ID,
    OTHER_GOVERNMENT_ID,
    append_only_guard_drop,
    event_record,
)


@pytest.mark.django_db
def test_verify_of_clean_chains_prints_the_totals():
    baseline = chain_totals()
    event_record(government_id=GOVERNMENT_ID)
    event_record(government_id=GOVERNMENT_ID)
    event_record(government_id=OTHER_GOVERNMENT_ID)
    out = StringIO()

    call_command("audit", "--verify", stdout=out)

    events, governments = baseline.events + 3, baseline.governments + 2
    assert out.getvalue() == f"audit chain ok: {events} events in {governments} governments\n"


@pytest.mark.django_db
def test_verify_of_one_government_counts_only_that_government():
    event_record(government_id=GOVERNMENT_ID)
    event_record(government_id=OTHER_GOVERNMENT_ID)
    event_record(government_id=OTHER_GOVERNMENT_ID)
    out = StringIO()

    call_command("audit", "--verify", "--government", str(OTHER_GOVERNMENT_ID), stdout=out)

    assert out.getvalue() == "audit chain ok: 2 events in 1 governments\n"


@pytest.mark.django_db
def test_verify_of_a_broken_chain_prints_each_break_and_fails():
    for number in range(3):
        event_record(object_id=f"test-{number}")
    append_only_guard_drop()
    chain = AuditEvent.objects.filter(government_id=GOVERNMENT_ID)
    chain.filter(seq=2).update(citation="forged")
    chain.filter(seq=3).delete()
    out = StringIO()

    with pytest.raises(CommandError, match=r"^audit chain broken: 2 break\(s\)$"):
        call_command("audit", "--verify", stdout=out)

    assert out.getvalue() == (
        f"government {GOVERNMENT_ID} seq 2: hash_mismatch\n"
        f"government {GOVERNMENT_ID} seq 3: head_mismatch\n"
    )


@pytest.mark.django_db
def test_without_verify_the_command_refuses():
    out = StringIO()

    with pytest.raises(CommandError, match="pass --verify, --checkpoint or --events"):
        call_command("audit", stdout=out)

    assert out.getvalue() == ""
