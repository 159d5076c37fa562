"""Signed checkpoints of the audit chain heads, kept outside the database.

The chain proves that no event was changed or inserted, but not that none was cut from its end:
whoever can write to the database can delete the last events and point the chain head at the
one before. A checkpoint records every government's head (seq and hash) at a moment, signed
with the audit key (HMAC-SHA256, so it cannot be forged without the key), and is appended to a
file outside the database (`settings.AUDIT_CHECKPOINT_PATH`, one JSON object per line; copy it
off the machine too). `audit --verify` then checks that each chain still holds the event the
latest checkpoint named, with the hash it had: a truncated chain no longer verifies.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db.models import Q

from sikerja.audit.hashing import UnknownAuditKey, canonical_json, current_key_id, mac
from sikerja.audit.models import AuditChainHead, AuditEvent
from sikerja.audit.selectors import ChainBreak, ChainBreakReason


class CheckpointInvalid(ValueError):
    """The latest checkpoint cannot be read, or its signature does not verify."""


@dataclass(frozen=True)
class Checkpoint:
    """Every government's chain head at one moment: government id -> (seq, hash)."""

    at: str
    key_id: str
    heads: dict[int, tuple[int, str]]
    # Taken after a deliberate restore of an older backup: the heads it replaces were not checked.
    after_restore: bool = False

    def signed_part(self) -> dict[str, object]:
        heads = {str(government): [seq, h] for government, (seq, h) in sorted(self.heads.items())}
        part: dict[str, object] = {"at": self.at, "key_id": self.key_id, "heads": heads}
        if self.after_restore:
            part["after_restore"] = True
        return part


def checkpoint_path() -> Path:
    """Where checkpoints are appended (settings.AUDIT_CHECKPOINT_PATH)."""
    return Path(settings.AUDIT_CHECKPOINT_PATH)


def checkpoint_take(*, at: dt.datetime, after_restore: bool = False) -> Checkpoint:
    """The current heads of every chain (one query), to be signed with the current key."""
    heads = AuditChainHead.objects.values_list("government_id", "last_seq", "last_hash")
    return Checkpoint(
        at=at.astimezone(dt.UTC).isoformat(),
        key_id=current_key_id(),
        heads={government: (seq, h) for government, seq, h in heads},
        after_restore=after_restore,
    )


def checkpoint_append(checkpoint: Checkpoint, path: Path) -> None:
    """Sign the checkpoint and append it to the file as one line, flushed to disk."""
    signed = checkpoint.signed_part()
    line = canonical_json({**signed, "mac": mac(checkpoint.key_id, canonical_json(signed))})
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as file:
        file.write(line + "\n")
        file.flush()
        os.fsync(file.fileno())


def checkpoint_latest(path: Path) -> Checkpoint | None:
    """The last checkpoint of the file, its signature checked; None without a file.

    Raises CheckpointInvalid for an unreadable last line, an unknown key or a bad signature.
    """
    if not path.exists():
        return None
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines:
        return None
    try:
        stored = json.loads(lines[-1])
        signature = stored.pop("mac")
        checkpoint = Checkpoint(
            at=stored["at"],
            key_id=stored["key_id"],
            heads={int(g): (int(seq), str(h)) for g, (seq, h) in stored["heads"].items()},
            after_restore=stored.get("after_restore", False) is True,
        )
        expected = mac(checkpoint.key_id, canonical_json(checkpoint.signed_part()))
    except (ValueError, KeyError, TypeError, AttributeError, UnknownAuditKey) as exc:
        raise CheckpointInvalid(f"unreadable checkpoint: {exc!r}") from exc
    if signature != expected or stored != checkpoint.signed_part():
        raise CheckpointInvalid("checkpoint signature does not verify")
    return checkpoint


def checkpoint_breaks(
    checkpoint: Checkpoint, *, government_id: int | None = None
) -> list[ChainBreak]:
    """Each chain that no longer holds the event its checkpointed head named (one query)."""
    heads = {
        government: head
        for government, head in checkpoint.heads.items()
        if government_id in (None, government) and head[0] > 0
    }
    if not heads:
        return []
    wanted = Q()
    for government, (seq, _hash) in heads.items():
        wanted |= Q(government_id=government, seq=seq)
    found = {
        (government, seq): h
        for government, seq, h in AuditEvent.objects.filter(wanted).values_list(
            "government_id", "seq", "hash"
        )
    }
    breaks = []
    for government, (seq, h) in sorted(heads.items()):
        stored = found.get((government, seq))
        if stored is None:
            breaks.append(ChainBreak(government, seq, ChainBreakReason.CHECKPOINT_MISSING))
        elif stored != h:
            breaks.append(ChainBreak(government, seq, ChainBreakReason.CHECKPOINT_MISMATCH))
    return breaks
