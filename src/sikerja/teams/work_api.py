"""API v1 of a team's work (planning and execution), mounted in the teams router: evidence
files, the lead's plan, members' roles and work plans, progress, feedback, monitoring and
obstacles. Each operation parses its input, makes one call and renders the answer; the time
is taken here. Writes honour `Idempotency-Key` (the assembly's), refusals have the shared
error shape with rule and citation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile

from sikerja.core.schemas import READ_ERRORS, read_answers, write_answers
from sikerja.organization.http import viewer_of
from sikerja.teams import work_commands, work_selectors
from sikerja.teams.work_schemas import (
    AcknowledgeIn,
    DialogueIn,
    EvidenceOut,
    FeedbackIn,
    FeedbackOut,
    FollowUpIn,
    MemberRoleOut,
    MonitoringIn,
    MonitoringOut,
    MyWorkOut,
    ObstacleDecisionIn,
    ObstacleIn,
    ObstacleOut,
    PlanDecisionIn,
    PlanIn,
    PlanOut,
    ProgressOut,
    ReroutedOut,
    ReworkCloseIn,
    ReworkIn,
    ReworkOut,
    RoleIn,
    TeamWorkOut,
    WorkPlanIn,
    WorkPlanOut,
)

router = Router(tags=["tim kerja: pelaksanaan"])


@router.post(
    "/teams/{team_id}/evidence",
    response=write_answers(201, EvidenceOut),
    summary="Unggah berkas bukti (data dukung) pekerjaan tim",
    description=(
        "PDF, PNG, JPEG, XLSX, DOCX atau ODT, dikenali dari isinya; paling besar "
        "`SIKERJA_EVIDENCE_MAX_BYTES`. Ditolak: `evidence_type_refused`, `evidence_too_large`, "
        "`evidence_empty`; tidak ada yang disimpan."
    ),
)
def evidence_create(request: HttpRequest, team_id: int, file: File[UploadedFile]) -> Status[Any]:
    evidence = work_commands.evidence_upload(
        viewer_of(request), team_id, file, at=timezone.now(), on=timezone.localdate()
    )
    return Status(201, evidence)


@router.get(
    "/teams/{team_id}/evidence/{evidence_id}",
    response={200: None, **READ_ERRORS},
    summary="Unduh berkas bukti tim (hanya bagi yang boleh melihat timnya)",
)
def evidence_get(request: HttpRequest, team_id: int, evidence_id: int) -> HttpResponse:
    evidence = work_selectors.evidence_get_for_download(
        viewer=viewer_of(request),
        team_id=team_id,
        evidence_id=evidence_id,
        on=timezone.localdate(),
    )
    return work_commands.evidence_response(evidence)


def _now() -> dict[str, Any]:
    return {"at": timezone.now(), "on": timezone.localdate()}


@router.get(
    "/teams/{team_id}/work",
    response=read_answers(TeamWorkOut),
    summary="Rencana, peran, kemajuan, umpan balik, pemantauan, permasalahan dan perbaikan tim",
)
def team_work_get(request: HttpRequest, team_id: int) -> work_selectors.TeamWorkView:
    return work_selectors.team_work_view(
        viewer=viewer_of(request), team_id=team_id, on=timezone.localdate()
    )


@router.get(
    "/my-work", response=read_answers(MyWorkOut), summary="Pekerjaan saya: tim dan laporan saya"
)
def my_work_get(request: HttpRequest) -> dict[str, Any]:
    viewer = viewer_of(request)
    return {
        "teams": list(work_selectors.my_teams(viewer=viewer)),
        "progress": work_selectors.my_progress(viewer=viewer),
    }


@router.post(
    "/teams/{team_id}/plan",
    response=write_answers(200, PlanOut),
    summary="Susun rencana rinci kegiatan tim (ketua tim; K1)",
)
def plan_save(request: HttpRequest, team_id: int, payload: PlanIn) -> Any:
    rows = [work_commands.ActivityRow(**item.model_dump()) for item in payload.activities]
    return work_commands.plan_save(
        viewer_of(request),
        team_id,
        strategy=payload.strategy,
        expected_target=payload.expected_target,
        activities=rows,
        **_now(),
    )


@router.post(
    "/teams/{team_id}/plan/submit",
    response=write_answers(200, PlanOut),
    summary="Ajukan rencana tim kepada pejabat yang menetapkannya menurut peraturan",
)
def plan_submit(request: HttpRequest, team_id: int) -> Any:
    return work_commands.plan_submit(viewer_of(request), team_id, **_now())


@router.post(
    "/teams/{team_id}/plan/decide",
    response=write_answers(200, PlanOut),
    summary="Tetapkan rencana tim, atau kembalikan dengan alasan",
)
def plan_decide(request: HttpRequest, team_id: int, payload: PlanDecisionIn) -> Any:
    return work_commands.plan_decide(viewer_of(request), team_id, **payload.model_dump(), **_now())


@router.post(
    "/teams/{team_id}/roles",
    response=write_answers(200, MemberRoleOut),
    summary="Bagi peran anggota sesuai kompetensi (ketua tim; K2)",
)
def member_role_set(request: HttpRequest, team_id: int, payload: RoleIn) -> Any:
    return work_commands.member_role_set(
        viewer_of(request), team_id, **payload.model_dump(), **_now()
    )


@router.post(
    "/teams/{team_id}/dialogues",
    response=write_answers(201, None),
    summary="Catat dialog kinerja yang menetapkan ekspektasi anggota (V-59)",
)
def dialogue_record(request: HttpRequest, team_id: int, payload: DialogueIn) -> Status[None]:
    work_commands.dialogue_record(viewer_of(request), team_id, **payload.model_dump(), **_now())
    return Status(201, None)


@router.post(
    "/teams/{team_id}/work-plans",
    response=write_answers(200, WorkPlanOut),
    summary="Ajukan rencana kerja individu saya dalam tim (A1)",
)
def work_plan_submit(request: HttpRequest, team_id: int, payload: WorkPlanIn) -> Any:
    return work_commands.work_plan_submit(
        viewer_of(request), team_id, **payload.model_dump(), **_now()
    )


@router.post(
    "/teams/{team_id}/work-plans/acknowledge",
    response=write_answers(200, WorkPlanOut),
    summary="Terima rencana kerja individu anggota (ketua tim)",
)
def work_plan_acknowledge(request: HttpRequest, team_id: int, payload: AcknowledgeIn) -> Any:
    return work_commands.work_plan_acknowledge(
        viewer_of(request), team_id, **payload.model_dump(), **_now()
    )


@router.post(
    "/teams/{team_id}/progress",
    response=write_answers(201, ProgressOut),
    summary="Laporkan kemajuan pekerjaan dengan berkas bukti (multipart)",
)
def progress_report(
    request: HttpRequest,
    team_id: int,
    summary: Form[str],
    percent_complete: Form[int],
    activity_id: Form[int | None] = None,
    files: File[list[UploadedFile]] = None,  # type: ignore[assignment]
) -> Status[Any]:
    entry = work_commands.progress_report(
        viewer_of(request),
        team_id,
        summary=summary,
        percent_complete=percent_complete,
        files=list(files or []),
        activity_id=activity_id,
        **_now(),
    )
    return Status(201, entry)


@router.post(
    "/teams/{team_id}/feedback",
    response=write_answers(201, FeedbackOut),
    summary="Beri umpan balik atas pekerjaan anggota (pejabat yang disebut peraturan)",
)
def feedback_give(request: HttpRequest, team_id: int, payload: FeedbackIn) -> Status[Any]:
    return Status(
        201,
        work_commands.feedback_give(viewer_of(request), team_id, **payload.model_dump(), **_now()),
    )


@router.post(
    "/teams/{team_id}/monitoring",
    response=write_answers(201, MonitoringOut),
    summary="Catat pemantauan dan evaluasi pekerjaan tim (V-30, V-30a)",
)
def monitoring_record(request: HttpRequest, team_id: int, payload: MonitoringIn) -> Status[Any]:
    return Status(
        201,
        work_commands.monitoring_record(
            viewer_of(request), team_id, **payload.model_dump(), **_now()
        ),
    )


@router.post(
    "/teams/{team_id}/obstacles",
    response=write_answers(201, ObstacleOut),
    summary="Sampaikan permasalahan beserta alternatif rekomendasi (V-55, V-56)",
)
def obstacle_raise(request: HttpRequest, team_id: int, payload: ObstacleIn) -> Status[Any]:
    return Status(
        201,
        work_commands.obstacle_raise(viewer_of(request), team_id, **payload.model_dump(), **_now()),
    )


@router.post(
    "/teams/{team_id}/obstacles/{obstacle_id}/decide",
    response=write_answers(200, ObstacleOut),
    summary="Putuskan permasalahan, atau teruskan untuk kolaborasi ke unit anggota",
)
def obstacle_decide(
    request: HttpRequest, team_id: int, obstacle_id: int, payload: ObstacleDecisionIn
) -> Any:
    return work_commands.obstacle_decide(
        viewer_of(request), team_id, obstacle_id, **payload.model_dump(), **_now()
    )


@router.post(
    "/teams/{team_id}/obstacles/{obstacle_id}/follow-ups",
    response=write_answers(200, ObstacleOut),
    summary="Catat tindak lanjut permasalahan (dan tutup bila selesai)",
)
def obstacle_follow_up(
    request: HttpRequest, team_id: int, obstacle_id: int, payload: FollowUpIn
) -> Any:
    return work_commands.obstacle_follow_up(
        viewer_of(request), team_id, obstacle_id, **payload.model_dump(), **_now()
    )


@router.post(
    "/teams/{team_id}/rework",
    response=write_answers(201, ReworkOut),
    summary="Kembalikan hasil yang tidak sesuai target untuk diperbaiki (V-58)",
)
def rework_open(request: HttpRequest, team_id: int, payload: ReworkIn) -> Status[Any]:
    return Status(
        201,
        work_commands.rework_open(viewer_of(request), team_id, **payload.model_dump(), **_now()),
    )


@router.post(
    "/teams/{team_id}/rework/{rework_id}/close",
    response=write_answers(200, ReworkOut),
    summary="Catat perbaikan selesai (pemilik perbaikan)",
)
def rework_close(request: HttpRequest, team_id: int, rework_id: int, payload: ReworkCloseIn) -> Any:
    return work_commands.rework_close(
        viewer_of(request), team_id, rework_id, **payload.model_dump(), **_now()
    )


@router.post(
    "/teams/{team_id}/work/reroute",
    response=write_answers(200, ReroutedOut),
    summary="Alihkan rencana dan permasalahan yang menunggu kepada pemegang peran hari ini",
)
def work_reroute(request: HttpRequest, team_id: int) -> dict[str, Any]:
    moved = work_commands.work_reroute(viewer_of(request), team_id, **_now())
    return {
        "plan": list(moved.plan) if moved.plan else None,
        "obstacles": {key: [before, after] for key, (before, after) in moved.obstacles.items()},
    }
