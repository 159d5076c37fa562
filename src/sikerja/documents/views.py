"""Public verification page of a letter, and the PDF download for the letter's parties.

The verification page needs no login: anyone holding the paper (or the QR code) may check it.
It shows only what the letter itself shows, with the signer's NIP masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from sikerja.core.errors import NotFound
from sikerja.documents import selectors
from sikerja.documents.integrity import letter_is_intact
from sikerja.documents.models import Letter
from sikerja.documents.render import letter_pdf
from sikerja.documents.wording import date_long, position_of
from sikerja.organization.nip import mask_nip

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
            doc_type=str(letter.get_doc_type_display()),
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
        letter = selectors.letter_get_for_download(letter_id=pk, user_id=request.user.pk or 0)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    return pdf_attachment(letter)


def pdf_attachment(letter: Letter) -> HttpResponse:
    """The letter's PDF as a download named after its number (for the page and the API)."""
    response = HttpResponse(letter_pdf(letter), content_type="application/pdf")
    filename = UNSAFE_FILENAME.sub("-", letter.number).strip("-.") or f"naskah-dinas-{letter.pk}"
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response
