"""Input and output schemas of the objection API and the printed documents (no logic)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema

TEXT = 4000


class ObjectionIn(Schema):
    """The employee's objection to their signed rating, with its reasons."""

    reason: str = Field(max_length=TEXT)


class ObjectionDecisionIn(Schema):
    """The deciding official's answer: `uphold` the predikat, or `change` it to `predikat`."""

    decision: Literal["uphold", "change"]
    reason: str = Field(max_length=TEXT)
    predikat: str = Field(default="", max_length=20)


class ObjectionOut(Schema):
    id: int
    rating_id: int
    employee_id: int
    reason: str
    filed_at: dt.datetime
    window_ends_on: dt.date
    status: str
    predikat_before: str
    predikat_after: str
    decision_reason: str
    decided_by_id: int | None
    decided_at: dt.datetime | None
    decider_rule: str
    decider_citation: str
