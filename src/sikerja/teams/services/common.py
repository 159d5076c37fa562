"""What every team service shares: the audit event."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sikerja.audit.services import event_record
from sikerja.organization.models import Employee
from sikerja.teams.models import Team


def audit_team(
    team: Team,
    by: Employee | None,
    action: str,
    at: dt.datetime,
    *,
    after: dict[str, Any] | None = None,
    rule: str = "",
    citation: str = "",
) -> None:
    """Append the team's audit event (the system when no employee acted)."""
    event_record(
        government_id=team.government_id,
        actor_user_id=by.user_id if by else None,
        actor_label=by.nip if by else "system",
        action=action,
        object_type="teams.team",
        object_id=str(team.pk),
        at=at,
        after=after,
        rule=rule,
        citation=citation,
    )
