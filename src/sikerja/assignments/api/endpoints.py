"""API v1 penugasan: submit a request, read my boxes and one request's timeline, decide its steps.

Each operation parses its input, makes one call (`commands` for writes, `reads` for reads) and
renders the answer; the time is taken here, at the edge. People are named by NIP and other
governments by kode; `commands` turns them into ids. To anyone who may not see an assignment or
act on a step, it answers `not_found`, exactly as for one that does not exist.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Status

from sikerja.assignments import commands
from sikerja.assignments.api import reads
from sikerja.assignments.schemas import (
    AssignmentIn,
    AssignmentOut,
    AssignmentPageOut,
    DecisionIn,
    RecommendationIn,
)
from sikerja.assignments.services import RequestInput
from sikerja.core.errors import DomainError
from sikerja.core.schemas import MAX_PAGE_SIZE, PAGE_SIZE, read_answers, write_answers
from sikerja.organization.http import viewer_of

router = Router()  # tag "penugasan" from the app's router

BOX_HELP = (
    "inbox: langkah terbuka yang menunggu saya; sent: yang saya ajukan; "
    "all: semua yang boleh saya lihat (operator BKPSDM: seluruh pemerintah daerah)."
)
Box = Annotated[Literal["inbox", "sent", "all"], Query(description=BOX_HELP)]
Page = Annotated[int, Query(ge=1, description="Halaman, mulai 1.")]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Baris per halaman.")]
# The services name their inputs by id; the API's callers name them by NIP or kode.
API_FIELDS = {
    "candidate_ids": "candidate_nips",
    "assignee_ids": "assignee_nips",
    "external_government_id": "external_government_kode",
}


@contextmanager
def _api_field_names() -> Iterator[None]:
    """Report a refusal's fields under the names the API's body uses."""
    try:
        yield
    except DomainError as exc:
        exc.fields = {API_FIELDS.get(name, name): text for name, text in exc.fields.items()}
        raise


@router.post(
    "/assignments",
    response=write_answers(201, AssignmentOut),
    summary="Ajukan permohonan penugasan (penunjukan) atau pengajuan sukarela",
)
def assignment_create(request: HttpRequest, payload: AssignmentIn) -> Status[Any]:
    viewer = viewer_of(request)
    values = payload.model_dump()
    nips = values.pop("candidate_nips")
    kode = values.pop("external_government_kode")
    with _api_field_names():
        submitted = commands.request_submit(
            viewer,
            RequestInput(**values),
            candidate_nips=nips,
            external_government_kode=kode,
            at=timezone.now(),
            on=timezone.localdate(),
        )
    return Status(201, reads.submitted_view(viewer, submitted))


@router.get(
    "/assignments",
    response=read_answers(AssignmentPageOut),
    summary="Kotak masuk, terkirim, atau semua penugasan yang terlihat",
)
def assignment_list(
    request: HttpRequest, box: Box = "inbox", page: Page = 1, page_size: PageSize = PAGE_SIZE
) -> reads.AssignmentPage:
    return reads.assignment_page(
        viewer_of(request), box=box, on=timezone.localdate(), page=page, page_size=page_size
    )


@router.get(
    "/assignments/{assignment_id}",
    response=read_answers(AssignmentOut),
    summary="Satu penugasan dengan alur, langkah, keputusan dan naskah dinasnya",
)
def assignment_get(request: HttpRequest, assignment_id: int) -> reads.AssignmentView:
    return reads.assignment_view(viewer_of(request), assignment_id)


@router.post(
    "/assignments/{assignment_id}/steps/{step_id}/decide",
    response=write_answers(200, AssignmentOut),
    summary="Putuskan langkah yang menunggu saya (setuju, tolak dengan alasan, teruskan, …)",
)
def assignment_decide(
    request: HttpRequest, assignment_id: int, step_id: int, payload: DecisionIn
) -> reads.AssignmentView:
    viewer = viewer_of(request)
    with _api_field_names():
        commands.decide(
            viewer,
            assignment_id,
            step_id,
            at=timezone.now(),
            on=timezone.localdate(),
            **payload.model_dump(),
        )
    return reads.assignment_view(viewer, assignment_id)


@router.post(
    "/assignments/{assignment_id}/steps/{step_id}/recommend",
    response=write_answers(200, AssignmentOut),
    summary="Berikan rekomendasi yang ditunggu langkah ini sebelum diputuskan",
)
def assignment_recommend(
    request: HttpRequest, assignment_id: int, step_id: int, payload: RecommendationIn
) -> reads.AssignmentView:
    viewer = viewer_of(request)
    commands.recommend(viewer, assignment_id, step_id, at=timezone.now(), **payload.model_dump())
    return reads.assignment_view(viewer, assignment_id)


@router.post(
    "/assignments/{assignment_id}/withdraw",
    response=write_answers(200, AssignmentOut),
    summary="Tarik permohonan sebelum diputuskan pihak lain",
)
def assignment_withdraw(request: HttpRequest, assignment_id: int) -> reads.AssignmentView:
    viewer = viewer_of(request)
    commands.withdraw(viewer, assignment_id, at=timezone.now())
    return reads.assignment_view(viewer, assignment_id)
