"""API v1 penugasan: submit a request, read my boxes and one request's timeline, decide its steps,
download its letters (and, through `flows`, the pack's flows and their maps).

Each operation parses its input, makes one call (`assignment_reads`, `assignment_writes`, or a
documents selector) and renders the answer; the time is taken here, at the edge. Every write
honours `Idempotency-Key`. To anyone who may not see an assignment, act on a step or read a
letter, it answers `not_found`, exactly as for one that does not exist.
"""

import re
from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Status

from sikerja.api import assignment_reads, assignment_writes, flows
from sikerja.api.assignment_schemas import (
    AssignmentIn,
    AssignmentOut,
    AssignmentPageOut,
    DecisionIn,
    RecommendationIn,
)
from sikerja.api.auth import viewer_of
from sikerja.api.idempotency import OPENAPI_PARAMETER, idempotent
from sikerja.api.organization import MAX_PAGE_SIZE, PAGE_SIZE, READ_ERRORS
from sikerja.api.staffing import answers
from sikerja.documents.render import letter_pdf
from sikerja.documents.selectors import letter_get_for_download

router = Router(tags=["penugasan"])
router.add_router("", flows.router)

IDEMPOTENT = {"parameters": [OPENAPI_PARAMETER]}
PDF = {
    "responses": {
        200: {
            "description": "Naskah dinas dalam PDF, dengan kode QR verifikasi.",
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}
UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9.]+")
BOX_HELP = (
    "inbox: langkah terbuka yang menunggu saya; sent: yang saya ajukan; "
    "all: semua yang boleh saya lihat (operator BKPSDM: seluruh pemerintah daerah)."
)
Box = Annotated[Literal["inbox", "sent", "all"], Query(description=BOX_HELP)]
Page = Annotated[int, Query(ge=1, description="Halaman, mulai 1.")]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Baris per halaman.")]


def read(schema: Any) -> dict[int, Any]:
    return {200: schema, **READ_ERRORS}


@router.post(
    "/assignments",
    response=answers(201, AssignmentOut),
    openapi_extra=IDEMPOTENT,
    summary="Ajukan permohonan penugasan (penunjukan) atau pengajuan sukarela",
)
@idempotent
def assignment_create(request: HttpRequest, payload: AssignmentIn) -> Status[Any]:
    view = assignment_writes.assignment_create(
        viewer=viewer_of(request),
        payload=payload.model_dump(),
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return Status(201, view)


@router.get(
    "/assignments",
    response=read(AssignmentPageOut),
    summary="Kotak masuk, terkirim, atau semua penugasan yang terlihat",
)
def assignment_list(
    request: HttpRequest, box: Box = "inbox", page: Page = 1, page_size: PageSize = PAGE_SIZE
) -> assignment_reads.AssignmentPage:
    return assignment_reads.assignment_page(
        viewer_of(request), box=box, on=timezone.localdate(), page=page, page_size=page_size
    )


@router.get(
    "/assignments/{assignment_id}",
    response=read(AssignmentOut),
    summary="Satu penugasan dengan alur, langkah, keputusan dan naskah dinasnya",
)
def assignment_get(request: HttpRequest, assignment_id: int) -> assignment_reads.AssignmentView:
    return assignment_reads.assignment_view(viewer_of(request), assignment_id)


@router.post(
    "/assignments/{assignment_id}/steps/{step_id}/decide",
    response=answers(200, AssignmentOut),
    openapi_extra=IDEMPOTENT,
    summary="Putuskan langkah yang menunggu saya (setuju, tolak dengan alasan, teruskan, …)",
)
@idempotent
def assignment_decide(
    request: HttpRequest, assignment_id: int, step_id: int, payload: DecisionIn
) -> assignment_reads.AssignmentView:
    return assignment_writes.assignment_decide(
        viewer=viewer_of(request),
        assignment_id=assignment_id,
        step_id=step_id,
        at=timezone.now(),
        on=timezone.localdate(),
        **payload.model_dump(),
    )


@router.post(
    "/assignments/{assignment_id}/steps/{step_id}/recommend",
    response=answers(200, AssignmentOut),
    openapi_extra=IDEMPOTENT,
    summary="Berikan rekomendasi yang ditunggu langkah ini sebelum diputuskan",
)
@idempotent
def assignment_recommend(
    request: HttpRequest, assignment_id: int, step_id: int, payload: RecommendationIn
) -> assignment_reads.AssignmentView:
    return assignment_writes.assignment_recommend(
        viewer=viewer_of(request),
        assignment_id=assignment_id,
        step_id=step_id,
        at=timezone.now(),
        **payload.model_dump(),
    )


@router.post(
    "/assignments/{assignment_id}/withdraw",
    response=answers(200, AssignmentOut),
    openapi_extra=IDEMPOTENT,
    summary="Tarik permohonan sebelum diputuskan pihak lain",
)
@idempotent
def assignment_withdraw(
    request: HttpRequest, assignment_id: int
) -> assignment_reads.AssignmentView:
    return assignment_writes.assignment_withdraw(
        viewer=viewer_of(request), assignment_id=assignment_id, at=timezone.now()
    )


@router.get(
    "/letters/{letter_id}/pdf",
    response=READ_ERRORS,
    openapi_extra=PDF,
    url_name="letter_pdf",
    summary="PDF naskah dinas, bagi para pihak surat dan operator BKPSDM",
)
def letter_pdf_download(request: HttpRequest, letter_id: int) -> HttpResponse:
    letter = letter_get_for_download(letter_id=letter_id, user_id=viewer_of(request).user_id)
    response = HttpResponse(letter_pdf(letter), content_type="application/pdf")
    filename = UNSAFE_FILENAME.sub("-", letter.number).strip("-.") or f"naskah-dinas-{letter.pk}"
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response
