"""Periodic reports of a team (WF-REPORT, SPEC 4.12): opened for each period on the pack's
schedule (V-52), submitted by their author with evidence where the pack requires it (V-29),
received along the pack's chain (V-54); the lead's report on each member goes to that member's
own (home) appraiser as input to the appraisal.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound, RuleViolation, StaleState, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.rules import ReportInterval
from sikerja.regulations.schema.team_report import TeamReporting
from sikerja.teams.completion import team_open_check
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.models import MemberResult, Team, TeamMember, TeamReport
from sikerja.teams.periods import Period, report_periods
from sikerja.teams.services.common import audit_team
from sikerja.teams.services.evidence import Upload, evidence_files_kept
from sikerja.teams.services.report_evidence import OWNER_REPORT, evidence_attach
from sikerja.teams.work_hooks import REPORT_SUBJECT, RESULT_SUBJECT
from sikerja.teams.work_parties import WorkParties
from sikerja.workflows import engine
from sikerja.workflows.errors import WorkflowErrorCode
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

REPORTING = (Team.Status.ACTIVE, Team.Status.EXPIRED)
OPEN_REPORT = (TeamReport.Status.DUE, TeamReport.Status.RETURNED)


def reporting_of(pack: LoadedPack) -> TeamReporting:
    """The pack's report and evaluation flows. Raises RuleViolation when it names none."""
    reporting = pack.parameters.team_reporting
    if reporting is None:
        raise RuleViolation(
            code=WorkflowErrorCode.FLOW_NOT_PROVIDED,
            message=_("Pelaporan tim kerja tidak diatur dalam %(pack)s.") % {"pack": pack.short},
            citation=pack.short,
        )
    return reporting


def work_parties(team: Team, author_id: int, member_id: int | None = None) -> WorkParties:
    return WorkParties(
        author=author_id,
        owner_unit=team.owner_unit_id,
        lead=team.lead_id,
        member=member_id,
        pengendali=team.pengendali_id,
    )


def report_due_at(day: dt.date) -> dt.datetime:
    """The end of the working day a report is due on, in the site's time zone."""
    return dt.datetime.combine(day, dt.time(16, 0), tzinfo=ZoneInfo(settings.TIME_ZONE))


def team_reports_open(*, team_id: int, at: dt.datetime, on: dt.date) -> list[TeamReport]:
    """Open the reports due for every period of the team begun by the day: the lead's and, when
    the team has a lead, each member's (V-52). Idempotent; one audit event when any opened.

    Implements: V-52 (the pack's interval), V-54 (each report on its pack flow).
    """
    with transaction.atomic():
        team = Team.objects.select_for_update().select_related("government").get(pk=team_id)
        if team.status not in REPORTING:
            return []
        pack = load_pack(team.government.pack_id)
        reporting = reporting_of(pack)
        months = pack.rule_params("V-52", ReportInterval).default_interval_months
        periods = [p for p in report_periods(team.starts_on, team.ends_on, months) if p[0] <= on]
        opened = [
            open_report(pack, reporting, team, kind, author_id, period, at, on)
            for period in periods
            for kind, author_id in _reporters(pack, reporting, team, period)
            if not TeamReport.objects.filter(
                team=team, kind=kind, author_id=author_id, period_start=period[0]
            ).exists()
        ]
        if opened:
            audit_team(
                team,
                None,
                "team.reports_opened",
                at,
                after={"reports": [r.pk for r in opened]},
                rule="V-52",
                citation=pack.citation_of("V-52"),
            )
    return opened


def _reporters(
    pack: LoadedPack, reporting: TeamReporting, team: Team, period: Period
) -> list[tuple[str, int]]:
    """Who reports for a period: the lead, and the members in it. Members report to the lead;
    while the post is vacant, only where the pack routes them elsewhere (Surakarta: to their
    appraiser)."""
    people = on_team_in(team, period).order_by("pk").values_list("employee_id", "role")
    lead: list[tuple[str, int]] = [
        (TeamReport.Kind.LEAD, pk) for pk, role in people if role == TeamMember.Role.LEAD
    ]
    if team.lead_id is None and _needs_lead(pack, reporting.member_report):
        return lead
    return [*lead, *((TeamReport.Kind.MEMBER, pk) for pk, role in people if role != "LEAD")]


def on_team_in(team: Team, period: Period) -> QuerySet[TeamMember]:
    """The team's people on it for some of the period (not those still waiting to join)."""
    return (
        team.memberships.filter(valid_from__lte=period[1])
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=period[0]))
        .exclude(status__in=[TeamMember.Status.PROPOSED, TeamMember.Status.PENDING])
    )


