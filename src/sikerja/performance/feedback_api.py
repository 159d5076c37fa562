"""API v1 of the feedback and evidence of an RHK (SPEC §6.4; P-FEEDBACK, P-EVIDENCE): list
them for an SKP the caller may see, give feedback, acknowledge it, upload and download evidence.
Mounted by the assembly beside the performance router; writes take an `Idempotency-Key` (the
assembly's), refusals have the shared error shape with rule and citation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile

from sikerja.core.errors import ValidationFailed
from sikerja.core.schemas import READ_ERRORS, read_answers, write_answers
from sikerja.organization.http import viewer_of
from sikerja.performance import feedback_selectors
from sikerja.performance.commands import employee_of, evidence_response, upload_of
from sikerja.performance.errors import PerformanceErrorCode
from sikerja.performance.feedback_schemas import (
    AcknowledgeIn,
    FeedbackIn,
    FeedbackOut,
    PeriodKind,
    RhkEvidenceOut,
)
from sikerja.performance.services import evidence, feedback
from sikerja.performance.services.feedback import Period

router = Router(tags=["pengelolaan kinerja"])


def _period(kind: str | None, index: int | None) -> Period | None:
    if kind is None and index is None:
        return None
    if kind is None or index is None:
        raise ValidationFailed(
            code=PerformanceErrorCode.PERIOD,
            message="period_kind dan period_index diisi bersama.",
            fields={"period_index": "period_kind dan period_index diisi bersama."},
        )
    return Period(kind, index)


@router.get(
    "/performance/skps/{skp_id}/feedback",
    response=read_answers(list[FeedbackOut]),
    summary="Umpan balik atas RHK SKP ini",
)
def feedback_list(request: HttpRequest, skp_id: int) -> Any:
    return list(
        feedback_selectors.feedback_list_for(
            viewer=viewer_of(request), skp_id=skp_id, on=timezone.localdate()
        )
    )


@router.post(
    "/performance/skps/{skp_id}/rhks/{rhk_id}/feedback",
    response=write_answers(201, FeedbackOut),
    summary="Beri umpan balik atas RHK (Pejabat Penilai Kinerja, pelimpahan, ketua tim; P-FEEDBACK)",
)
def feedback_give(
    request: HttpRequest, skp_id: int, rhk_id: int, payload: FeedbackIn
) -> Status[Any]:
    viewer = viewer_of(request)
    on = timezone.localdate()
    given = feedback.rhk_feedback_give(
        actor=employee_of(viewer),
        rhk_id=feedback_selectors.rhk_for_notes(viewer, skp_id, rhk_id, on),
        text=payload.text,
        period=_period(payload.period_kind, payload.period_index),
        at=timezone.now(),
        on=on,
    )
    return Status(201, given)


@router.post(
    "/performance/feedback/{feedback_id}/acknowledge",
    response=write_answers(200, FeedbackOut),
    summary="Tanggapi umpan balik atas RHK saya (sekali, sebelum penilaiannya ditetapkan)",
)
def feedback_acknowledge(request: HttpRequest, feedback_id: int, payload: AcknowledgeIn) -> Any:
    viewer = viewer_of(request)
    note = feedback_selectors.feedback_for_acknowledging(viewer, feedback_id, timezone.localdate())
    return feedback.rhk_feedback_acknowledge(
        actor=employee_of(viewer), feedback_id=note.pk, reply=payload.reply, at=timezone.now()
    )


@router.get(
    "/performance/skps/{skp_id}/evidence",
    response=read_answers(list[RhkEvidenceOut]),
    summary="Bukti dukung RHK SKP ini",
)
def evidence_list(request: HttpRequest, skp_id: int) -> Any:
    return list(
        feedback_selectors.evidence_list_for(
            viewer=viewer_of(request), skp_id=skp_id, on=timezone.localdate()
        )
    )


@router.post(
    "/performance/skps/{skp_id}/rhks/{rhk_id}/evidence",
    response=write_answers(201, RhkEvidenceOut),
    summary="Unggah bukti dukung RHK (pegawai atau Pejabat Penilai Kinerja; P-EVIDENCE)",
    description=(
        "PDF, PNG, JPEG, XLSX, DOCX atau ODT, dikenali dari isinya; paling besar "
        "`SIKERJA_EVIDENCE_MAX_BYTES`. Ditolak: `evidence_type_refused`, `evidence_too_large`, "
        "`evidence_empty`, `rhk_period_signed_off`; tidak ada yang disimpan."
    ),
)
def evidence_upload(
    request: HttpRequest,
    skp_id: int,
    rhk_id: int,
    file: File[UploadedFile],
    period_kind: Form[PeriodKind | None] = None,
    period_index: Form[int | None] = None,
) -> Status[Any]:
    viewer = viewer_of(request)
    on = timezone.localdate()
    kept = evidence.rhk_evidence_upload(
        actor=employee_of(viewer),
        rhk_id=feedback_selectors.rhk_for_notes(viewer, skp_id, rhk_id, on),
        upload=upload_of(file),
        period=_period(period_kind, period_index),
        at=timezone.now(),
        on=on,
    )
    return Status(201, kept)


@router.get(
    "/performance/skps/{skp_id}/evidence/{file_id}",
    response={200: None, **READ_ERRORS},
    summary="Unduh bukti dukung RHK (hanya bagi yang boleh melihat SKP-nya)",
)
def evidence_get(request: HttpRequest, skp_id: int, file_id: int) -> HttpResponse:
    item = feedback_selectors.evidence_get_for_download(
        viewer=viewer_of(request), skp_id=skp_id, file_id=file_id, on=timezone.localdate()
    )
    return evidence_response(item)
