"""Input and output schemas of the performance API (no logic)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema

from sikerja.core.schemas import IsoDate

TEXT = 4000


class PkIndicatorIn(Schema):
    objective: str = Field(max_length=300)
    indicator: str = Field(max_length=300)
    target: str = Field(max_length=120)


class PkActivityIn(Schema):
    name: str = Field(max_length=300)
    assignment_type: Literal["INDIVIDUAL", "TEAM"]
    basis_refs: list[str] = Field(default=[], max_length=20)


class AgreementIn(Schema):
    """A unit's PK (kind UNIT, with indicators) or its unit activity PK (with activities)."""

    unit_id: int
    kind: Literal["UNIT", "UNIT_ACTIVITY"]
    year: int = Field(ge=2000, le=2100)
    indicators: list[PkIndicatorIn] = Field(default=[], max_length=100)
    activities: list[PkActivityIn] = Field(default=[], max_length=200)


class PkIndicatorOut(Schema):
    id: int
    objective: str
    indicator: str
    target: str


class PkActivityOut(Schema):
    name: str
    assignment_type: str
    basis_refs: list[str]


class AgreementOut(Schema):
    id: int
    unit_id: int
    kind: str
    year: int
    version: int
    head_id: int
    head_rule: str
    head_citation: str
    set_on: dt.date
    indicators: list[PkIndicatorOut]
    activities: list[PkActivityOut]


class SkpCreateIn(Schema):
    year: int = Field(ge=2000, le=2100)


class RhkIndicatorIn(Schema):
    text: str = Field(max_length=300)
    approach: str = Field(max_length=20)
    target: str = Field(max_length=120)


class RhkIn(Schema):
    """An RHK: main (cascaded from the appraiser's RHK, or the head's PK indicator) or
    additional."""

    kind: str = Field(max_length=20)
    text: str = Field(max_length=TEXT)
    indicators: list[RhkIndicatorIn] = Field(default=[], max_length=20)
    parent_id: int | None = None
    cascade: Literal["", "DIRECT", "INTERVENTION"] = ""
    pk_indicator_id: int | None = None


class ExpectationIn(Schema):
    core_value: str = Field(max_length=30)
    text: str = Field(max_length=TEXT)
    output: str = Field(default="", max_length=300)
    target: str = Field(default="", max_length=120)
    timeline: str = Field(default="", max_length=120)


class DialogueIn(Schema):
    held_on: IsoDate
    topic: str = Field(max_length=300)
    outcome: str = Field(max_length=TEXT)


class SkpDecisionIn(Schema):
    decision: Literal["approve", "return"]
    reason: str = Field(default="", max_length=TEXT)


class RhkIndicatorOut(Schema):
    text: str
    approach: str
    target: str


class RhkOut(Schema):
    id: int
    kind: str
    text: str
    parent_id: int | None
    cascade: str
    pk_indicator_id: int | None
    indicators: list[RhkIndicatorOut]


class ExpectationOut(Schema):
    core_value: str
    text: str
    output: str
    target: str
    timeline: str


class RatingRowOut(Schema):
    id: int
    period_kind: str
    period_index: int
    predikat: str
    status: str


class SkpRowOut(Schema):
    id: int
    employee_id: int
    position_id: int
    unit_id: int
    year: int
    starts_on: dt.date
    ends_on: dt.date
    status: str
    appraiser_id: int | None


class SkpOut(SkpRowOut):
    appraiser_rule: str
    appraiser_citation: str
    rhks: list[RhkOut]
    expectations: list[ExpectationOut]
    ratings: list[RatingRowOut]


class RatingIn(Schema):
    period_kind: Literal["MONTHLY", "QUARTERLY", "SEMESTER", "ANNUAL"]
    period_index: int = Field(ge=1, le=12)
    result_rating: Literal["DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI"]
    behaviour_rating: Literal["DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI"]
    note: str = Field(default="", max_length=TEXT)


class SignIn(Schema):
    justification: str = Field(default="", max_length=TEXT)


class CurveOut(Schema):
    """A unit's curve the rating counts in; `breaches` warn while drafted (SPEC §10.3)."""

    unit_id: int
    level: str
    counts: dict[str, int]
    breaches: list[str]
    rule: str
    citation: str


class RatingOut(Schema):
    id: int
    skp_id: int
    period_kind: str
    period_index: int
    period_start: dt.date
    period_end: dt.date
    result_rating: str
    behaviour_rating: str
    predikat: str
    status: str
    signed_by_id: int | None
    signed_at: dt.datetime | None
    appraiser_rule: str
    appraiser_citation: str
    curves: list[CurveOut] = []


class UnitLevelIn(Schema):
    unit_id: int
    year: int = Field(ge=2000, le=2100)
    period_kind: Literal["MONTHLY", "QUARTERLY", "SEMESTER", "ANNUAL"]
    period_index: int = Field(ge=1, le=12)
    level: Literal["ISTIMEWA", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"]
    recommendations: str = Field(default="", max_length=TEXT)


class UnitLevelOut(Schema):
    id: int
    unit_id: int
    year: int
    period_kind: str
    period_index: int
    level: str
    set_by_id: int
    setter_rule: str
    setter_citation: str
