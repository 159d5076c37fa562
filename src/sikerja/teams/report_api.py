"""API v1 of a team's reports and evaluation, mounted in the teams router: my reports due and
my inbox, a report (submit, receive or return), the team's results submitted for evaluation
and each review decided up to the declaration of completion. Each operation parses its input,
makes one call and renders the answer; the time is taken here. Writes honour
`Idempotency-Key` (the assembly's); refusals have the shared error shape with rule and citation.
Evidence files are uploaded first (`POST /teams/{team_id}/evidence`) and named by id.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from sikerja.core.schemas import read_answers, write_answers
from sikerja.organization.http import viewer_of
from sikerja.teams import report_commands, selectors_reports
from sikerja.teams.report_schemas import (
    EvaluationDecisionIn,
    EvaluationOut,
    ReportDecisionIn,
    ReportDemandIn,
    ReportOut,
    ReportSubmitIn,
    ResultsIn,
    WorkInboxOut,
)

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
