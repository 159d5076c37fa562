"""Thin HTML views of the organisation: agencies with their unit tree and kedudukan, employees.

Each view parses its input, makes one page call and renders the result; scoping happens in the
selectors behind the page calls, and a missing or hidden object is a 404 either way.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from sikerja.core.errors import NotFound
from sikerja.organization.forms import DayForm, EmployeeSearchForm
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.panels import employee_panels
from sikerja.organization.rules import Viewer
from sikerja.organization.views import agency_page, pages


@require_GET
@viewer_required
def agency_list(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Organisasi: the agencies the viewer sees."""
    agencies = pages.agency_list_page(viewer)
    return render_page(
        request, viewer, "organization/agency_list.html", agencies=agencies, nav="organisation"
    )


@require_GET
@viewer_required
def agency_detail(request: HttpRequest, viewer: Viewer, agency_id: int) -> HttpResponse:
    """One agency on the chosen day (?on=YYYY-MM-DD): the chosen unit (?unit=id), the path above
    it and the units below it, a unit search by name (?q=), and one page of kedudukan."""
    day = today()
    form = DayForm.from_query(request.GET, day)
    search = EmployeeSearchForm(request.GET)
    unit = request.GET.get("unit", "")
    unit_id = int(unit) if unit.isdigit() else None
    kept = agency_page.agency_view(viewer, agency_id, form.day(day), unit_id, search.query())
    return render_page(
        request,
        viewer,
        "organization/agency_detail.html",
        page=kept.page,
        view=kept.html,
        form=form,
        search=search,
        nav="organisation",
    )


@require_GET
@viewer_required
def agency_counts(request: HttpRequest, viewer: Viewer, agency_id: int) -> HttpResponse:
    """The JF and Pelaksana below each child of the chosen unit (?unit=id) on the day (?on=),
    which the agency page loads right after itself when the unit holds more than a page of
    them: to htmx the counts alone (the page swaps them in), to a browser without scripts a
    page of its own."""
    day = today()
    form = DayForm.from_query(request.GET, day)
    unit = request.GET.get("unit", "")
    if not unit.isdigit():
        raise NotFound()
    kept = agency_page.agency_counts_view(viewer, agency_id, form.day(day), int(unit))
    if request.headers.get("HX-Request") == "true":
        response = HttpResponse(kept.html)
    else:
        response = render_page(
            request,
            viewer,
            "organization/agency_counts.html",
            counts=kept.counts,
            view=kept.html,
            nav="organisation",
        )
    patch_vary_headers(response, ("HX-Request",))
    return response


@require_GET
@viewer_required
def employee_list(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Pegawai: the employees the viewer sees, searchable by name, paginated."""
    form = EmployeeSearchForm(request.GET)
    page = pages.employee_list_page(viewer, today(), form.query(), request.GET.get("page"))
    return render_page(
        request, viewer, "organization/employee_list.html", page=page, form=form, nav="employees"
    )


@require_GET
@viewer_required
def employee_detail(request: HttpRequest, viewer: Viewer, employee_id: int) -> HttpResponse:
    """One employee: identity, Pejabat Penilai Kinerja and the other roles, history, and the
    panels other apps add (`panels`: each scoped by its own app's rules)."""
    on = today()
    page = pages.employee_page(viewer, employee_id, on)
    nav = "profile" if employee_id == viewer.employee_id else "employees"
    shown = employee_panels(viewer=viewer, employee_id=page.employee.employee_id, on=on)
    return render_page(
        request, viewer, "organization/employee_detail.html", page=page, nav=nav, panels=shown
    )
