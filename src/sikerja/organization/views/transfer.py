"""Impor/ekspor data organisasi for BKPSDM operators: template, upload with a full error report,
export. Everyone else gets a 404 (the page does not exist for them)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from sikerja.core.errors import DomainError
from sikerja.organization.forms import UploadForm
from sikerja.organization.http import render_page, viewer_required
from sikerja.organization.rules import Viewer, may_transfer
from sikerja.organization.transfer import (
    ImportRejected,
    Sheet,
    export_xlsx,
    import_file,
    template_csv,
    template_xlsx,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _operator(viewer: Viewer) -> None:
    """The page does not exist for anyone but BKPSDM operators (V-39)."""
    if not may_transfer(viewer):
        raise Http404


def _download(content: bytes | str, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@viewer_required
def transfer(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The import page: template links, the upload form, and the result or every bad row."""
    _operator(viewer)
    form = UploadForm(request.POST or None, request.FILES or None)
    result, rejected, error = None, None, None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = import_file(
                actor=viewer.actor,
                government=viewer.government,
                data=upload.read(),
                filename=upload.name,
                at=timezone.now(),
                on=timezone.localdate(),
            )
        except ImportRejected as exc:
            rejected = exc
        except DomainError as exc:
            error = exc
    return render_page(
        request,
        viewer,
        "organization/transfer.html",
        form=form,
        result=result,
        rejected=rejected,
        error=error,
        sheets=list(Sheet),
        nav="transfer",
    )


@require_GET
@viewer_required
def template_workbook(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The blank template (XLSX) with its 'petunjuk' sheet."""
    _operator(viewer)
    return _download(template_xlsx(), "templat-sikerja.xlsx", XLSX)


@require_GET
@viewer_required
def template_sheet(request: HttpRequest, viewer: Viewer, sheet: str) -> HttpResponse:
    """One blank CSV sheet of the template."""
    _operator(viewer)
    if sheet not in Sheet.__members__.values():
        raise Http404
    return _download(template_csv(Sheet(sheet)), f"templat-{sheet}.csv", "text/csv; charset=utf-8")


@require_GET
@viewer_required
def export_workbook(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The government's organisation and employees in the template's columns."""
    _operator(viewer)
    filename = f"sikerja-{viewer.government.kode.lower()}-{timezone.localdate().isoformat()}.xlsx"
    return _download(export_xlsx(government=viewer.government), filename, XLSX)
