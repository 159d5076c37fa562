import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from sikerja.audit.models import AuditChainHead, AuditEvent
from tests.audit.factories import GOVERNMENT_ID, OTHER_GOVERNMENT_ID, event_record

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the live-chain condition exists only on SQLite"
)


@pytest.mark.django_db
def test_orm_update_of_an_event_is_refused_by_the_database():
    event = event_record()

    with pytest.raises(IntegrityError, match="audit events are append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="placement.ended")

    assert AuditEvent.objects.get(pk=event.pk).action == "placement.created"


@pytest.mark.django_db
def test_orm_delete_of_an_event_is_refused_by_the_database():
    event = event_record()

    with pytest.raises(IntegrityError, match="audit events are append-only"), transaction.atomic():
        AuditEvent.objects.filter(government_id=GOVERNMENT_ID).delete()

    assert list(AuditEvent.objects.filter(government_id=GOVERNMENT_ID)) == [event]


@pytest.mark.django_db
def test_raw_sql_update_and_delete_are_refused_by_the_database():
    event = event_record()

    with connection.cursor() as cursor:
        for statement in (
            "UPDATE audit_auditevent SET rule = 'forged' WHERE id = %s",
            "DELETE FROM audit_auditevent WHERE id = %s",
        ):
            with (
                pytest.raises(IntegrityError, match="audit events are append-only"),
                transaction.atomic(),
            ):
                cursor.execute(statement, [event.pk])

    assert AuditEvent.objects.get(pk=event.pk).rule == ""


@sqlite_only
@pytest.mark.django_db
def test_sqlite_allows_deleting_events_only_of_a_chain_whose_head_is_gone():
    event = event_record(government_id=GOVERNMENT_ID)
    event_record(government_id=OTHER_GOVERNMENT_ID)

    AuditChainHead.objects.filter(government_id=OTHER_GOVERNMENT_ID).delete()
    AuditEvent.objects.filter(government_id=OTHER_GOVERNMENT_ID).delete()
    with pytest.raises(IntegrityError, match="audit events are append-only"), transaction.atomic():
        AuditEvent.objects.filter(government_id=GOVERNMENT_ID).delete()

    both = [GOVERNMENT_ID, OTHER_GOVERNMENT_ID]
    assert list(AuditEvent.objects.filter(government_id__in=both)) == [event]


@pytest.mark.django_db
def test_flush_empties_the_audit_tables():
    event_record(government_id=GOVERNMENT_ID)
    event_record(government_id=OTHER_GOVERNMENT_ID)

    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)

    assert AuditEvent.objects.count() == 0
    assert AuditChainHead.objects.count() == 0


@pytest.mark.django_db
def test_cancelled_flush_keeps_the_events_and_their_heads(monkeypatch, capsys):
    event_count, head_count = AuditEvent.objects.count(), AuditChainHead.objects.count()
    event = event_record()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    call_command("flush", interactive=True, inhibit_post_migrate=True)

    assert AuditEvent.objects.count() == event_count + 1
    assert AuditChainHead.objects.count() == head_count + 1
    head = AuditChainHead.objects.get(government_id=GOVERNMENT_ID)
    assert (head.last_seq, head.last_hash) == (1, event.hash)
    assert capsys.readouterr().out == "Flush cancelled.\n"


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_transactional_test_with_events_is_torn_down_by_flush():
    # The teardown flush of this test is the check: it fails if the guard blocks it.
    event = event_record()

    assert event.seq == 1
