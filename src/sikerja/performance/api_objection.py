"""API v1 of the objection to a final rating and of the printed SKP and dokumen evaluasi
kinerja. Each operation parses its input, makes one call and renders the answer; writes take an
`Idempotency-Key` (the assembly's); refusals have the shared error shape."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Router, Status

from sikerja.core.schemas import READ_ERRORS, read_answers, write_answers
from sikerja.organization.http import viewer_of
from sikerja.performance import objection_selectors, printing, services
from sikerja.performance.commands import employee_of, visible_rating_id
from sikerja.performance.objection_schemas import ObjectionDecisionIn, ObjectionIn, ObjectionOut
from sikerja.performance.services.objection import ObjectionDecision
from sikerja.performance.views_print import pdf_response

router = Router(tags=["pengelolaan kinerja"])

PDF = {
    "responses": {
        200: {
            "description": "Dokumen dalam PDF (format lampiran PermenPANRB 6/2022).",
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}


@router.post(
    "/performance/ratings/{rating_id}/objections",
    response=write_answers(201, ObjectionOut),
    summary="Ajukan keberatan atas penilaian saya yang sudah ditetapkan (P-OBJECTION)",
)
def objection_file(request: HttpRequest, rating_id: int, payload: ObjectionIn) -> Status[Any]:
    viewer = viewer_of(request)
    objection = services.objection_file(
        actor=employee_of(viewer),
        rating_id=visible_rating_id(viewer, rating_id, timezone.localdate()),
        reason=payload.reason,
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return Status(201, objection)


@router.get(
    "/performance/objections/{objection_id}",
    response=read_answers(ObjectionOut),
    summary="Satu keberatan atas penilaian kinerja",
)
def objection_get(request: HttpRequest, objection_id: int) -> Any:
    return objection_selectors.objection_view(
        viewer=viewer_of(request), objection_id=objection_id, on=timezone.localdate()
    )


@router.post(
    "/performance/objections/{objection_id}/decide",
    response=write_answers(200, ObjectionOut),
    summary="Putuskan keberatan: predikat tetap atau diubah (atasan Pejabat Penilai Kinerja)",
)
def objection_decide(request: HttpRequest, objection_id: int, payload: ObjectionDecisionIn) -> Any:
    viewer = viewer_of(request)
    return services.objection_decide(
        actor=employee_of(viewer),
        objection_id=objection_selectors.objection_id_visible(
            viewer, objection_id, timezone.localdate()
        ),
        data=ObjectionDecision(payload.decision, payload.reason, payload.predikat),
        at=timezone.now(),
        on=timezone.localdate(),
    )


@router.get(
    "/performance/skps/{skp_id}/pdf",
    response=READ_ERRORS,
    openapi_extra=PDF,
    summary="SKP dalam PDF (format resmi), bagi yang boleh melihat SKP itu",
)
def skp_pdf(request: HttpRequest, skp_id: int) -> HttpResponse:
    document = printing.skp_document(
        viewer=viewer_of(request), skp_id=skp_id, on=timezone.localdate()
    )
    return pdf_response(request, document)


@router.get(
    "/performance/ratings/{rating_id}/evaluation-pdf",
    response=READ_ERRORS,
    openapi_extra=PDF,
    summary="Dokumen evaluasi kinerja satu penilaian dalam PDF",
)
def evaluation_pdf(request: HttpRequest, rating_id: int) -> HttpResponse:
    document = printing.evaluation_document(
        viewer=viewer_of(request), rating_id=rating_id, on=timezone.localdate()
    )
    return pdf_response(request, document)
