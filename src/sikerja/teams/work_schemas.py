"""API v1 schemas of a team's work: evidence, plans, progress, feedback, monitoring, obstacles."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class EvidenceOut(Schema):
    id: int
    team_id: int
    original_name: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: dt.datetime
    owner_kind: str
    owner_id: int | None
