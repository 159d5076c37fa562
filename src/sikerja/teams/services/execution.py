"""Carrying out a team's work: progress entries with evidence (A3, E1-E3), feedback by the
officials the pack names (K4, O3), monitoring (V-30, V-30a) and rework of off-target work
(V-58). Every write is one transaction with one audit event."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import StaleState, ValidationFailed
from sikerja.notifications import messages
from sikerja.organization.models import Employee
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.schema.teamwork import MonitoringSettings
from sikerja.teams import rules
from sikerja.teams.completion import team_open_check
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.models import (
    Feedback,
    MonitoringRecord,
    PlanActivity,
    ProgressEntry,
    Rework,
    Team,
    TeamPlan,
)
from sikerja.teams.services.common import audit_team
from sikerja.teams.services.evaluation import evaluation_rework_done
from sikerja.teams.services.evidence import Upload, evidence_files_kept, evidence_save
from sikerja.teams.services.work_common import (
    cite,
    notify_on_commit,
    pack_of,
    refuse_unless,
    required_text,
    teamwork,
    work_team,
)

PROGRESS = "progress"
MAX_PERCENT = 100


def _activity(team: Team, activity_id: int | None) -> PlanActivity | None:
    """An activity of the team's set plan. Raises ValidationFailed for any other."""
    if activity_id is None:
        return None
    activity = PlanActivity.objects.filter(
        pk=activity_id, plan__team=team, plan__status=TeamPlan.Status.APPROVED
    ).first()
    if activity is None:
        raise ValidationFailed(
            code=TeamErrorCode.PLAN_MISSING,
            message=_("Kegiatan itu tidak ada dalam rencana tim yang sudah ditetapkan."),
            fields={"activity": _("Pilih kegiatan dari rencana yang ditetapkan.")},
        )
    return activity


@transaction.atomic(durable=True)
def progress_report(
    *,
    team_id: int,
    by: Employee,
    summary: str,
    percent_complete: int,
    uploads: list[Upload],
    at: dt.datetime,
    on: dt.date,
    activity_id: int | None = None,
) -> ProgressEntry:
    """A member's (or the lead's) progress on the team's work, with evidence files kept
    for it; a refused file refuses the whole entry and keeps nothing.

    Raises NotFound, PermissionDenied, ValidationFailed.
    """
    team = work_team(team_id, by)
    pack = pack_of(team)
    refuse_unless(
        rules.may_report_progress(team, by.pk), _("Kemajuan dilaporkan oleh anggota tim.")
    )
    text = required_text(summary, "summary")
    if not 0 <= percent_complete <= MAX_PERCENT:
        raise ValidationFailed(
            code=TeamErrorCode.UNKNOWN_VALUE,
            message=_("Persentase kemajuan 0 sampai 100."),
            fields={"percent_complete": _("0 sampai 100.")},
        )
    entry = ProgressEntry.objects.create(
        government_id=team.government_id,
        team=team,
        employee=by,
        activity=_activity(team, activity_id),
        reported_on=on,
        reported_at=at,
        summary=text,
        percent_complete=percent_complete,
    )
    with evidence_files_kept() as written:
        files = [
            evidence_save(
                team=team,
                by=by,
                upload=upload,
                owner_kind=PROGRESS,
                owner_id=entry.pk,
                at=at,
                written=written,
            ).pk
            for upload in uploads
        ]
        audit_team(
            team,
            by,
            "team.progress_reported",
            at,
            after={"entry": entry.pk, "percent": percent_complete, "evidence": files},
            citation=cite(pack, teamwork(pack).work_plan),
        )
    return entry


@transaction.atomic(durable=True)
def feedback_give(
    *,
    team_id: int,
    by: Employee,
    about_id: int,
    text: str,
    at: dt.datetime,
    on: dt.date,
    progress_id: int | None = None,
) -> Feedback:
    """Feedback on a member's work by an official the pack names (`teamwork.feedback.by`:
    the lead, the member's appraiser, the unit head). Raises NotFound, PermissionDenied,
    ValidationFailed."""
    team = work_team(team_id, by)
    pack = pack_of(team)
    settings = teamwork(pack).feedback
    refuse_unless(
        rules.may_give_feedback(team, by.pk, about_id, on)
        and rules.work_role(team, about_id) is not None,
        _("Umpan balik diberikan oleh pejabat yang disebut peraturan kepada anggota tim."),
        citation=cite(pack, settings),
    )
    body = required_text(text, "text")
    progress = (
        ProgressEntry.objects.filter(pk=progress_id, team=team, employee_id=about_id).first()
        if progress_id is not None
        else None
    )
    if progress_id is not None and progress is None:
        raise ValidationFailed(
            code=TeamErrorCode.UNKNOWN_VALUE,
            message=_("Laporan kemajuan itu tidak ditemukan."),
            fields={"progress": _("Tidak ditemukan.")},
        )
    role = rules.work_role_of(team, settings.by, by.pk, on, about=about_id) or ""
    feedback = Feedback.objects.create(
        government_id=team.government_id,
        team=team,
        progress=progress,
        about_id=about_id,
        by=by,
        by_role=role,
        text=body,
        given_at=at,
    )
    audit_team(
        team,
        by,
        "team.feedback_given",
        at,
        after={"about": about_id, "role": role},
        citation=cite(pack, settings),
    )
    return feedback


def monitoring_period(settings: MonitoringSettings, day: dt.date) -> str:
    """The period a monitoring on the day counts for: `2026-Q4`, `2026-11`, or the day."""
    if settings.interval == "QUARTERLY":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if settings.interval == "MONTHLY":
        return f"{day.year}-{day.month:02d}"
    return day.isoformat()


