"""A rule of a pack: SPEC id, strength, citations and parameters.

The parameters that code reads are typed: `RULE_PARAMS` maps a rule id to the model its
`params` must satisfy (unknown keys refused), so a typo fails when the pack loads, naming the
rule and the field. Other rules keep free-form parameters: data shown to people, read by no code.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.appraisal import APPRAISAL_PARAMS
from sikerja.regulations.schema.base import RuleParams
from sikerja.regulations.schema.credit import CREDIT_PARAMS
from sikerja.regulations.schema.enums import Grade, PositionKind, Strength, with_one_level_up
from sikerja.regulations.schema.feedback import FEEDBACK_PARAMS
from sikerja.regulations.schema.objection import OBJECTION_PARAMS
from sikerja.regulations.schema.performance import PERFORMANCE_PARAMS
from sikerja.regulations.schema.workload import WORKLOAD_PARAMS


class PppkPositions(RuleParams):
    """V-47: the position kinds a PPPK may hold."""

    employment_type: Literal["PPPK"]
    allowed_kinds: tuple[PositionKind, ...] = Field(min_length=1)


class Delegates(RuleParams):
    """V-41, one grade: to whom its performance management may be delegated, and the article."""

    to: tuple[PositionKind, ...] = Field(min_length=1)
    one_level_up: bool = Field(
        default=False,
        description="also the position kind directly above each of `to` (exact, nothing higher)",
    )
    citation: Citation

    def admitted_kinds(self) -> frozenset[PositionKind]:
        """The delegate kinds this grade admits."""
        return with_one_level_up(self.to, one_level_up=self.one_level_up)


class DelegationByGrade(RuleParams):
    """V-41: delegation of JF performance management by grade (Blitar Pasal 17)."""

    delegator: PositionKind
    not_delegable: tuple[Grade, ...] = ()
    delegable: dict[Grade, Delegates] = Field(default_factory=dict)
    pelaksana_superior: PositionKind
    pelaksana_two_levels_up_when_absent: bool = False

    def delegates_for(self, grade: str) -> Delegates | None:
        """The delegation rule of one grade (None: the pack sets none for it)."""
        return self.delegable.get(Grade(grade)) if grade in Grade.__members__ else None


class ReportInterval(RuleParams):
    """V-52: to whom the lead reports periodically, and every how many months."""

    to: tuple[str, ...] = Field(min_length=1)
    default_interval_months: Literal[1, 3]


RULE_PARAMS: dict[str, type[RuleParams]] = {
    "V-41": DelegationByGrade,
    "V-47": PppkPositions,
    "V-52": ReportInterval,
    **PERFORMANCE_PARAMS,
    **OBJECTION_PARAMS,
    **WORKLOAD_PARAMS,
    **CREDIT_PARAMS,
    **APPRAISAL_PARAMS,
    **FEEDBACK_PARAMS,
}


def _field_errors(rule_id: str, exc: ValidationError) -> str:
    parts = []
    for error in exc.errors()[:5]:
        location = ".".join(str(item) for item in ("params", *error["loc"]))
        parts.append(f"{location}: {error['msg']}")
    return f"rule {rule_id}: " + "; ".join(parts)


class Rule(BaseModel):
    """One rule of the pack: SPEC id, strength, citation, and its parameters."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^(V-\d+[a-z]?|WF-[A-Z0-9-]+|T-[A-Z0-9-]+|G\d+|P-[A-Z0-9-]+)$")
    strength: Strength
    title: str = Field(min_length=1, description="Indonesian summary shown to users")
    title_en: str = Field(min_length=1)
    citations: tuple[Citation, ...] = Field(min_length=1)
    product_decision: bool = False
    params: dict[str, Any] = Field(default_factory=dict)
    _typed: RuleParams | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _typed_params(self) -> Rule:
        """Validate the params of a rule code reads: when given, or when the rule binds."""
        model = RULE_PARAMS.get(self.id)
        if model is None or not (self.params or self.strength in {Strength.MUST, Strength.ONLY}):
            return self
        try:
            self._typed = model.model_validate(self.params)
        except ValidationError as exc:
            raise ValueError(_field_errors(self.id, exc)) from None
        return self

    @property
    def typed_params(self) -> RuleParams | None:
        """The validated parameters of a rule in RULE_PARAMS (None when the pack gives none)."""
        return self._typed
