"""Impor/ekspor data organisasi for BKPSDM operators: template, upload (imported in the
background, its progress followed by the page), export. Everyone else gets a 404 (the page does
not exist for them)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_GET

from sikerja.core.errors import DomainError
from sikerja.organization.forms import UploadForm
from sikerja.organization.http import render_page, viewer_required
from sikerja.organization.rules import Viewer, may_transfer
from sikerja.organization.transfer import (
    Sheet,
    export_xlsx,
    template_csv,
    template_xlsx,
)
from sikerja.organization.transfer.jobs import import_job_for, import_job_queue
from sikerja.organization.transfer.worker import job_thread_start

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
    """The import page: template links, the upload form, and the latest import (its progress,
    then every bad row or what was written). An accepted upload redirects here."""
    _operator(viewer)
    form = UploadForm(request.POST or None, request.FILES or None)
    error = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = import_job_queue(
                actor=viewer.actor,
                government=viewer.government,
                data=upload.read(),
                filename=upload.name,
                language=translation.get_language() or "",
                on=timezone.localdate(),
                at=timezone.now(),
                start=job_thread_start if settings.IMPORT_WORKER == "thread" else None,
            )
        except DomainError as exc:
            error = exc
        else:
            return redirect(f"{reverse('web:transfer')}?job={job.pk}")
    job_id = request.GET.get("job", "")
    return render_page(
        request,
        viewer,
        "organization/transfer.html",
        status=error.status if error is not None else 200,
        form=form,
        job=import_job_for(viewer, int(job_id) if job_id.isdigit() else None),
        error=error,
        sheets=list(Sheet),
        nav="transfer",
    )


@require_GET
@viewer_required
def transfer_job(request: HttpRequest, viewer: Viewer, job_id: int) -> HttpResponse:
    """One import's progress and outcome, the fragment the import page polls (htmx)."""
    _operator(viewer)
    job = import_job_for(viewer, job_id)
    if job is None:
        raise Http404
    return render_page(request, viewer, "organization/includes/import_job.html", job=job)


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
    chosen = Sheet.named(sheet)
    if chosen is None:
        raise Http404
    return _download(template_csv(chosen), f"templat-{chosen.label}.csv", "text/csv; charset=utf-8")


@require_GET
@viewer_required
def export_workbook(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The government's organisation and employees in the template's columns."""
    _operator(viewer)
    filename = f"sikerja-{viewer.government.kode.lower()}-{timezone.localdate().isoformat()}.xlsx"
    return _download(export_xlsx(government=viewer.government), filename, XLSX)
