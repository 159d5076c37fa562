"""The typed parameters of the unit head's duties over the unit's work: distributing it evenly
(V-61) and proposing training for the competence gaps it shows (V-62)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sikerja.regulations.schema.base import RuleParams


class EvenDistribution(RuleParams):
    """V-61: whose duty the even distribution of work is, and from which multiple of the unit's
    mean load a person's load is flagged as uneven [product decision on the threshold]."""

    duty_of: Literal["unit_head"]
    alert_threshold_ratio: Decimal = Field(gt=1, max_digits=4, decimal_places=2)


class TrainingNeeds(RuleParams):
    """V-62: to whom the training needs that follow from competence gaps are proposed."""

    proposal_to: Literal["hr_agency"]


WORKLOAD_PARAMS: dict[str, type[RuleParams]] = {
    "V-61": EvenDistribution,
    "V-62": TrainingNeeds,
}


class TrainingProposals(BaseModel):
    """The `[training]` table of a pack (`<id>.training.toml`): whether the unit workload page
    offers the training-need proposal of V-62 (a competence gap proposed to the HR agency, who
    schedules or declines it), and on what footing: the pack's V-62 where it binds (Blitar
    Pasal 29(2)), else a product decision stated in `note` and shown as such."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    offered: bool
    product_decision: bool = False
    note: str = ""
    note_en: str = ""

    @model_validator(mode="after")
    def _decision_explained(self) -> TrainingProposals:
        if self.product_decision and not (self.note and self.note_en):
            raise ValueError("training: a product decision states its note and note_en")
        return self
