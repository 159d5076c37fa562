"""The audit chain's hash: sha256 over the previous hash and the event's canonical JSON."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sikerja.audit.models import AuditEvent

GENESIS_HASH = "0" * 64


def canonical_json(value: object) -> str:
    """Serialise `value` the one way the chain hashes it: sorted keys, no spaces, UTF-8 text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False)


def json_normalize(value: dict[str, Any]) -> dict[str, Any]:
    """Return `value` as a JSON column gives it back (dates and decimals as text, tuples as lists).

    Hashing the normalised value, and storing exactly that, lets a later verification
    recompute the same hash from the stored row.
    """
    normalized: dict[str, Any] = json.loads(canonical_json(value))
    return normalized


def event_hash(event: AuditEvent) -> str:
    """Return the hash of `event`, linked to the chain through its `prev_hash`."""
    fields = {
        "government_id": event.government_id,
        "seq": event.seq,
        # UTC, so that the value passed in and the value read back hash alike.
        "at": event.at.astimezone(UTC).isoformat(),
        "actor_user_id": event.actor_user_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "before": event.before,
        "after": event.after,
        "rule": event.rule,
        "citation": event.citation,
    }
    return hashlib.sha256((event.prev_hash + canonical_json(fields)).encode()).hexdigest()
