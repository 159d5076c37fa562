"""Typed parameters of continuous feedback on an employee's work results (PermenPANRB 6/2022,
stage 2: pelaksanaan, pemantauan dan pembinaan kinerja): who gives it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sikerja.regulations.schema.base import RuleParams

FeedbackGiver = Literal["appraiser", "team_lead"]


class FeedbackRules(RuleParams):
    """P-FEEDBACK: the officials who give feedback on an RHK at any time of the year: the
    employee's appraiser of record on the day (`appraiser`, a delegate included) and, for an RHK
    a team fed, that team's lead (`team_lead`)."""

    by: tuple[FeedbackGiver, ...] = Field(min_length=1)
    source: str = ""


FEEDBACK_PARAMS: dict[str, type[RuleParams]] = {"P-FEEDBACK": FeedbackRules}
