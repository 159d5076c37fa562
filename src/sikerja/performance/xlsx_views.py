"""Thin HTML views of the XLSX interoperability: the export of the SKP and ratings a viewer may
see (e-Kinerja's columns), and the import of last year's PK and RHK for BKPSDM operators (the
page does not exist for anyone else), refused whole with every bad row named."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from sikerja.core.errors import DomainError
from sikerja.organization.forms import UploadForm
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer, may_transfer
from sikerja.performance.xlsx import export_performance_xlsx, import_performance_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NAV = "performance"


@require_GET
@viewer_required
def performance_export(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The SKP and ratings of a year that the viewer may see, as XLSX."""
    try:
        year = int(request.GET.get("year") or today().year)
    except ValueError:
        raise Http404 from None
    content = export_performance_xlsx(viewer=viewer, year=year, on=today())
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="kinerja-{year}.xlsx"'
    return response


@require_http_methods(["GET", "POST"])
@viewer_required
def performance_import(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Upload last year's PK and RHK (XLSX): all or nothing, every bad row named."""
    if not may_transfer(viewer):
        raise Http404
    form = UploadForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"form": form, "nav": NAV}
    status = 200
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            context["counts"] = import_performance_xlsx(
                actor=viewer.actor,
                government=viewer.government,
                data=upload.read(),
                filename=upload.name,
                at=timezone.now(),
                on=today(),
            )
        except DomainError as error:
            context["error"] = error
            status = error.status
    elif request.method == "POST":
        status = 400
    return render_page(request, viewer, "performance/import.html", status, **context)
