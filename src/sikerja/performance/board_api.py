"""API v1 of the agency performance dashboard (predikat per unit for a period, each unit's
level, whether its curve holds, the progress of SKP approval and ratings; a unit's subtree and
one page of its children at a time) and of the XLSX
interoperability (export of SKP and ratings, import of last year's PK and RHK)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import File, Query, Router, Schema, Status, UploadedFile
from pydantic import Field

from sikerja.core.schemas import READ_ERRORS, read_answers, write_answers
from sikerja.organization.http import viewer_of
from sikerja.performance.board import Period
from sikerja.performance.board_schemas import DashboardOut
from sikerja.performance.dashboard import MAX_PAGE, PAGE, AgencyDashboard, agency_dashboard_for
from sikerja.performance.xlsx import export_performance_xlsx, import_performance_xlsx

router = Router(tags=["pengelolaan kinerja"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PeriodQuery(Schema):
    year: int | None = None
    period_kind: Literal["MONTHLY", "QUARTERLY", "SEMESTER", "ANNUAL"] = "QUARTERLY"
    period_index: int = 1


class DashboardQuery(PeriodQuery):
    """The period, and the unit whose subtree is counted (the agency's root unless given)
    with one page of its children."""

    unit_id: int | None = None
    offset: Annotated[int, Field(ge=0)] = 0
    limit: Annotated[int, Field(ge=1, le=MAX_PAGE)] = PAGE


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
        "unit_id": dashboard.unit.unit_id,
        "offset": dashboard.offset,
        "limit": dashboard.limit,
        "children": dashboard.unit.children,
        "units": [
            {
                "unit_id": row.unit_id,
                "name": row.name,
                "depth": row.depth,
                "children": row.children,
                "level": row.level,
                "counts": {value: count for value, _label, count, _share, _pct in row.shares},
                "shares": {value: round(share, 2) for value, _label, _n, share, _pct in row.shares},
                "holds": row.holds,
                "breaches": row.breaches,
                "skps": row.skps,
                "skps_approved": row.approved,
                "ratings_drafted": row.drafted,
                "ratings_signed": row.signed,
            }
            for row in dashboard.all_rows
        ],
    }


@router.get(
    "/performance/agencies/{agency_id}/dashboard",
    response=read_answers(DashboardOut),
    summary=(
        "Predikat kinerja satu unit perangkat daerah (akarnya bila unit_id kosong) dan satu "
        "halaman sub-unitnya untuk satu periode"
    ),
)
def agency_dashboard(request: HttpRequest, agency_id: int, query: Query[DashboardQuery]) -> Any:
    year = query.year or timezone.localdate().year
    period = Period(year, query.period_kind, query.period_index)
    dashboard = agency_dashboard_for(
        viewer=viewer_of(request),
        agency_id=agency_id,
        period=period,
        unit_id=query.unit_id,
        offset=query.offset,
        limit=query.limit,
    )
    return _answer(dashboard)


class ImportOut(Schema):
    pk: int
    skp: int
    rhk: int


XLSX_ANSWER = {
    "responses": {
        "200": {
            "description": "XLSX",
            "content": {XLSX: {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}


@router.get(
    "/performance/exports/kinerja.xlsx",
    response=READ_ERRORS,
    openapi_extra=XLSX_ANSWER,
    summary="Ekspor SKP dan penilaian satu tahun yang boleh saya lihat (kolom e-Kinerja)",
)
def performance_export(request: HttpRequest, year: int | None = None) -> HttpResponse:
    on = timezone.localdate()
    chosen = year or on.year
    content = export_performance_xlsx(viewer=viewer_of(request), year=chosen, on=on)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="kinerja-{chosen}.xlsx"'
    return response


@router.post(
    "/performance/imports",
    response=write_answers(201, ImportOut),
    summary="Impor PK dan RHK tahun lalu dari XLSX (operator BKPSDM; semua atau tidak sama sekali)",
)
def performance_import(request: HttpRequest, file: File[UploadedFile]) -> Status[Any]:
    viewer = viewer_of(request)
    counts = import_performance_xlsx(
        actor=viewer.actor,
        government=viewer.government,
        data=file.read(),
        filename=file.name or "",
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return Status(201, counts)
