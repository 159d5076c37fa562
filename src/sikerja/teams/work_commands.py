"""What both edges do before a team-work service call: find the caller's employee record,
read an upload within the size limit, turn NIPs into ids; then exactly one service call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.organization.rules import Viewer
from sikerja.teams import rules
from sikerja.teams.commands import INVALID_INPUT, employee_of, one_id
from sikerja.teams.models import (
    EvidenceFile,
    ExpectationDialogue,
    Feedback,
    KeptEvidence,
    MonitoringRecord,
    Obstacle,
    ProgressEntry,
    Rework,
    Team,
    TeamMember,
    TeamPlan,
    WorkPlan,
)
from sikerja.teams.services import evidence as evidence_services
from sikerja.teams.services import execution, obstacles, planning, reroute
from sikerja.teams.services.evidence import (
    Upload,
    evidence_read,
    max_bytes,
    too_large,
)
from sikerja.teams.services.reroute import Rerouted


def upload_of(file: UploadedFile[bytes]) -> Upload:
    """The upload's name and bytes; a file over the limit is refused before it is read."""
    if (file.size or 0) > max_bytes():
        raise too_large()
    return Upload(name=file.name or "", content=file.read())


def evidence_upload(
    viewer: Viewer, team_id: int, file: UploadedFile[bytes], *, at: dt.datetime, on: dt.date
) -> EvidenceFile:
    """Keep one evidence file for a team as the caller."""
    return evidence_services.evidence_upload(
        team_id=team_id, by=employee_of(viewer), upload=upload_of(file), at=at, on=on
    )


