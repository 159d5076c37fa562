"""Typed parameters of the appraisal inputs a pack may require: the Kepala Bagian's
consideration of a Setda JF Ahli Madya (V-46) and the dialogue before the targets of JF activity
items (V-60)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sikerja.regulations.schema.base import RuleParams
from sikerja.regulations.schema.enums import Grade, UnitType


class SetdaMadyaConsideration(RuleParams):
    """V-46: a JF of `grade` in an agency of `agency_type` is appraised after the consideration
    of the head of the unit of type `consideration_by` for its field."""

    agency_type: str = Field(min_length=1)
    grade: Grade
    consideration_by: UnitType
    report_route: tuple[str, ...] = ()


class DialogueBeforeTarget(RuleParams):
    """V-60: the target of a JF activity item is set only after a performance dialogue."""

    dialogue_before_target: bool = True


APPRAISAL_PARAMS: dict[str, type[RuleParams]] = {
    "V-46": SetdaMadyaConsideration,
    "V-60": DialogueBeforeTarget,
}


class RolePerformanceAgreement(RuleParams):
    """V-27a: the roles that sign a Perjanjian Kinerja of their own (a team lead, a Pengendali),
    and whether it must carry indicators."""

    applies_to: tuple[Literal["team_lead", "pengendali"], ...] = Field(min_length=1)
    indicators_required: bool = True


APPRAISAL_PARAMS["V-27a"] = RolePerformanceAgreement