def _needs_lead(pack: LoadedPack, key: str) -> bool:
    """Whether a member's report flow goes to the lead in person (no one while it is vacant)."""
    definition = pack.data.workflows[key]
    names = definition.chains()
    return any(node.actor == "lead" for name in names for node in pack.data.chains[name].nodes)


def open_report(
    pack: LoadedPack,
    reporting: TeamReporting,
    team: Team,
    kind: str,
    author_id: int,
    period: Period,
    at: dt.datetime,
    on: dt.date,
) -> TeamReport:
    """Open one report for a period on the pack's flow, its first step due the pack's days
    after the period (inside the caller's transaction)."""
    due_on = period[1] + dt.timedelta(days=reporting.due_days_after_period)
    report = TeamReport.objects.create(
        government_id=team.government_id,
        team=team,
        kind=kind,
        author_id=author_id,
        period_start=period[0],
        period_end=period[1],
        due_on=due_on,
    )
    key = reporting.lead_report if kind == TeamReport.Kind.LEAD else reporting.member_report
    instance = engine.instance_start(
        government_id=team.government_id,
        pack=pack,
        key=key,
        subject_type=REPORT_SUBJECT,
        subject_id=report.pk,
        parties=work_parties(team, author_id),
        requester_id=author_id,
        at=at,
        on=on,
        first_due_at=report_due_at(due_on),
    )
    TeamReport.objects.filter(pk=report.pk).update(workflow_instance_id=instance.pk)
    report.workflow_instance_id = instance.pk
    return report


def evidence_check(pack: LoadedPack, count: int) -> None:
    """V-29: a report carries supporting evidence where the pack requires it."""
    if pack.binds("V-29") and count == 0:
        raise RuleViolation(
            code=TeamErrorCode.EVIDENCE_REQUIRED,
            message=_("Laporan wajib disertai data dukung."),
            rule="V-29",
            citation=pack.citation_of("V-29"),
            fields={"evidence": _("Lampirkan paling sedikit satu berkas data dukung.")},
        )


def _report_for(report_id: int, by: Employee) -> TeamReport:
    report = (
        TeamReport.objects.select_related("team__government")
        .filter(pk=report_id, government_id=by.government_id, author=by)
        .first()
    )
    if report is None:
        raise NotFound()
    team_open_check(report.team)
    if report.status not in OPEN_REPORT:
        raise StaleState(_("Laporan ini sudah disampaikan."))
    return report


def team_report_submit(
    *,
    report_id: int,
    by: Employee,
    text: str,
    at: dt.datetime,
    on: dt.date,
    evidence_ids: list[int] | None = None,
    uploads: list[Upload] | None = None,
    member_results: dict[int, str] | None = None,
) -> TeamReport:
    """The author submits a due (or returned) report up the pack's chain; the lead's report
    carries a report on each member, sent to that member's own appraiser. Evidence: files of
    the team already uploaded (`evidence_ids`) and new `uploads`, attached to the report.

    Implements: V-29 (evidence), V-54 (chain; members' results to their home appraiser).
    Raises NotFound (not the author's), StaleState (already submitted), RuleViolation
    (V-29; the team declared complete, V-57), ValidationFailed (text or member results missing).
    """
    report = _report_for(report_id, by)
    pack = load_pack(report.team.government.pack_id)
    evidence_check(pack, len(set(evidence_ids or [])) + len(uploads or []))
    results = _results_check(report, text, member_results or {})
    step = WorkflowStep.objects.get(
        instance_id=report.workflow_instance_id, status=WorkflowStep.Status.OPEN
    )
    with evidence_files_kept() as written, transaction.atomic():
        evidence = evidence_attach(
            team=report.team,
            by=by,
            owner_kind=OWNER_REPORT,
            owner_id=report.pk,
            evidence_ids=list(evidence_ids or []),
            uploads=list(uploads or []),
            at=at,
            written=written,
        )
        engine.step_decide(
            step_id=step.pk, by=by, decision="submit", at=at, on=on, data={"evidence": evidence}
        )
        updated = TeamReport.objects.filter(pk=report.pk, status__in=OPEN_REPORT).update(
            status=TeamReport.Status.SUBMITTED,
            text=text.strip(),
            evidence=evidence,
            submitted_at=at,
        )
        if updated != 1:
            raise StaleState(_("Laporan ini sudah disampaikan."))
        sent = [_send_result(pack, report, pk, note, at, on) for pk, note in results.items()]
        audit_team(
            report.team,
            by,
            "team.report_submitted",
            at,
            after={"report": report.pk, "evidence": evidence, "member_results": sent},
            rule="V-54",
            citation=pack.citation_of("V-54"),
        )
    report.refresh_from_db()
    return report