def evidence_response(evidence: KeptEvidence) -> HttpResponse:
    """The kept bytes as an attachment under the uploaded name (shared with the API)."""
    response = HttpResponse(evidence_read(evidence), content_type=evidence.content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=evidence.original_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _actor(viewer: Viewer, team_id: int, on: dt.date) -> Employee:
    """The caller's employee record, for a team whose work they may see; a hidden team is
    "not found" exactly like a missing one."""
    employee = employee_of(viewer)
    team = (
        Team.objects.select_related("government")
        .filter(pk=team_id, government_id=viewer.government.pk)
        .first()
    )
    if team is None or not rules.may_see_team_work(viewer, team, on):
        raise NotFound()
    return employee


def _person(viewer: Viewer, nip: str, field: str) -> int:
    person = one_id(viewer, nip, field=field)
    if person is None:
        raise ValidationFailed(
            code=INVALID_INPUT, message=_("Sebutkan NIP."), fields={field: _("Wajib diisi.")}
        )
    return person


@dataclass(frozen=True)
class ActivityRow:
    """An activity of the plan as both edges receive it (the carrier named by NIP)."""

    name: str
    output: str
    target: str
    starts_on: dt.date
    ends_on: dt.date
    budget: Decimal | None = None
    assignee_nip: str = ""


def plan_save(
    viewer: Viewer,
    team_id: int,
    *,
    strategy: str,
    expected_target: str,
    activities: list[ActivityRow],
    at: dt.datetime,
    on: dt.date,
) -> TeamPlan:
    by = _actor(viewer, team_id, on)
    rows = [
        planning.ActivityInput(
            name=row.name,
            output=row.output,
            target=row.target,
            starts_on=row.starts_on,
            ends_on=row.ends_on,
            budget=row.budget,
            assignee_id=one_id(viewer, row.assignee_nip, field="activities"),
        )
        for row in activities
    ]
    return planning.team_plan_save(
        team_id=team_id,
        by=by,
        strategy=strategy,
        expected_target=expected_target,
        activities=rows,
        at=at,
        on=on,
    )


def plan_submit(viewer: Viewer, team_id: int, *, at: dt.datetime, on: dt.date) -> TeamPlan:
    return planning.team_plan_submit(team_id=team_id, by=_actor(viewer, team_id, on), at=at, on=on)


def plan_decide(
    viewer: Viewer, team_id: int, *, approve: bool, note: str, at: dt.datetime, on: dt.date
) -> TeamPlan:
    return planning.team_plan_decide(
        team_id=team_id, by=_actor(viewer, team_id, on), approve=approve, note=note, at=at, on=on
    )


def member_role_set(
    viewer: Viewer, team_id: int, *, member_nip: str, role: str, at: dt.datetime, on: dt.date
) -> TeamMember:
    by = _actor(viewer, team_id, on)
    return planning.team_member_role_set(
        team_id=team_id,
        by=by,
        member_id=_person(viewer, member_nip, "member_nip"),
        role=role,
        at=at,
        on=on,
    )


def dialogue_record(
    viewer: Viewer,
    team_id: int,
    *,
    member_nip: str,
    expectations: str,
    held_on: dt.date,
    at: dt.datetime,
    on: dt.date,
) -> ExpectationDialogue:
    by = _actor(viewer, team_id, on)
    return planning.expectation_dialogue_record(
        team_id=team_id,
        by=by,
        employee_id=_person(viewer, member_nip, "member_nip"),
        expectations=expectations,
        held_on=held_on,
        at=at,
        on=on,
    )


def work_plan_submit(
    viewer: Viewer, team_id: int, *, content: str, target: str, at: dt.datetime, on: dt.date
) -> WorkPlan:
    return planning.work_plan_submit(
        team_id=team_id,
        by=_actor(viewer, team_id, on),
        content=content,
        target=target,
        at=at,
        on=on,
    )


def work_plan_acknowledge(
    viewer: Viewer, team_id: int, *, member_nip: str, at: dt.datetime, on: dt.date
) -> WorkPlan:
    by = _actor(viewer, team_id, on)
    return planning.work_plan_acknowledge(
        team_id=team_id,
        by=by,
        employee_id=_person(viewer, member_nip, "member_nip"),
        at=at,
        on=on,
    )


def progress_report(
    viewer: Viewer,
    team_id: int,
    *,
    summary: str,
    percent_complete: int,
    files: list[UploadedFile[bytes]],
    activity_id: int | None,
    at: dt.datetime,
    on: dt.date,
) -> ProgressEntry:
    by = _actor(viewer, team_id, on)
    return execution.progress_report(
        team_id=team_id,
        by=by,
        summary=summary,
        percent_complete=percent_complete,
        uploads=[upload_of(file) for file in files],
        activity_id=activity_id,
        at=at,
        on=on,
    )


def feedback_give(
    viewer: Viewer,
    team_id: int,
    *,
    about_nip: str,
    text: str,
    progress_id: int | None,
    at: dt.datetime,
    on: dt.date,
) -> Feedback:
    by = _actor(viewer, team_id, on)
    return execution.feedback_give(
        team_id=team_id,
        by=by,
        about_id=_person(viewer, about_nip, "about_nip"),
        text=text,
        progress_id=progress_id,
        at=at,
        on=on,
    )


def monitoring_record(
    viewer: Viewer,
    team_id: int,
    *,
    findings: str,
    direction: str,
    held_on: dt.date,
    at: dt.datetime,
    on: dt.date,
) -> MonitoringRecord:
    return execution.monitoring_record(
        team_id=team_id,
        by=_actor(viewer, team_id, on),
        findings=findings,
        direction=direction,
        held_on=held_on,
        at=at,
        on=on,
    )


def obstacle_raise(
    viewer: Viewer,
    team_id: int,
    *,
    problem: str,
    recommendations: list[str],
    at: dt.datetime,
    on: dt.date,
) -> Obstacle:
    return obstacles.obstacle_raise(
        team_id=team_id,
        by=_actor(viewer, team_id, on),
        problem=problem,
        recommendations=recommendations,
        at=at,
        on=on,
    )


def _obstacle_of(viewer: Viewer, team_id: int, obstacle_id: int, on: dt.date) -> Employee:
    by = _actor(viewer, team_id, on)
    if not Obstacle.objects.filter(pk=obstacle_id, team_id=team_id).exists():
        raise NotFound()
    return by


def obstacle_decide(
    viewer: Viewer,
    team_id: int,
    obstacle_id: int,
    *,
    decision: str,
    collaborate: bool,
    at: dt.datetime,
    on: dt.date,
) -> Obstacle:
    return obstacles.obstacle_decide(
        obstacle_id=obstacle_id,
        by=_obstacle_of(viewer, team_id, obstacle_id, on),
        decision=decision,
        collaborate=collaborate,
        at=at,
        on=on,
    )


def obstacle_follow_up(
    viewer: Viewer,
    team_id: int,
    obstacle_id: int,
    *,
    text: str,
    close: bool,
    at: dt.datetime,
    on: dt.date,
) -> Obstacle:
    obstacles.obstacle_follow_up(
        obstacle_id=obstacle_id,
        by=_obstacle_of(viewer, team_id, obstacle_id, on),
        text=text,
        close=close,
        at=at,
        on=on,
    )
    return Obstacle.objects.get(pk=obstacle_id)


def rework_open(
    viewer: Viewer,
    team_id: int,
    *,
    reason: str,
    activity_id: int | None,
    at: dt.datetime,
    on: dt.date,
) -> Rework:
    return execution.rework_open(
        team_id=team_id,
        by=_actor(viewer, team_id, on),
        reason=reason,
        activity_id=activity_id,
        at=at,
        on=on,
    )


def rework_close(
    viewer: Viewer, team_id: int, rework_id: int, *, resolution: str, at: dt.datetime, on: dt.date
) -> Rework:
    by = _actor(viewer, team_id, on)
    if not Rework.objects.filter(pk=rework_id, team_id=team_id).exists():
        raise NotFound()
    return execution.rework_close(rework_id=rework_id, by=by, resolution=resolution, at=at, on=on)


def work_reroute(viewer: Viewer, team_id: int, *, at: dt.datetime, on: dt.date) -> Rerouted:
    return reroute.team_work_reroute(team_id=team_id, by=_actor(viewer, team_id, on), at=at, on=on)
