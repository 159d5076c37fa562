"""Writes to the audit log: appending events to a government's chain."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from sikerja.audit.hashing import GENESIS_HASH, current_key_id, event_hash, json_normalize
from sikerja.audit.models import AuditChainHead, AuditEvent
from sikerja.core.request_id import serving_request_id

# fullmatch, not `^…$`: `$` would also accept a trailing newline.
ACTION_PATTERN = re.compile(r"[a-z_]+(\.[a-z_]+)+")

# The events `events_held` holds back in this thread (None outside such a block).
_held = threading.local()


def event_record(
    *,
    government_id: int,
    actor_user_id: int | None,
    actor_label: str,
    action: str,
    object_type: str,
    object_id: str,
    at: datetime,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    rule: str = "",
    citation: str = "",
    request_id: str | None = None,
) -> AuditEvent:
    """Append one event to the government's audit chain.

    Call it inside the writing service's transaction, so the event commits or rolls back with
    the write it records; it opens its own transaction when called outside one, so it also works
    standalone. Inside `events_held` the event is appended with the block's others at its end
    (the returned event then has no seq or hash yet). `request_id` defaults to the id of the HTTP request being served (the id of its log lines),
    empty outside a request.

    Raises ValueError for an action that is not a dotted lower-case verb, a naive `at`, or a
    text that is empty where required or longer than its column.
    """
    if request_id is None:
        request_id = serving_request_id()
    _input_check(
        action=action,
        at=at,
        texts={
            "request_id": request_id,
            "actor_label": actor_label,
            "action": action,
            "object_type": object_type,
            "object_id": object_id,
            "rule": rule,
            "citation": citation,
        },
    )
    event = AuditEvent(
        government_id=government_id,
        at=at.astimezone(UTC),
        actor_user_id=actor_user_id,
        actor_label=actor_label,
        action=action,
        object_type=object_type,
        object_id=object_id,
        before=json_normalize(before or {}),
        after=json_normalize(after or {}),
        rule=rule,
        citation=citation,
        request_id=request_id,
    )
    held = getattr(_held, "events", None)
    if held is not None:
        held.append(event)
        return event
    _append([event])
    return event


@contextmanager
def events_held() -> Iterator[None]:
    """Append the events recorded inside the block in one go when it ends, in the order they
    were recorded: the chain head is locked, read and written once for all of them, and the
    rows go in with one INSERT. Their seqs and hashes are exactly those one `event_record` per
    event would give.

    For a service that records several events in one transaction (a workflow started and its
    first step decided). A nested block adds its events to the outer one's. When the block
    raises, its events are dropped: the writes they record roll back with them. Use it only
    around writes that catch no refusal inside it: an inner savepoint rolled back and caught
    would undo its writes but not take back the events recorded in it.
    """
    if getattr(_held, "events", None) is not None:
        yield
        return
    _held.events = []
    try:
        yield
        events: list[AuditEvent] = _held.events
    finally:
        _held.events = None
    if events:
        _append(events)


@transaction.atomic(savepoint=False)
def _append(events: Sequence[AuditEvent]) -> None:
    """Link the events to their governments' chains, in order, and write them.

    No savepoint: an error here aborts the writing transaction, whose writes the events record.
    """
    heads: dict[int, AuditChainHead] = {}
    key_id = current_key_id()
    for event in events:
        head = heads.get(event.government_id)
        if head is None:
            head = heads[event.government_id] = _chain_head_lock(government_id=event.government_id)
        event.seq, event.prev_hash, event.key_id = head.last_seq + 1, head.last_hash, key_id
        event.hash = event_hash(event)
        head.last_seq, head.last_hash = event.seq, event.hash
    if len(events) == 1:
        events[0].save(force_insert=True)
    else:
        AuditEvent.objects.bulk_create(events)
    for head in heads.values():
        head.save(update_fields=["last_seq", "last_hash"])


_REQUIRED_TEXTS = frozenset({"actor_label", "action", "object_type", "object_id"})


def _input_check(*, action: str, at: datetime, texts: dict[str, str]) -> None:
    if not ACTION_PATTERN.fullmatch(action):
        raise ValueError(f"action must be a dotted lower-case verb, got {action!r}")
    if not timezone.is_aware(at):
        raise ValueError("at must be an aware datetime")
    for name, value in texts.items():
        field = AuditEvent._meta.get_field(name)
        max_length = field.max_length if isinstance(field, models.Field) else None
        if name in _REQUIRED_TEXTS and not value:
            raise ValueError(f"{name} must not be empty")
        # SQLite does not enforce max_length; checking here keeps both databases alike.
        if max_length is not None and len(value) > max_length:
            raise ValueError(f"{name} is longer than {max_length} characters")


def chain_lock(*, government_id: int) -> AuditChainHead:
    """Lock the government's audit chain head until the transaction ends (public lock order).

    Apps that take other row locks in a transaction that also records an event take this one
    first, so every writer locks in the same order (head, then their own rows).
    """
    return _chain_head_lock(government_id=government_id)


def _chain_head_lock(*, government_id: int) -> AuditChainHead:
    """Return the government's chain head, locked until the transaction ends.

    The lock serialises appends per government, so two writers never take the same seq.
    (SQLite has no row locks; its IMMEDIATE transactions serialise every writer instead.)
    """
    heads = AuditChainHead.objects.select_for_update()
    try:
        return heads.get(government_id=government_id)
    except AuditChainHead.DoesNotExist:
        # The first two events of a government may race to create its head: get_or_create
        # turns the losing INSERT's unique violation into a read of the winner's row, and the
        # locking re-select then waits for the winner's transaction.
        AuditChainHead.objects.get_or_create(
            government_id=government_id,
            defaults={"last_seq": 0, "last_hash": GENESIS_HASH},
        )
        return heads.get(government_id=government_id)
