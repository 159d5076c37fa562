"""Request bodies the API tests share."""

from __future__ import annotations

import datetime as dt

from sikerja.organization.models import Placement


def current_position(employee, on: dt.date):
    """The position of the employee's definitive placement on the day."""
    return Placement.objects.effective_on(on).get(employee=employee, kind="DEFINITIVE").position


def plh_body(persona, today: dt.date) -> dict[str, object]:
    """The subkoordinator as Plh. of the kabid's position for two weeks (allowed by every rule)."""
    return {
        "nip": persona("subkoordinator").nip,
        "position_id": current_position(persona("kabid"), today).pk,
        "kind": "PLH",
        "valid_from": today.isoformat(),
        "valid_to": (today + dt.timedelta(days=14)).isoformat(),
        "decision_number": "800/12/BKPSDM/2026",
        "decision_date": today.isoformat(),
        "decided_by": "Wali Kota Surakarta",
    }
