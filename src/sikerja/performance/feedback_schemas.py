"""Input and output schemas of the API of RHK feedback and evidence (no logic)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema

PeriodKind = Literal["MONTHLY", "QUARTERLY", "SEMESTER", "ANNUAL"]


class FeedbackIn(Schema):
    """Feedback on an RHK, about the year or one period of it (both or neither)."""

    text: str = Field(max_length=4000)
    period_kind: PeriodKind | None = None
    period_index: int | None = Field(default=None, ge=1, le=12)


class AcknowledgeIn(Schema):
    reply: str = Field(default="", max_length=4000)


class FeedbackOut(Schema):
    id: int
    skp_id: int
    rhk_id: int
    period_kind: str
    period_index: int | None
    text: str
    given_by_id: int
    giver_role: str
    giver_rule: str
    giver_citation: str
    given_at: dt.datetime
    acknowledged_at: dt.datetime | None
    reply: str


class RhkEvidenceOut(Schema):
    id: int
    skp_id: int
    rhk_id: int
    period_kind: str
    period_index: int | None
    original_name: str
    content_type: str
    size: int
    sha256: str
    uploaded_by_id: int
    uploaded_at: dt.datetime
