"""What every team service shares: the audit event and written justifications (PREFERRED)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from sikerja.audit.services import event_record
from sikerja.core.errors import ValidationFailed
from sikerja.organization.models import Employee
from sikerja.teams.models import Team
from sikerja.workflows.errors import WorkflowErrorCode
from sikerja.workflows.hooks import RuleWarning


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


def justify(warnings: list[RuleWarning], justification: str) -> list[dict[str, str]]:
    """A PREFERRED rule not met needs a written justification, recorded with the team."""
    if not warnings:
        return []
    if not justification.strip():
        raise ValidationFailed(
            code=WorkflowErrorCode.JUSTIFICATION_REQUIRED,
            message=" ".join(w.message for w in warnings),
            rule=warnings[0].rule,
            citation=warnings[0].citation,
            fields={
                "justification": _("Tuliskan alasan menyimpang dari ketentuan yang diutamakan.")
            },
        )
    return [
        {
            "rule": w.rule,
            "citation": w.citation,
            "message": w.message,
            "justification": justification.strip(),
        }
        for w in warnings
    ]
