"""Public verification page of a letter, the PDF download for the letter's parties, and the
BKPSDM operator's kop surat page.

The verification page needs no login: anyone holding the paper (or the QR code) may check it.
It shows only what the letter itself shows, with the signer's NIP masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotModified,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from sikerja.core.errors import DomainError, NotFound
from sikerja.documents import letterheads, selectors
from sikerja.documents.files import letter_file_serve
from sikerja.documents.form import letter_name, letter_subject
from sikerja.documents.forms import LetterheadForm
from sikerja.documents.integrity import letter_is_intact
from sikerja.documents.models import Letter, Letterhead
from sikerja.documents.render import public_base_url
from sikerja.documents.rules import may_manage_letterhead
from sikerja.documents.selectors import LetterDownload
from sikerja.documents.wording import date_long, position_of
from sikerja.organization.http import render_page, viewer_required
from sikerja.organization.nip import mask_nip
from sikerja.organization.rules import Viewer

UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9.]+")  # "800.1.2.6/0001/DINKES/2026" -> 800.1.2.6-0001-…


@dataclass(frozen=True)
class VerifiedLetter:
    """What the public page shows of a letter."""

    letter: Letter
    is_revoked: bool
    revoked_on: str
    revocation_reason: str
    is_intact: bool
    issued_on: str
    doc_type: str
    subject: str
    issuer: str
    signer_name: str
    signer_position: str
    signer_nip: str

    @classmethod
    def of(cls, letter: Letter) -> VerifiedLetter:
        revocation = getattr(letter, "revocation", None)
        signer = letter.signer
        return cls(
            letter=letter,
            is_revoked=revocation is not None,
            revoked_on=date_long(timezone.localtime(revocation.at).date()) if revocation else "",
            revocation_reason=revocation.reason if revocation else "",
            is_intact=letter_is_intact(letter),
            issued_on=date_long(letter.issued_on),
            doc_type=letter_name(letter),
            subject=letter_subject(letter),
            issuer=letter.agency.name if letter.agency else str(signer.get("agency") or ""),
            signer_name=str(signer.get("name") or ""),
            signer_position=position_of(signer, acting=True),
            signer_nip=mask_nip(str(signer.get("nip") or "")) if signer.get("nip") else "",
        )


@require_safe
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Dokumen asli / Dicabut / Tidak ditemukan (404), for whoever holds the code."""
    try:
        letter = selectors.letter_get_by_code(code)
    except NotFound:
        return render(request, "documents/verify_missing.html", {"code": code}, status=404)
    return render(request, "documents/verify.html", {"page": VerifiedLetter.of(letter)})


@login_required
@require_safe
def letter_pdf_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The letter's PDF, for BKPSDM operators of its government and for its parties."""
    try:
        download = selectors.letter_get_for_download(
            letter_id=pk, user_id=request.user.pk or 0, base_url=public_base_url()
        )
    except NotFound as exc:
        raise Http404(exc.message) from exc
    try:
        return pdf_attachment(request, download)
    except DomainError as exc:
        return HttpResponse(str(exc.message), status=exc.status, content_type="text/plain")


def _etag_of(request: HttpRequest) -> str:
    """The SHA-256 the client already holds (If-None-Match: "<sha256>"), if any."""
    return request.headers.get("If-None-Match", "").strip().removeprefix("W/").strip('"')


def pdf_attachment(request: HttpRequest, download: LetterDownload) -> HttpResponse:
    """The letter's PDF as a download named after its number (for the page and the API), from
    file storage, with its SHA-256 as the ETag: 304 when the client already holds it.

    Raises DomainError `letter_file_corrupt` when the stored file fails its hash.
    """
    letter = download.letter
    pdf = letter_file_serve(
        letter=letter, stored=download.stored, at=timezone.now(), known_sha256=_etag_of(request)
    )
    response: HttpResponse
    if pdf.content is None:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(pdf.content, content_type="application/pdf")
        filename = (
            UNSAFE_FILENAME.sub("-", letter.number).strip("-.") or f"naskah-dinas-{letter.pk}"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    response["ETag"] = f'"{pdf.sha256}"'
    # The bytes never change, but who may read them can: a private cache revalidates each time.
    response["Cache-Control"] = "private, no-cache"
    return response


@viewer_required
def letterhead_page(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Kop surat: the BKPSDM operator sets the government's own letterhead (others: 404)."""
    actor = viewer.actor
    if not may_manage_letterhead(actor, viewer.government.pk):
        raise Http404
    if request.method != "POST":
        current = selectors.letterhead_current(government_id=viewer.government.pk)
        return _letterhead_render(request, viewer, LetterheadForm.of(current), current)
    form = LetterheadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            letterheads.letterhead_set(
                actor=actor,
                government_id=viewer.government.pk,
                values=form.values(),
                at=timezone.now(),
            )
        except DomainError as refusal:
            current = selectors.letterhead_current(government_id=viewer.government.pk)
            return _letterhead_render(request, viewer, form, current, refusal=refusal)
        messages.success(request, _("Kop surat disimpan; naskah dinas berikutnya memakainya."))
        return HttpResponseRedirect(reverse("documents:letterhead"))
    current = selectors.letterhead_current(government_id=viewer.government.pk)
    return _letterhead_render(request, viewer, form, current, status=400)


def _letterhead_render(
    request: HttpRequest,
    viewer: Viewer,
    form: LetterheadForm,
    current: Letterhead | None,
    status: int = 200,
    refusal: DomainError | None = None,
) -> HttpResponse:
    """The page; a refusal is shown above the form and beside the fields it names (400)."""
    for name, message in (refusal.fields if refusal else {}).items():
        if name in form.fields:
            form.add_error(name, str(message))
    return render_page(
        request,
        viewer,
        "documents/letterhead.html",
        status=400 if refusal else status,
        form=form,
        current=current,
        refusal=refusal,
        nav="letterhead",
    )
