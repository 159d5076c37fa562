"""API v1 of a team's reports and evaluation, mounted in the teams router: my reports due and
my inbox, a report (submit, receive or return), the team's results submitted for evaluation
and each review decided up to the declaration of completion. Each operation parses its input,
makes one call and renders the answer; the time is taken here. Writes honour
`Idempotency-Key` (the assembly's); refusals have the shared error shape with rule and citation.
Evidence files are uploaded first (`POST /teams/{team_id}/evidence`) and named by id.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import File, Router, Status
from ninja.files import UploadedFile

from sikerja.core.schemas import READ_ERRORS, read_answers, write_answers
from sikerja.organization.http import viewer_of
from sikerja.organization.rules import Viewer
from sikerja.teams import report_commands, selectors_individual, selectors_reports
from sikerja.teams.models import IndividualReport
from sikerja.teams.report_schemas import (
    EvaluationDecisionIn,
    EvaluationOut,
    IndividualCreateIn,
    IndividualEvidenceOut,
    IndividualListOut,
    IndividualReportOut,
    IndividualSubmitIn,
    ReportDecisionIn,
    ReportDemandIn,
    ReportOut,
    ReportSubmitIn,
    ResultsIn,
    WorkInboxOut,
)
from sikerja.teams.work_commands import evidence_response

router = Router(tags=["tim kerja: laporan dan evaluasi"])


@router.get(
    "/teams/reports/due",
    response=read_answers(list[ReportOut]),
    summary="Laporan tim kerja yang harus saya sampaikan",
)
def reports_due(request: HttpRequest) -> list[selectors_reports.ReportView]:
    viewer = viewer_of(request)
    return [
        selectors_reports.report_view(viewer=viewer, report_id=report.pk)
        for report in selectors_reports.reports_due_for(viewer=viewer)[:100]
    ]


@router.get(
    "/teams/reports/inbox",
    response=read_answers(list[WorkInboxOut]),
    summary="Laporan dan evaluasi tim kerja yang menunggu tindakan saya",
)
def reports_inbox(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "step_id": row.step.pk,
            "kind": row.kind,
            "subject_id": row.url_id,
            "team_name": row.team_name,
            "author_name": row.author_name,
            "label": row.step.label,
            "due_at": row.step.due_at,
        }
        for row in selectors_reports.report_inbox_for(viewer=viewer_of(request))
    ]


@router.get(
    "/teams/reports/{report_id}",
    response=read_answers(ReportOut),
    summary="Satu laporan tim kerja dengan alurnya",
)
def report_get(request: HttpRequest, report_id: int) -> selectors_reports.ReportView:
    return selectors_reports.report_view(viewer=viewer_of(request), report_id=report_id)


@router.post(
    "/teams/reports/{report_id}/submit",
    response=write_answers(200, ReportOut),
    summary="Sampaikan laporan saya (dengan data dukung bila peraturan mewajibkannya, V-29)",
)
def report_submit(
    request: HttpRequest, report_id: int, payload: ReportSubmitIn
) -> selectors_reports.ReportView:
    viewer = viewer_of(request)
    report_commands.report_submit(
        viewer,
        report_id,
        text=payload.text,
        files=[],
        member_results=report_commands.notes_by_id(
            viewer, [(item.nip, item.text) for item in payload.member_results]
        ),
        evidence_ids=payload.evidence_ids,
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return selectors_reports.report_view(viewer=viewer, report_id=report_id)


@router.post(
    "/teams/reports/{report_id}/steps/{step_id}/decide",
    response=write_answers(200, ReportOut),
    summary="Terima atau kembalikan laporan pada langkah saya",
)
def report_decide(
    request: HttpRequest, report_id: int, step_id: int, payload: ReportDecisionIn
) -> selectors_reports.ReportView:
    viewer = viewer_of(request)
    selectors_reports.report_get_for_viewer(viewer=viewer, report_id=report_id)
    report_commands.report_decide(
        viewer,
        step_id,
        decision=payload.decision,
        reason=payload.reason,
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return selectors_reports.report_view(viewer=viewer, report_id=report_id)


@router.post(
    "/teams/{team_id}/reports/demand",
    response=write_answers(201, ReportOut),
    summary="Minta laporan ketua atau anggota tim sekarang (Pimpinan Unit Organisasi, V-53)",
)
def report_demand(request: HttpRequest, team_id: int, payload: ReportDemandIn) -> Status[Any]:
    viewer = viewer_of(request)
    report = report_commands.report_demand(
        viewer, team_id, payload.nip, at=timezone.now(), on=timezone.localdate()
    )
    return Status(201, selectors_reports.report_view(viewer=viewer, report_id=report.pk))


@router.post(
    "/teams/{team_id}/evaluations",
    response=write_answers(201, EvaluationOut),
    summary="Sampaikan hasil kerja tim untuk dievaluasi (ketua tim)",
)
def evaluation_create(request: HttpRequest, team_id: int, payload: ResultsIn) -> Status[Any]:
    viewer = viewer_of(request)
    evaluation = report_commands.results_submit(
        viewer,
        team_id,
        results=payload.results,
        files=[],
        evidence_ids=payload.evidence_ids,
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return Status(
        201, selectors_reports.evaluation_view(viewer=viewer, evaluation_id=evaluation.pk)
    )


@router.get(
    "/teams/evaluations/{evaluation_id}",
    response=read_answers(EvaluationOut),
    summary="Evaluasi hasil kerja tim dengan rantainya",
)
def evaluation_get(request: HttpRequest, evaluation_id: int) -> selectors_reports.EvaluationView:
    return selectors_reports.evaluation_view(viewer=viewer_of(request), evaluation_id=evaluation_id)


@router.post(
    "/teams/evaluations/{evaluation_id}/steps/{step_id}/decide",
    response=write_answers(200, EvaluationOut),
    summary=(
        "Putuskan langkah evaluasi saya: sesuai target (pejabat terakhir menyatakan selesai), "
        "kembalikan, atau sampaikan lagi"
    ),
)
def evaluation_decide(
    request: HttpRequest, evaluation_id: int, step_id: int, payload: EvaluationDecisionIn
) -> selectors_reports.EvaluationView:
    viewer = viewer_of(request)
    selectors_reports.evaluation_get_for_viewer(viewer=viewer, evaluation_id=evaluation_id)
    report_commands.evaluation_decide(
        viewer,
        step_id,
        at=timezone.now(),
        on=timezone.localdate(),
        **payload.model_dump(),
    )
    return selectors_reports.evaluation_view(viewer=viewer, evaluation_id=evaluation_id)


def _individual(viewer: Viewer, report_id: int) -> dict[str, Any]:
    """One individual report as the API answers it (the schema's fields)."""
    view = selectors_individual.individual_report_view(
        viewer=viewer, report_id=report_id, on=timezone.localdate()
    )
    report = view.report
    return {
        "id": report.pk,
        "basis": report.basis,
        "assignment_id": report.assignment_id,
        "author_name": report.author.full_name,
        "unit_id": report.unit_id,
        "workflow_key": report.workflow_key,
        "period_start": report.period_start,
        "period_end": report.period_end,
        "due_on": report.due_on,
        "status": report.status,
        "text": report.text,
        "submitted_at": report.submitted_at,
        "received_at": report.received_at,
        "evidence": view.files,
        "copied_to": view.copies,
        "steps": view.steps,
    }


@router.get(
    "/individual-reports",
    response=read_answers(list[IndividualListOut]),
    summary="Laporan individu yang boleh saya lihat (milik saya, menunggu saya, tembusan)",
)
def individual_list(request: HttpRequest) -> list[IndividualReport]:
    viewer = viewer_of(request)
    return list(
        selectors_individual.individual_reports_of(viewer=viewer, on=timezone.localdate())[:100]
    )


@router.post(
    "/individual-reports",
    response=write_answers(201, IndividualReportOut),
    summary="Buka laporan pekerjaan individu saya untuk satu periode jadwal peraturan (V-52)",
)
def individual_create(request: HttpRequest, payload: IndividualCreateIn) -> Status[Any]:
    viewer = viewer_of(request)
    report = report_commands.individual_create(
        viewer, period_start=payload.period_start, at=timezone.now(), on=timezone.localdate()
    )
    return Status(201, _individual(viewer, report.pk))


@router.get(
    "/individual-reports/{individual_report_id}",
    response=read_answers(IndividualReportOut),
    summary="Satu laporan individu dengan alurnya",
)
def individual_get(request: HttpRequest, individual_report_id: int) -> dict[str, Any]:
    return _individual(viewer_of(request), individual_report_id)


@router.post(
    "/individual-reports/{individual_report_id}/evidence",
    response=write_answers(201, IndividualEvidenceOut),
    summary=(
        "Unggah data dukung laporan individu saya (PDF, PNG, JPEG, XLSX, DOCX, ODT). Ditolak: "
        "`evidence_type_refused`, `evidence_too_large`, `evidence_empty`; tidak ada yang disimpan."
    ),
)
def individual_evidence_create(
    request: HttpRequest, individual_report_id: int, file: File[UploadedFile]
) -> Status[Any]:
    evidence = report_commands.individual_evidence_upload(
        viewer_of(request), individual_report_id, file, at=timezone.now()
    )
    return Status(201, evidence)


@router.get(
    "/individual-reports/{individual_report_id}/evidence/{individual_evidence_id}",
    response={200: None, **READ_ERRORS},
    summary="Unduh data dukung laporan individu (hanya bagi yang boleh melihat laporannya)",
)
def individual_evidence_get(
    request: HttpRequest, individual_report_id: int, individual_evidence_id: int
) -> HttpResponse:
    evidence = selectors_individual.individual_evidence_get(
        viewer=viewer_of(request),
        report_id=individual_report_id,
        evidence_id=individual_evidence_id,
        on=timezone.localdate(),
    )
    return evidence_response(evidence)


@router.post(
    "/individual-reports/{individual_report_id}/submit",
    response=write_answers(200, IndividualReportOut),
    summary="Sampaikan laporan individu saya (dengan data dukung bila diwajibkan, V-29)",
)
def individual_submit(
    request: HttpRequest, individual_report_id: int, payload: IndividualSubmitIn
) -> dict[str, Any]:
    viewer = viewer_of(request)
    report_commands.individual_submit(
        viewer,
        individual_report_id,
        text=payload.text,
        files=[],
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return _individual(viewer, individual_report_id)


@router.post(
    "/individual-reports/{individual_report_id}/steps/{step_id}/decide",
    response=write_answers(200, IndividualReportOut),
    summary="Teruskan / terima atau kembalikan laporan individu pada langkah saya",
)
def individual_decide(
    request: HttpRequest, individual_report_id: int, step_id: int, payload: ReportDecisionIn
) -> dict[str, Any]:
    viewer = viewer_of(request)
    selectors_individual.individual_report_get(
        viewer=viewer, report_id=individual_report_id, on=timezone.localdate()
    )
    report_commands.individual_decide(
        viewer,
        step_id,
        decision=payload.decision,
        reason=payload.reason,
        at=timezone.now(),
        on=timezone.localdate(),
    )
    return _individual(viewer, individual_report_id)


@router.post(
    "/individual-reports/{individual_report_id}/reroute",
    response=write_answers(200, IndividualReportOut),
    summary=(
        "Alihkan langkah laporan individu yang menunggu kepada pejabat yang kini memegang "
        "jabatannya (setelah perubahan penempatan; tercatat di jejak audit)"
    ),
)
def individual_reroute(request: HttpRequest, individual_report_id: int) -> dict[str, Any]:
    viewer = viewer_of(request)
    selectors_individual.individual_report_get(
        viewer=viewer, report_id=individual_report_id, on=timezone.localdate()
    )
    report_commands.individual_reroute_step(
        viewer, individual_report_id, at=timezone.now(), on=timezone.localdate()
    )
    return _individual(viewer, individual_report_id)
