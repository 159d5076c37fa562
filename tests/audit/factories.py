"""Builders for audit tests: record events through the service with plain defaults."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.db import connection

import sikerja.audit.services
from sikerja.audit.models import AuditEvent

AT = datetime(2025, 1, 2, 1, 0, tzinfo=UTC)
# Far above the seeded demo governments, whose services write audit events of their own.
GOVERNMENT_ID = 900_001
OTHER_GOVERNMENT_ID = 900_002
UNUSED_GOVERNMENT_ID = 900_009
OBJECT_ID = "test-42"


def event_record(**overrides: Any) -> AuditEvent:
    """Record one event, with defaults for every argument not given."""
    arguments: dict[str, Any] = {
        "government_id": GOVERNMENT_ID,
        "actor_user_id": 7,
        "actor_label": "kabid",
        "action": "placement.created",
        "object_type": "organization.placement",
        "object_id": OBJECT_ID,
        "at": AT,
    }
    arguments.update(overrides)
    return sikerja.audit.services.event_record(**arguments)


def append_only_guard_drop() -> None:
    """Drop the append-only triggers; the test's transaction rollback restores them."""
    with connection.cursor() as cursor:
        for trigger in ("audit_auditevent_no_update", "audit_auditevent_no_delete"):
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER {trigger} ON audit_auditevent")
            else:
                cursor.execute(f"DROP TRIGGER {trigger}")
