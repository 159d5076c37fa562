"""Helpers for the pack-article refusal tests (no tests here): a refusal leaves nothing behind,
and the same position offered through the organisation import is refused alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import RuleViolation
from sikerja.organization.models import Delegation, Placement, Position
from sikerja.organization.transfer import ImportRejected, RowError, import_file
from tests.organization.builders import NOW, Org
from tests.organization.test_transfer_support import xlsx

ON = dt.date(2026, 11, 23)


def written(org: Org) -> dict[str, int]:
    """Rows a refused write must not add: positions, placements, delegations, audit events."""
    government_id = org.government.pk
    return {
        "positions": Position.objects.filter(government_id=government_id).count(),
        "placements": Placement.objects.filter(government_id=government_id).count(),
        "delegations": Delegation.objects.filter(government_id=government_id).count(),
        "audit": AuditEvent.objects.filter(government_id=government_id).count(),
    }


def refusal_of(org: Org, write: Callable[[], object]) -> RuleViolation:
    """The RuleViolation `write` raises; asserts that nothing was written or audited."""
    before = written(org)

    with pytest.raises(RuleViolation) as refused:
        write()

    assert written(org) == before
    return refused.value


def position_refusal(org: Org, unit: str, kind: str, grade: str = "") -> RuleViolation:
    """position_create of a JF or Pelaksana in `unit`, refused."""
    return refusal_of(org, lambda: org.position(unit, "Jabatan Uji", kind, grade))


def cited(error: RuleViolation | RowError) -> tuple[str, str, str]:
    """What every refusal test asserts: code, rule id and citation."""
    return (error.code, error.rule, error.citation)


def imported_position_refusal(org: Org, unit: str, **position: str) -> RowError:
    """Offer one position through the import; return its single refusal (nothing written)."""
    row = {"agency_code": org.units[unit].agency.code, "unit_name": org.units[unit].name}
    before = written(org)

    with pytest.raises(ImportRejected) as rejected:
        import_file(
            actor=org.actor,
            government=org.government,
            data=xlsx(position=[row | position]),
            filename="org.xlsx",
            at=NOW,
            on=ON,
        )

    assert written(org) == before
    [error] = rejected.value.errors
    assert (error.sheet, error.row, error.column) == ("position", 2, "unit_name")
    return error
