"""The chain is keyed: without the audit key a rewritten chain does not verify."""

import hashlib
import itertools

import pytest

from sikerja.audit.hashing import canonical_json, event_fields
from sikerja.audit.models import AuditChainHead, AuditEvent
from sikerja.audit.selectors import ChainBreak, ChainBreakReason, chain_verify
from tests.audit.factories import GOVERNMENT_ID, append_only_guard_drop, event_record


def _unkeyed_hash(event: AuditEvent) -> str:
    """The hash anyone can compute from the source code alone (the chain before keying)."""
    return hashlib.sha256(
        (event.prev_hash + canonical_json(event_fields(event))).encode()
    ).hexdigest()


def _chain():
    return AuditEvent.objects.filter(government_id=GOVERNMENT_ID).order_by("seq")


@pytest.mark.django_db
def test_a_chain_rewritten_without_the_key_does_not_verify():
    for number in range(3):
        event_record(object_id=f"test-{number}")
    append_only_guard_drop()
    events = list(_chain())
    events[1].citation = "forged"
    for previous, event in itertools.pairwise(events):
        event.prev_hash = previous.hash
        event.hash = _unkeyed_hash(event)
        AuditEvent.objects.filter(pk=event.pk).update(
            citation=event.citation, prev_hash=event.prev_hash, hash=event.hash
        )
    AuditChainHead.objects.filter(government_id=GOVERNMENT_ID).update(last_hash=events[-1].hash)

    breaks = chain_verify(government_id=GOVERNMENT_ID)

    assert breaks == [
        ChainBreak(GOVERNMENT_ID, 2, ChainBreakReason.HASH_MISMATCH),
        ChainBreak(GOVERNMENT_ID, 3, ChainBreakReason.HASH_MISMATCH),
    ]


@pytest.mark.django_db
def test_a_rotated_key_keeps_older_events_verifiable_under_their_key_id(settings):
    first = event_record()
    settings.AUDIT_KEYS = {**settings.AUDIT_KEYS, "2": "rotated-audit-key-of-at-least-32-chars"}
    settings.AUDIT_KEY_ID = "2"

    second = event_record()

    assert (first.key_id, second.key_id) == ("1", "2")
    assert chain_verify(government_id=GOVERNMENT_ID) == []


@pytest.mark.django_db
def test_an_event_under_a_key_no_longer_configured_is_reported(settings):
    event_record()
    settings.AUDIT_KEYS = {"2": "rotated-audit-key-of-at-least-32-chars"}
    settings.AUDIT_KEY_ID = "2"

    breaks = chain_verify(government_id=GOVERNMENT_ID)

    assert breaks == [ChainBreak(GOVERNMENT_ID, 1, ChainBreakReason.KEY_UNKNOWN)]
