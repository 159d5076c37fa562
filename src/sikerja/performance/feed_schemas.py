"""Input and output schemas of the feed's API: proposed RHK and angka kredit (no logic)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema


class ProposalOut(Schema):
    """An RHK proposed by an accepted penugasan or a team membership."""

    id: int
    employee_id: int
    year: int
    source: str
    source_id: int
    role: str
    title: str
    target: str
    starts_on: dt.date
    ends_on: dt.date
    status: str
    appraiser_id: int | None
    appraiser_rule: str
    appraiser_citation: str
    skp_id: int | None
    rhk_id: int | None
    decided_by_id: int | None
    decided_at: dt.datetime | None
    decline_reason: str


class ProposalDecisionIn(Schema):
    decision: Literal["accept", "decline"]
    reason: str = Field(default="", max_length=4000)


class CreditRowOut(Schema):
    rating_id: int
    period_kind: str
    period_index: int
    predikat: str
    months: int
    credit: Decimal


class CreditOut(Schema):
    """The angka kredit of an SKP's signed ratings (SPEC §10.4), with the rule's citation."""

    grade: str
    coefficient: Decimal | None
    rows: list[CreditRowOut]
    yearly: Decimal | None
    rule: str
    citation: str


class ConsiderationIn(Schema):
    kind: Literal["KEPALA_BAGIAN", "LEAD"]
    given_by_id: int
    text: str = Field(max_length=4000)


class ConsiderationOut(Schema):
    id: int
    rating_id: int
    kind: str
    given_by_id: int
    text: str
    recorded_by_id: int
    recorded_at: dt.datetime


class ActivityItemIn(Schema):
    rhk_id: int
    item: str = Field(max_length=300)
    target: str = Field(max_length=120)


class ActivityItemOut(Schema):
    id: int
    rhk_id: int
    item: str
    target: str
    dialogue_id: int | None
    set_by_id: int
    set_on: dt.date


class RoleIndicatorIn(Schema):
    task: str = Field(max_length=300)
    indicator: str = Field(max_length=300)
    target: str = Field(max_length=120)


class RoleAgreementIn(Schema):
    """The PK of the team's lead or Pengendali for a year (V-27a)."""

    role: Literal["LEAD", "PENGENDALI"]
    year: int = Field(ge=2000, le=2100)
    indicators: list[RoleIndicatorIn] = Field(default=[], max_length=50)


class RoleAgreementOut(Schema):
    id: int
    team_id: int
    role: str
    employee_id: int
    year: int
    version: int
    set_by_id: int
    set_on: dt.date
    setter_rule: str
    setter_citation: str
    indicators: list[RoleIndicatorIn]


class DeclaredResultOut(Schema):
    """A team result of the unit declared complete and on target (SPEC §10.3 item 4)."""

    id: int
    team_id: int
    team_name: str
    activity_ref: str
    results: str
    declared_by_id: int | None
    declared_at: dt.datetime | None
    statement: str

    @staticmethod
    def resolve_team_name(obj: object) -> str:
        return str(obj.team.name)  # type: ignore[attr-defined]

    @staticmethod
    def resolve_activity_ref(obj: object) -> str:
        return str(obj.team.activity_ref)  # type: ignore[attr-defined]
