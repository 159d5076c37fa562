"""The unit head's workload page: who carries how much in the unit (V-61) and the training
needs that follow from competence gaps (V-62), as charts with their data tables.

Seen by whoever may see the unit (`organization.rules.may_see_unit`); anyone else gets 404.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from sikerja.core.errors import DomainError
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.teams import workload
from sikerja.teams.views.workload_chart import load_chart, needs_chart


@require_GET
@viewer_required
def workload_home(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The unit the viewer heads (several: the first, the others linked from its page); an
    operator, the auditor or the Sekda without one picks an agency; anyone else gets 404."""
    units = workload.units_headed_by(viewer)
    if units:
        return redirect("web:team-workload", units[0][0])
    if not viewer.sees_government:
        raise Http404
    roots = workload.agency_roots(viewer)
    return render_page(request, viewer, "teams/workload_pick.html", roots=roots, nav="workload")


@require_GET
@viewer_required
def unit_workload(request: HttpRequest, viewer: Viewer, unit_id: int) -> HttpResponse:
    """One unit's workload and training needs on the day (404 when hidden or missing)."""
    return workload_page(request, viewer, unit_id)


def workload_page(
    request: HttpRequest,
    viewer: Viewer,
    unit_id: int,
    *,
    error: DomainError | None = None,
    status: int = 200,
) -> HttpResponse:
    """The workload page of the unit, with a refusal of its proposal form when there is one."""
    page = workload.unit_workload(viewer=viewer, unit_id=unit_id, on=today())
    return render_page(
        request,
        viewer,
        "teams/workload.html",
        status=status,
        error=error,
        page=page,
        load=load_chart(page.people, page.mean_load, page.threshold_load, page.max_load),
        needs=needs_chart(page.training_needs),
        own_units=workload.units_headed_by(viewer),
        nav="workload",
    )
