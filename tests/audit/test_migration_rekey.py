"""Migration 0003 re-keys chains written before keying, and refuses to re-key a broken one;
migration 0004 (request ids) then leaves the keyed chains verifying as they are."""

import hashlib
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sikerja.audit.hashing import GENESIS_HASH, canonical_json
from sikerja.audit.models import AuditEvent
from sikerja.audit.selectors import chain_verify
from tests.audit.factories import GOVERNMENT_ID, OTHER_GOVERNMENT_ID

BEFORE = [("audit", "0002_append_only_triggers")]
AFTER = [("audit", "0004_event_request_id")]
AT = datetime(2025, 1, 2, 1, 0, tzinfo=UTC)


def _legacy_chain(apps, government_id: int, events: int) -> None:
    """Events as the unkeyed chain wrote them (plain SHA-256), with their chain head."""
    event_model = apps.get_model("audit", "AuditEvent")
    prev = GENESIS_HASH
    for seq in range(1, events + 1):
        fields = {
            "government_id": government_id,
            "seq": seq,
            "at": AT.isoformat(),
            "actor_user_id": 7,
            "actor_label": "kabid",
            "action": "placement.created",
            "object_type": "organization.placement",
            "object_id": f"test-{seq}",
            "before": {},
            "after": {"seq": seq},
            "rule": "",
            "citation": "",
        }
        digest = hashlib.sha256((prev + canonical_json(fields)).encode()).hexdigest()
        event_model.objects.create(**fields, prev_hash=prev, hash=digest)
        prev = digest
    apps.get_model("audit", "AuditChainHead").objects.create(
        government_id=government_id, last_seq=events, last_hash=prev
    )


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_a_migrated_chain_verifies_under_the_current_key():
    apps = _migrate(BEFORE)
    _legacy_chain(apps, GOVERNMENT_ID, 3)
    _legacy_chain(apps, OTHER_GOVERNMENT_ID, 1)

    _migrate(AFTER)

    keyed = AuditEvent.objects.filter(government_id__in=[GOVERNMENT_ID, OTHER_GOVERNMENT_ID])
    assert set(keyed.values_list("key_id", flat=True)) == {"1"}
    assert chain_verify() == []


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_a_broken_chain_is_not_re_keyed():
    apps = _migrate(BEFORE)
    _legacy_chain(apps, GOVERNMENT_ID, 2)
    heads = apps.get_model("audit", "AuditChainHead").objects.filter(government_id=GOVERNMENT_ID)
    heads.update(last_seq=1)

    with pytest.raises(RuntimeError, match=f"head of government {GOVERNMENT_ID} does not name"):
        _migrate(AFTER)

    heads.update(last_seq=2)  # repaired, the migration runs (and leaves the schema complete)
    _migrate(AFTER)
    assert chain_verify(government_id=GOVERNMENT_ID) == []
