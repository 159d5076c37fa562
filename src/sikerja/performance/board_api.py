"""API v1 of the agency performance dashboard: predikat per unit for a period, each unit's
level, whether its curve holds, and the progress of SKP approval and ratings."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema

from sikerja.core.schemas import read_answers
from sikerja.organization.http import viewer_of
from sikerja.performance.board import Period
from sikerja.performance.board_schemas import DashboardOut
from sikerja.performance.dashboard import AgencyDashboard, agency_dashboard_for

router = Router(tags=["pengelolaan kinerja"])


class PeriodQuery(Schema):
    year: int | None = None
    period_kind: Literal["MONTHLY", "QUARTERLY", "SEMESTER", "ANNUAL"] = "QUARTERLY"
    period_index: int = 1


def _answer(dashboard: AgencyDashboard) -> dict[str, Any]:
    period = dashboard.period
    return {
        "agency_id": dashboard.agency.pk,
        "agency_name": dashboard.agency.name,
        "year": period.year,
        "period_kind": period.kind,
        "period_index": period.index,
        "rule": dashboard.rule,
        "citation": dashboard.citation,
        "units": [
            {
                "unit_id": row.unit_id,
                "name": row.name,
                "depth": row.depth,
                "level": row.level,
                "counts": {value: count for value, _label, count, _share in row.shares},
                "shares": {value: round(share, 2) for value, _label, _n, share in row.shares},
                "holds": row.holds,
                "breaches": row.breaches,
                "skps": row.skps,
                "skps_approved": row.approved,
                "ratings_drafted": row.drafted,
                "ratings_signed": row.signed,
            }
            for row in dashboard.rows
        ],
    }


@router.get(
    "/performance/agencies/{agency_id}/dashboard",
    response=read_answers(DashboardOut),
    summary="Predikat kinerja per unit satu perangkat daerah untuk satu periode",
)
def agency_dashboard(request: HttpRequest, agency_id: int, query: Query[PeriodQuery]) -> Any:
    year = query.year or timezone.localdate().year
    period = Period(year, query.period_kind, query.period_index)
    dashboard = agency_dashboard_for(viewer=viewer_of(request), agency_id=agency_id, period=period)
    return _answer(dashboard)
