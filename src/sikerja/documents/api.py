"""API v1 naskah dinas: the PDF of an issued letter, for its parties and BKPSDM operators.

To anyone else the letter is `not_found`, exactly as one that does not exist.
"""

from django.http import HttpRequest, HttpResponse
from ninja import Router

from sikerja.core.schemas import READ_ERRORS
from sikerja.documents.render import public_base_url
from sikerja.documents.selectors import letter_get_for_download
from sikerja.documents.views import pdf_attachment
from sikerja.organization.http import viewer_of

router = Router(tags=["penugasan"])

PDF = {
    "responses": {
        200: {
            "description": "Naskah dinas dalam PDF, dengan kode QR verifikasi.",
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}


@router.get(
    "/letters/{letter_id}/pdf",
    response=READ_ERRORS,
    openapi_extra=PDF,
    url_name="letter_pdf",
    summary="PDF naskah dinas, bagi para pihak surat dan operator BKPSDM",
)
def letter_pdf_download(request: HttpRequest, letter_id: int) -> HttpResponse:
    download = letter_get_for_download(
        letter_id=letter_id, user_id=viewer_of(request).user_id, base_url=public_base_url()
    )
    return pdf_attachment(request, download)
