"""The pemda's regional head (Bupati / Wali Kota), recorded through the service (ADR 0008)."""

from __future__ import annotations

import datetime as dt

from sikerja.organization.models import Employee
from sikerja.organization.services_regional_head import regional_head_set
from tests.assignments.flow import NOW
from tests.organization.builders import Org


def regional_head(org: Org, name: str = "Hendra Wijaya") -> Employee:
    """Record the regional head of the test pemda: a Pejabat Negara with no NIP."""
    return regional_head_set(
        actor=org.actor,
        government=org.government,
        identifier="PN-KDH-0001",
        name=name,
        gender="L",
        birth_date=dt.date(1970, 5, 17),
        at=NOW,
    )
