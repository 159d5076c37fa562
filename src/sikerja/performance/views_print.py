"""The printable SKP and dokumen evaluasi kinerja as PDF downloads (pages and API alike): for
whoever may see the SKP, 404 for anyone else; the ETag is the document's SHA-256, so a client
holding it gets 304 without the PDF being typeset again."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.views.decorators.http import require_safe

from sikerja.organization.http import today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.performance import printing
from sikerja.performance.printing import PrintedDocument


def pdf_response(request: HttpRequest, document: PrintedDocument) -> HttpResponse:
    """The document as a PDF attachment, or 304 when the client already holds this one."""
    held = request.headers.get("If-None-Match", "").strip().removeprefix("W/").strip('"')
    response: HttpResponse
    if held == document.etag:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(printing.document_pdf(document), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    response["ETag"] = f'"{document.etag}"'
    # Who may read it can change: a private cache revalidates each time.
    response["Cache-Control"] = "private, no-cache"
    return response


@require_safe
@viewer_required
def skp_pdf(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Cetak SKP: the SKP in the official layout."""
    return pdf_response(request, printing.skp_document(viewer=viewer, skp_id=pk, on=today()))


@require_safe
@viewer_required
def evaluation_pdf(request: HttpRequest, viewer: Viewer, rating_id: int) -> HttpResponse:
    """Cetak dokumen evaluasi kinerja of one rating."""
    document = printing.evaluation_document(viewer=viewer, rating_id=rating_id, on=today())
    return pdf_response(request, document)
