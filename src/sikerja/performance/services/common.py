"""What every performance service shares: the audit event and the acting employee's pack."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sikerja.audit.services import event_record
from sikerja.organization.models import Employee


def audit(
    government_id: int,
    by: Employee,
    action: str,
    target: tuple[str, int],
    at: dt.datetime,
    *,
    after: dict[str, Any] | None = None,
    before: dict[str, Any] | None = None,
    rule: str = "",
    citation: str = "",
) -> None:
    """Append the performance record's audit event."""
    event_record(
        government_id=government_id,
        actor_user_id=by.user_id,
        actor_label=by.nip,
        action=action,
        object_type=target[0],
        object_id=str(target[1]),
        at=at,
        before=before,
        after=after,
        rule=rule,
        citation=citation,
    )
