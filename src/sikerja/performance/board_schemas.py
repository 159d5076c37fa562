"""Output schemas of the agency dashboard in API v1 (no logic)."""

from __future__ import annotations

from ninja import Schema


class DashboardUnitOut(Schema):
    unit_id: int
    name: str
    depth: int
    children: int
    level: str | None
    counts: dict[str, int]
    shares: dict[str, float]
    holds: bool | None
    breaches: list[str]
    skps: int
    skps_approved: int
    ratings_drafted: int
    ratings_signed: int


class DashboardOut(Schema):
    agency_id: int
    agency_name: str
    year: int
    period_kind: str
    period_index: int
    rule: str
    citation: str
    unit_id: int
    offset: int
    limit: int
    children: int
    units: list[DashboardUnitOut]
