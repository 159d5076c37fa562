"""Input and output schemas of the training-need proposals API (V-62; no logic)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema

TEXT = 2000


class TrainingProposalIn(Schema):
    """A proposal for one person of the unit (named by NIP) and some of their gaps."""

    unit_id: int
    nip: str = Field(min_length=1, max_length=18)
    competencies: list[str] = Field(min_length=1, max_length=20)
    reason: str = Field(max_length=TEXT)


class TrainingDecisionIn(Schema):
    """BKPSDM's decision: `schedule` (date and programme) or `decline` (reason)."""

    decision: Literal["schedule", "decline"]
    scheduled_on: dt.date | None = None
    programme: str = Field(default="", max_length=300)
    reason: str = Field(default="", max_length=TEXT)


class TrainingProposalOut(Schema):
    """A proposal with its decision, as the list and the writes answer it."""

    id: int
    unit_id: int
    unit_name: str = Field(alias="unit.name")
    employee_id: int
    employee_name: str = Field(alias="employee.name")
    competencies: list[str]
    reason: str
    proposed_by_id: int
    proposed_on: dt.date
    rule: str
    citation: str
    status: str
    decided_at: dt.datetime | None
    scheduled_on: dt.date | None
    programme: str
    decline_reason: str
