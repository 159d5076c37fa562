"""Reads of the audit log: event lists and verification of the hash chains."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import Coalesce

from sikerja.audit.hashing import GENESIS_HASH, UnknownAuditKey, event_hash
from sikerja.audit.models import AuditChainHead, AuditEvent

VERIFY_CHUNK_SIZE = 2000


class ChainBreakReason(StrEnum):
    """Why a link of an audit chain does not hold."""

    SEQ_GAP = "seq_gap"  # the event's seq is not the previous seq + 1 (the first is 1)
    PREV_HASH_MISMATCH = "prev_hash_mismatch"  # prev_hash is not the previous event's hash
    HASH_MISMATCH = "hash_mismatch"  # the stored hash is not the hash of the stored fields
    HEAD_MISSING = "head_missing"  # events exist but the government has no chain head
    HEAD_MISMATCH = "head_mismatch"  # the head's last seq or hash is not the last event's
    KEY_UNKNOWN = "key_unknown"  # the event's key id is not among the configured audit keys
    CHECKPOINT_MISSING = "checkpoint_missing"  # the event a signed checkpoint named is gone
    CHECKPOINT_MISMATCH = "checkpoint_mismatch"  # ... or no longer has the checkpointed hash


@dataclass(frozen=True)
class ChainBreak:
    """One place where a government's audit chain does not hold."""

    government_id: int
    seq: int
    reason: ChainBreakReason


@dataclass(frozen=True)
class ChainTotals:
    """How many events and governments the chain heads account for."""

    events: int
    governments: int


def event_list_for_object(*, object_type: str, object_id: str) -> QuerySet[AuditEvent]:
    """Return the events recorded for one object, in chain order."""
    return AuditEvent.objects.filter(object_type=object_type, object_id=object_id).order_by(
        "government_id", "seq"
    )


def event_list_for_government(*, government_id: int, limit: int) -> list[AuditEvent]:
    """Return the government's latest `limit` events, newest first."""
    return list(AuditEvent.objects.filter(government_id=government_id).order_by("-seq")[:limit])


def event_list_latest(
    *, government_id: int | None = None, request_id: str = "", limit: int
) -> list[AuditEvent]:
    """Return the latest `limit` events (of one government, of one request), newest first."""
    events = AuditEvent.objects.all()
    if government_id is not None:
        events = events.filter(government_id=government_id)
    if request_id:
        events = events.filter(request_id=request_id)
    return list(events.order_by("-at", "-government_id", "-seq")[:limit])


def chain_verify(*, government_id: int | None = None) -> list[ChainBreak]:
    """Walk each government's chain in seq order and return every break, in chain order.

    Checks that seq runs 1, 2, 3 … without gaps, that each prev_hash is the previous event's
    hash, that each stored hash is the keyed hash of the stored fields (under a configured
    key), and that the chain head names the last event. An empty list means the chains hold.
    """
    heads = AuditChainHead.objects.all()
    events = AuditEvent.objects.all()
    if government_id is not None:
        heads = heads.filter(government_id=government_id)
        events = events.filter(government_id=government_id)
    head_by_government = {head.government_id: head for head in heads}
    government_ids = set(head_by_government)
    government_ids.update(events.values_list("government_id", flat=True).distinct())
    breaks: list[ChainBreak] = []
    for chain_government_id in sorted(government_ids):
        breaks.extend(
            _government_chain_verify(
                government_id=chain_government_id,
                head=head_by_government.get(chain_government_id),
            )
        )
    return breaks


def chain_totals(*, government_id: int | None = None) -> ChainTotals:
    """Count events and governments from the chain heads, without reading the events.

    The counts are exact when `chain_verify` found no break: each head then names the last of
    an unbroken 1 … n sequence.
    """
    heads = AuditChainHead.objects.all()
    if government_id is not None:
        heads = heads.filter(government_id=government_id)
    totals = heads.aggregate(events=Coalesce(Sum("last_seq"), 0), governments=Count("id"))
    return ChainTotals(events=totals["events"], governments=totals["governments"])


def _hash_breaks(event: AuditEvent) -> list[ChainBreak]:
    try:
        expected = event_hash(event)
    except UnknownAuditKey:
        return [ChainBreak(event.government_id, event.seq, ChainBreakReason.KEY_UNKNOWN)]
    if expected != event.hash:
        return [ChainBreak(event.government_id, event.seq, ChainBreakReason.HASH_MISMATCH)]
    return []


def _government_chain_verify(
    *, government_id: int, head: AuditChainHead | None
) -> list[ChainBreak]:
    breaks: list[ChainBreak] = []
    last_seq, last_hash = 0, GENESIS_HASH
    # Streamed in chunks so that a chain of millions of events stays out of memory.
    events = (
        AuditEvent.objects.filter(government_id=government_id)
        .order_by("seq")
        .iterator(chunk_size=VERIFY_CHUNK_SIZE)
    )
    for event in events:
        if event.seq != last_seq + 1:
            # A gap already breaks the link; reporting prev_hash too would say it twice.
            breaks.append(ChainBreak(government_id, event.seq, ChainBreakReason.SEQ_GAP))
        elif event.prev_hash != last_hash:
            breaks.append(ChainBreak(government_id, event.seq, ChainBreakReason.PREV_HASH_MISMATCH))
        breaks.extend(_hash_breaks(event))
        last_seq, last_hash = event.seq, event.hash
    if head is None:
        breaks.append(ChainBreak(government_id, last_seq, ChainBreakReason.HEAD_MISSING))
    elif (head.last_seq, head.last_hash) != (last_seq, last_hash):
        breaks.append(ChainBreak(government_id, head.last_seq, ChainBreakReason.HEAD_MISMATCH))
    return breaks
