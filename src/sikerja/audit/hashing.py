"""The audit chain's hash: HMAC-SHA256 over the previous hash and the event's canonical JSON.

The key is a secret kept outside the database (`settings.AUDIT_KEYS`, by key id); each event
records the id of the key it was hashed with (`key_id`, part of the hashed fields), so keys can
be rotated: new events take the current key (`settings.AUDIT_KEY_ID`), older ones keep theirs
while it stays listed. Without the key, a rewritten event cannot be given a valid hash, even
with the whole chain after it rewritten too.

The request id of an event is inside the hashed payload when it has one, so it cannot be
changed, added or blanked without breaking the chain; an event without one (written by a
command, or before events recorded request ids) is hashed without the field, so the events
hashed before the field existed verify as they are, with no re-hashing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC
from typing import TYPE_CHECKING, Any

from django.conf import settings

if TYPE_CHECKING:
    from sikerja.audit.models import AuditEvent

GENESIS_HASH = "0" * 64


class UnknownAuditKey(LookupError):
    """The settings list no audit key under this id."""


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


def current_key_id() -> str:
    """The id of the key new events are hashed with."""
    return str(settings.AUDIT_KEY_ID)


def audit_key(key_id: str) -> bytes:
    """The secret of a key id. Raises UnknownAuditKey."""
    keys: dict[str, str] = settings.AUDIT_KEYS
    if key_id not in keys:
        raise UnknownAuditKey(key_id)
    return keys[key_id].encode()


def mac(key_id: str, message: str) -> str:
    """HMAC-SHA256 of a text under the key of `key_id`, in hex. Raises UnknownAuditKey."""
    return hmac.new(audit_key(key_id), message.encode(), hashlib.sha256).hexdigest()


def event_fields(event: AuditEvent) -> dict[str, Any]:
    """The fields of `event` its hash covers (its key id, and its request id when it has one)."""
    fields: dict[str, Any] = {
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
        "key_id": event.key_id,
    }
    # getattr: migrations before audit 0004 hash their historical model, which has no column.
    request_id = getattr(event, "request_id", "")
    if request_id:
        fields["request_id"] = request_id
    return fields


def event_hash(event: AuditEvent) -> str:
    """Return the keyed hash of `event`, linked to the chain through its `prev_hash`.

    Raises UnknownAuditKey when the event's key id is not in the settings.
    """
    return mac(event.key_id, event.prev_hash + canonical_json(event_fields(event)))
