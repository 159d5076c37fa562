"""What a unit head fills in to form a team (validated by the services, at the domain's edge)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class SubActivity:
    """A sub kegiatan the team works on, and who holds it (V-09, V-10)."""

    name: str
    holder_id: int | None = None


@dataclass
class TeamInput:
    """A team's proposal: purpose, period, lead (or candidates), members, and the records the
    pack asks for (activity PK, sub-activities, workload analysis, composition basis)."""

    name: str
    purpose: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    lead_id: int | None = None
    candidate_ids: list[int] = field(default_factory=list)
    member_ids: list[int] = field(default_factory=list)
    responsibilities: dict[int, str] = field(default_factory=dict)
    activity_ref: str = ""
    sub_activities: list[SubActivity] = field(default_factory=list)
    cascaded_from: str = ""
    composition_basis: str = ""
    competencies: list[str] = field(default_factory=list)
    expected_target: str = ""
    appraiser_consideration: str = ""
    lead_role_abk: Decimal | None = None
    abk_reference: str = ""
    pengendali_id: int | None = None
    pengendali_activity: str = ""
    justification: str = ""