def monitoring_rule(pack: LoadedPack) -> str:
    """V-30 where the pack sets quarterly monitoring as a rule, else V-30a."""
    return "V-30" if pack.binds("V-30") else "V-30a"


@transaction.atomic(durable=True)
def monitoring_record(
    *,
    team_id: int,
    by: Employee,
    findings: str,
    direction: str,
    held_on: dt.date,
    at: dt.datetime,
    on: dt.date,
) -> MonitoringRecord:
    """Monitoring and evaluation of the team's work by an official the pack names, counted
    for the period of its day (V-30 quarterly; V-30a periodic). Raises NotFound,
    PermissionDenied, ValidationFailed."""
    team = work_team(team_id, by)
    pack = pack_of(team)
    settings = teamwork(pack).monitoring
    rule = monitoring_rule(pack)
    refuse_unless(
        rules.may_monitor(team, by.pk, on),
        _("Pemantauan tim dilakukan oleh pejabat yang disebut peraturan."),
        rule=rule,
        citation=pack.citation_of(rule) or cite(pack, settings),
    )
    if held_on > on:
        raise ValidationFailed(
            code=TeamErrorCode.PERIOD,
            message=_("Tanggal pemantauan tidak boleh di masa depan."),
            fields={"held_on": _("Tidak boleh di masa depan.")},
        )
    record = MonitoringRecord.objects.create(
        government_id=team.government_id,
        team=team,
        by=by,
        by_role=rules.work_role_of(team, settings.by, by.pk, on) or "",
        period=monitoring_period(settings, held_on),
        held_on=held_on,
        findings=required_text(findings, "findings"),
        direction=direction.strip(),
        recorded_at=at,
    )
    audit_team(
        team,
        by,
        "team.monitored",
        at,
        after={"period": record.period},
        rule=rule,
        citation=pack.citation_of(rule) or cite(pack, settings),
    )
    return record


@transaction.atomic(durable=True)
def rework_open(
    *,
    team_id: int,
    by: Employee,
    reason: str,
    at: dt.datetime,
    on: dt.date,
    activity_id: int | None = None,
) -> Rework:
    """Send work that missed its target to rework, owned by whom the pack names (V-58: the
    unit head in Surakarta; elsewhere the team lead, a product decision). Raises NotFound,
    PermissionDenied, ValidationFailed."""
    team = work_team(team_id, by)
    pack = pack_of(team)
    settings = teamwork(pack).rework
    refuse_unless(
        rules.may_open_rework(team, by.pk, on),
        _("Hasil yang tidak sesuai target dikembalikan oleh pimpinan unit organisasi."),
    )
    text = required_text(reason, "reason")
    owner = rules.work_official(team, settings.owner, on)
    if owner is None:
        raise ValidationFailed(
            code=TeamErrorCode.NO_PLACEMENT,
            message=_("Pemilik perbaikan tidak dapat ditentukan (jabatannya kosong)."),
        )
    rule = "V-58" if pack.binds("V-58") else ""
    rework = Rework.objects.create(
        government_id=team.government_id,
        team=team,
        activity=_activity(team, activity_id),
        owner_id=owner,
        owner_role=settings.owner,
        reason=text,
        opened_by=by,
        opened_at=at,
    )
    citation = pack.citation_of(rule) if rule else cite(pack, settings)
    notify_on_commit(team, [owner], messages.TEAM_REWORK_OPENED, citation, by)
    audit_team(
        team,
        by,
        "team.rework_opened",
        at,
        after={"rework": rework.pk, "owner": owner},
        rule=rule,
        citation=citation,
    )
    return rework


@transaction.atomic(durable=True)
def rework_close(
    *, rework_id: int, by: Employee, resolution: str, at: dt.datetime, on: dt.date
) -> Rework:
    """The owner records how the work was improved; rework opened by an evaluation's return
    sends the results up the review chain again (V-58). Exactly one close wins.
    Raises NotFound, PermissionDenied, ValidationFailed, StaleState."""
    rework = (
        Rework.objects.select_related("evaluation")
        .filter(pk=rework_id, team__government_id=by.government_id)
        .first()
    )
    team = _rework_team(rework, by)
    refuse_unless(
        rework is not None and rework.owner_id == by.pk,
        _("Perbaikan dicatat oleh pemiliknya."),
    )
    assert rework is not None  # noqa: S101 (refused above)
    text = required_text(resolution, "resolution")
    updated = Rework.objects.filter(pk=rework_id, status=Rework.Status.OPEN).update(
        status=Rework.Status.DONE, resolution=text, closed_at=at
    )
    if updated != 1:
        raise StaleState(_("Perbaikan ini sudah dicatat selesai."))
    rule = ""
    if rework.evaluation_id is not None:
        evaluation_rework_done(rework=rework, by=by, resolution=text, at=at, on=on)
        rule = "V-58"
    audit_team(
        team,
        by,
        "team.rework_closed",
        at,
        after={"rework": rework_id, "evaluation": rework.evaluation_id},
        rule=rule,
        citation=pack_of(team).citation_of(rule) if rule else "",
    )
    return Rework.objects.get(pk=rework_id)


def _rework_team(rework: Rework | None, by: Employee) -> Team:
    """The team of the rework: active for rework opened by hand; active or ended for rework
    of returned results (a team's results are evaluated after its period too)."""
    if rework is None or rework.evaluation_id is None:
        return work_team(rework.team_id if rework else 0, by)
    team = Team.objects.select_related("government").get(pk=rework.team_id)
    team_open_check(team)
    return team
