"""The typed parameters of the unit head's duties over the unit's work: distributing it evenly
(V-61) and proposing training for the competence gaps it shows (V-62)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

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
