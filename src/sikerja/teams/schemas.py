"""Input and output schemas of the teams API (no logic beyond which NIPs an answer masks)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from sikerja.core.schemas import IsoDate
from sikerja.organization.schemas import listed_nip, viewer_in
from sikerja.regulations.schema.workflows import Decision
from sikerja.teams.models import Team, TeamMember

TEXT = 4000


class SubActivityIn(Schema):
    name: str = Field(max_length=250)
    holder_nip: str = Field(default="", max_length=18)


class TeamIn(Schema):
    """A team proposed by the caller for their unit (or a unit under it)."""

    name: str = Field(default="", max_length=250)
    purpose: str = Field(max_length=TEXT)
    starts_on: IsoDate | None = None
    ends_on: IsoDate | None = None
    owner_unit_id: int | None = None
    lead_nip: str = Field(default="", max_length=18)
    candidate_nips: list[str] = Field(default=[], max_length=10)
    member_nips: list[str] = Field(default=[], max_length=50)
    activity_ref: str = Field(default="", max_length=250)
    sub_activities: list[SubActivityIn] = Field(default=[], max_length=20)
    cascaded_from: str = Field(default="", max_length=250)
    composition_basis: str = Field(default="", max_length=TEXT)
    competencies: list[str] = Field(default=[], max_length=20)
    expected_target: str = Field(default="", max_length=TEXT)
    appraiser_consideration: str = Field(default="", max_length=TEXT)
    lead_role_abk: Decimal | None = Field(default=None, ge=0, le=99)
    abk_reference: str = Field(default="", max_length=250)
    pengendali_nip: str = Field(default="", max_length=18)
    pengendali_activity: str = Field(default="", max_length=250)
    justification: str = Field(default="", max_length=TEXT)


class TeamDecisionIn(Schema):
    decision: Decision
    reason: str = Field(default="", max_length=TEXT)
    lead_nip: str = Field(default="", max_length=18)
    member_nips: list[str] = Field(default=[], max_length=50)
    lead_input: str = Field(default="", max_length=TEXT)


class ReplaceMemberIn(Schema):
    old_nip: str = Field(max_length=18)
    new_nip: str = Field(max_length=18)
    reason: str = Field(max_length=TEXT)


class VacateLeadIn(Schema):
    vacant_on: IsoDate
    reason: str = Field(max_length=TEXT)


class FillLeadIn(Schema):
    lead_nip: str = Field(max_length=18)
    justification: str = Field(default="", max_length=TEXT)


class DissolveIn(Schema):
    reason: str = Field(max_length=TEXT)


class MemberOut(Schema):
    nip: str
    name: str = Field(alias="employee.full_name")
    role: TeamMember.Role
    status: TeamMember.Status
    responsibility: str
    valid_from: dt.date
    valid_to: dt.date | None

    @staticmethod
    def resolve_nip(obj: Any, context: dict[str, Any]) -> str:
        return listed_nip(viewer_in(context), obj.employee_id, obj.employee.nip)


class TeamStepOut(Schema):
    id: int = Field(alias="pk")
    key: str = Field(alias="step_key")
    label: str
    status: str
    actor_name: str
    actor_position: str
    decision: str
    reason: str


class TeamOut(Schema):
    id: int = Field(alias="team.pk")
    name: str = Field(alias="team.name")
    purpose: str = Field(alias="team.purpose")
    status: Team.Status = Field(alias="team.status")
    scope: Team.Scope = Field(alias="team.scope")
    instrument: Team.Instrument = Field(alias="team.instrument")
    owner_unit: str = Field(alias="team.owner_unit.name")
    activity_ref: str = Field(alias="team.activity_ref")
    starts_on: dt.date = Field(alias="team.starts_on")
    ends_on: dt.date = Field(alias="team.ends_on")
    set_on: dt.date | None = Field(alias="team.set_on")
    lead_vacant_since: dt.date | None = Field(alias="team.lead_vacant_since")
    lead_due_on: dt.date | None = Field(alias="team.lead_due_on")
    lead_overdue: bool
    formation_status: str
    members: list[MemberOut]
    steps: list[TeamStepOut]


class TeamRowOut(Schema):
    id: int
    name: str
    status: Team.Status
    scope: Team.Scope
    owner_unit: str = Field(alias="owner_unit.name")
    starts_on: dt.date
    ends_on: dt.date