def _results_check(report: TeamReport, text: str, notes: dict[int, str]) -> dict[int, str]:
    """The report's text, and for the lead's report a note on each current member."""
    fields = {"text": _("Wajib diisi.")} if not text.strip() else {}
    if report.kind != TeamReport.Kind.LEAD:
        results: dict[int, str] = {}
    else:
        period = (report.period_start, report.period_end)
        members = list(
            on_team_in(report.team, period)
            .filter(role=TeamMember.Role.MEMBER)
            .order_by("pk")
            .values_list("employee_id", flat=True)
        )
        results = {pk: str(notes.get(pk, "")).strip() for pk in members}
        missing = [pk for pk, note in results.items() if not note]
        if missing:
            fields["member_results"] = _("Isi laporan hasil kerja setiap anggota.")
    if fields:
        raise ValidationFailed(
            code=TeamErrorCode.MEMBER_RESULTS_MISSING
            if "member_results" in fields
            else TeamErrorCode.MISSING_FIELDS,
            message=_("Lengkapi laporan sebelum menyampaikannya."),
            fields=fields,
        )
    return results


def _send_result(
    pack: LoadedPack, report: TeamReport, member_id: int, note: str, at: dt.datetime, on: dt.date
) -> int:
    """The lead's note on one member for the member's own appraiser (kept again on resubmit)."""
    result, created = MemberResult.objects.update_or_create(
        report=report,
        member_id=member_id,
        defaults={
            "government_id": report.government_id,
            "team_id": report.team_id,
            "period_start": report.period_start,
            "period_end": report.period_end,
            "text": note,
        },
    )
    if not created and result.workflow_instance_id is not None:
        return result.pk
    reporting = reporting_of(pack)
    instance = engine.instance_start(
        government_id=report.government_id,
        pack=pack,
        key=reporting.member_result,
        subject_type=RESULT_SUBJECT,
        subject_id=result.pk,
        parties=work_parties(report.team, report.author_id, member_id),
        requester_id=report.author_id,
        at=at,
        on=on,
    )
    submitted = instance.steps.get(status=WorkflowStep.Status.OPEN)
    lead = Employee.objects.get(pk=report.author_id)
    engine.step_decide(step_id=submitted.pk, by=lead, decision="submit", at=at, on=on)
    first = instance.steps.get(status=WorkflowStep.Status.OPEN)
    MemberResult.objects.filter(pk=result.pk).update(
        workflow_instance_id=instance.pk,
        appraiser_id=first.actor_id,
        appraiser_rule=first.actor_rule,
        appraiser_citation=first.actor_citation,
    )
    return result.pk


def team_report_decide(
    *, step_id: int, by: Employee, decision: str, at: dt.datetime, on: dt.date, reason: str = ""
) -> WorkflowStep:
    """A receiver on the chain acknowledges a report (the last one receives it) or returns it
    to its author with a reason; a member's appraiser acknowledges the lead's note on them.

    Raises NotFound, StaleState (decided by someone else first), RuleViolation (V-03 reason;
    the team declared complete, V-57).
    """
    step = (
        WorkflowStep.objects.select_related("instance")
        .filter(pk=step_id, instance__subject_type__in=[REPORT_SUBJECT, RESULT_SUBJECT])
        .first()
    )
    if step is None or step.instance.government_id != by.government_id:
        raise NotFound()
    team = _team_of(step.instance)
    team_open_check(team)
    with transaction.atomic():
        decided = engine.step_decide(
            step_id=step_id, by=by, decision=decision, at=at, on=on, reason=reason
        )
        instance = WorkflowInstance.objects.get(pk=step.instance_id)
        _mirror(instance, decision, at)
        audit_team(
            team,
            by,
            "team.report_decided",
            at,
            after={"instance": instance.pk, "decision": decision, "reason": reason.strip()},
            rule="V-54",
            citation=decided.citation,
        )
    return decided


def _team_of(instance: WorkflowInstance) -> Team:
    model = TeamReport if instance.subject_type == REPORT_SUBJECT else MemberResult
    team_id = model.objects.values_list("team_id", flat=True).get(pk=instance.subject_id)
    return Team.objects.get(pk=team_id)


def _mirror(instance: WorkflowInstance, decision: str, at: dt.datetime) -> None:
    """Where the report stands after a decision: received at the end of the chain, or
    returned to its author."""
    received = instance.status == WorkflowInstance.Status.APPROVED
    if instance.subject_type == RESULT_SUBJECT:
        if received:
            MemberResult.objects.filter(pk=instance.subject_id).update(received_at=at)
        return
    if received:
        TeamReport.objects.filter(pk=instance.subject_id).update(
            status=TeamReport.Status.RECEIVED, received_at=at
        )
    elif decision == "return":
        TeamReport.objects.filter(pk=instance.subject_id).update(status=TeamReport.Status.RETURNED)
