"""Key the audit chain: every event records the key id its HMAC-SHA256 hash was computed with.

Events written before this migration were hashed with plain SHA-256. The migration first checks
each government's chain as it stands (the SHA-256 links and the chain head), and refuses to
run on a broken one: re-keying must not launder a tampered log. It then re-hashes every chain,
from its first event, with the current audit key (`settings.AUDIT_KEY_ID`, recorded on each
event) and moves the chain heads to the new last hashes. From then on `audit --verify` checks
the keyed chain: a fresh install and a migrated database verify alike.

The append-only triggers (migration 0002) are dropped for the re-keying and created again
afterwards; on SQLite adding the column may rebuild the table, which drops them too.
"""

import hashlib
from importlib import import_module

from django.db import migrations, models

from sikerja.audit.hashing import (
    GENESIS_HASH,
    canonical_json,
    current_key_id,
    event_fields,
    event_hash,
)

BATCH = 2000
_guard = import_module("sikerja.audit.migrations.0002_append_only_triggers")


def _legacy_hash(event):
    """The plain SHA-256 the chain used before keying (its fields had no key id)."""
    fields = event_fields(event)
    del fields["key_id"]
    return hashlib.sha256((event.prev_hash + canonical_json(fields)).encode()).hexdigest()


def _chain_rekey(audit_event, government_id, key_id):
    """Re-hash one government's chain; the new last hash and seq."""
    last_seq, last_hash, new_prev, batch = 0, GENESIS_HASH, GENESIS_HASH, []
    events = audit_event.objects.filter(government_id=government_id).order_by("seq")
    for event in events.iterator(chunk_size=BATCH):
        if (event.seq, event.prev_hash) != (last_seq + 1, last_hash) or (
            _legacy_hash(event) != event.hash
        ):
            raise RuntimeError(
                f"audit chain of government {government_id} is broken at seq {event.seq}: "
                "restore it from a backup before re-keying"
            )
        last_seq, last_hash = event.seq, event.hash
        event.prev_hash, event.key_id = new_prev, key_id
        event.hash = new_prev = event_hash(event)
        batch.append(event)
        if len(batch) == BATCH:
            audit_event.objects.bulk_update(batch, ["prev_hash", "hash", "key_id"])
            batch = []
    audit_event.objects.bulk_update(batch, ["prev_hash", "hash", "key_id"])
    return last_seq, last_hash, new_prev


def chains_rekey(apps, schema_editor):
    audit_event = apps.get_model("audit", "AuditEvent")
    chain_head = apps.get_model("audit", "AuditChainHead")
    _guard.triggers_drop(apps, schema_editor)
    key_id = current_key_id()
    government_ids = audit_event.objects.values_list("government_id", flat=True)
    for government_id in sorted(set(government_ids.distinct().order_by())):
        last_seq, last_hash, new_hash = _chain_rekey(audit_event, government_id, key_id)
        heads = chain_head.objects.filter(government_id=government_id)
        if heads.filter(last_seq=last_seq, last_hash=last_hash).update(last_hash=new_hash) != 1:
            raise RuntimeError(
                f"audit chain head of government {government_id} does not name its last event"
            )
    _guard.triggers_create(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_append_only_triggers"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="key_id",
            field=models.CharField(default="", max_length=32),
            preserve_default=False,
        ),
        migrations.RunPython(chains_rekey, migrations.RunPython.noop),
    ]
