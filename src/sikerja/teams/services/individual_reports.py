"""Reports on individual (non-team) work (WF-REPORT, SPEC 4.12, "individual assignee reports
to"): on an approved individual penugasan, opened for each period of the pack's schedule (V-52's
interval) with reminders on their due date, or on the employee's own individual work, opened by
the employee for a period of that schedule. Submitted with evidence where the pack requires it
(V-29), copied from submission where the pack says so (Surakarta, A3), and received along the
pack's chain for individuals (V-54; Surakarta V-46 through the Kepala Bagian of the field).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from sikerja.assignments.models import Assignment, AssignmentCandidate
from sikerja.assignments.rules import SUBJECT_TYPE as PENUGASAN
from sikerja.audit.services import event_record
from sikerja.core.errors import NotFound, RuleViolation, StaleState, ValidationFailed
from sikerja.notifications import messages
from sikerja.notifications import services as notifications
from sikerja.organization.models import Employee, Placement
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.rules import ReportInterval
from sikerja.regulations.schema.team_report import IndividualReporting
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.individual.rules import INDIVIDUAL_SUBJECT
from sikerja.teams.models import (
    IndividualEvidence,
    IndividualReport,
    IndividualReportCopy,
)
from sikerja.teams.periods import Period, report_periods
from sikerja.teams.services.evidence import Upload, evidence_files_kept, evidence_store
from sikerja.teams.services.reports import evidence_check as evidence_required
from sikerja.teams.services.reports import report_due_at, reporting_of
from sikerja.teams.work_parties import REPORT, WorkParties
from sikerja.workflows import engine
from sikerja.workflows.actors import ActorContext
from sikerja.workflows.errors import WorkflowErrorCode
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

OPEN = (IndividualReport.Status.DUE, IndividualReport.Status.RETURNED)


def individual_of(pack: LoadedPack) -> IndividualReporting:
    """The pack's flows for individual reports. Raises RuleViolation when it names none."""
    individual = reporting_of(pack).individual
    if individual is None:
        raise RuleViolation(
            code=WorkflowErrorCode.FLOW_NOT_PROVIDED,
            message=_("Laporan individu tidak diatur dalam %(pack)s.") % {"pack": pack.short},
            citation=pack.short,
        )
    return individual


def _months(pack: LoadedPack) -> int:
    return pack.rule_params("V-52", ReportInterval).default_interval_months


def audit_individual(
    report: IndividualReport, by: Employee | None, action: str, at: dt.datetime, **kw: str
) -> None:
    event_record(
        government_id=report.government_id,
        actor_user_id=by.user_id if by else None,
        actor_label=by.nip if by else "system",
        action=action,
        object_type="teams.individualreport",
        object_id=str(report.pk),
        at=at,
        after={
            "basis": report.basis,
            "assignment": report.assignment_id,
            "period_start": report.period_start.isoformat(),
            "status": report.status,
            **{k: v for k, v in kw.items() if k not in {"rule", "citation"}},
        },
        rule=kw.get("rule", ""),
        citation=kw.get("citation", ""),
    )


def _open(
    pack: LoadedPack,
    author_id: int,
    assignment_id: int | None,
    unit_id: int,
    period: Period,
    at: dt.datetime,
    on: dt.date,
) -> IndividualReport:
    """Open one due report on the pack's flow for its basis (inside the caller's
    transaction), its first step due the pack's days after the period."""
    individual = individual_of(pack)
    is_assignment = assignment_id is not None
    key = individual.assignment_report if is_assignment else individual.own_work_report
    due_on = period[1] + dt.timedelta(days=reporting_of(pack).due_days_after_period)
    report = IndividualReport.objects.create(
        government_id=Employee.objects.values_list("government_id", flat=True).get(pk=author_id),
        author_id=author_id,
        basis=IndividualReport.Basis.ASSIGNMENT
        if is_assignment
        else IndividualReport.Basis.OWN_WORK,
        assignment_id=assignment_id,
        unit_id=unit_id,
        workflow_key=key,
        period_start=period[0],
        period_end=period[1],
        due_on=due_on,
    )
    instance = engine.instance_start(
        government_id=report.government_id,
        pack=pack,
        key=key,
        subject_type=INDIVIDUAL_SUBJECT,
        subject_id=report.pk,
        parties=WorkParties(author=author_id, owner_unit=unit_id),
        requester_id=author_id,
        at=at,
        on=on,
        first_due_at=report_due_at(due_on),
    )
    IndividualReport.objects.filter(pk=report.pk).update(workflow_instance_id=instance.pk)
    report.workflow_instance_id = instance.pk
    return report


def _approved_individual(assignment_id: int) -> tuple[Assignment, Period]:
    """The approved individual penugasan (locked) and its period. Raises ValidationFailed."""
    assignment = Assignment.objects.select_for_update().filter(pk=assignment_id).first()
    approved = WorkflowInstance.objects.filter(
        subject_type=PENUGASAN,
        subject_id=assignment_id,
        parent__isnull=True,
        status=WorkflowInstance.Status.APPROVED,
    ).exists()
    if (
        assignment is None
        or not approved
        or assignment.subject != Assignment.Subject.INDIVIDUAL
        or assignment.starts_on is None
        or assignment.ends_on is None
    ):
        raise ValidationFailed(
            code=TeamErrorCode.NOT_AN_INDIVIDUAL_ASSIGNMENT,
            message=_("Laporan dibuka hanya untuk penugasan individu yang telah disetujui."),
        )
    return assignment, (assignment.starts_on, assignment.ends_on)


def individual_reports_open(
    *, assignment_id: int, at: dt.datetime, on: dt.date
) -> list[IndividualReport]:
    """Open the reports due for every period of an approved individual penugasan begun by the
    day, one per assignee (V-52's interval). Idempotent; one audit event per report opened.

    Implements: V-52 (schedule), V-54 (the pack's chain for individuals). Raises
    ValidationFailed (not an approved individual penugasan), RuleViolation (no flow).
    """
    with transaction.atomic():
        assignment, period = _approved_individual(assignment_id)
        pack = load_pack(assignment.government.pack_id)
        assignees = list(
            AssignmentCandidate.objects.filter(assignment=assignment)
            .exclude(answer=AssignmentCandidate.Answer.DECLINED)
            .order_by("order", "pk")
            .values_list("employee_id", flat=True)
        )
        existing = set(
            IndividualReport.objects.filter(assignment_id=assignment.pk).values_list(
                "author_id", "period_start"
            )
        )
        opened = []
        for start, end in report_periods(period[0], period[1], _months(pack)):
            for author_id in assignees:
                if start > on or (author_id, start) in existing:
                    continue
                report = _open(
                    pack, author_id, assignment.pk, assignment.owner_unit_id, (start, end), at, on
                )
                audit_individual(
                    report,
                    None,
                    "teams.individual_report_opened",
                    at,
                    rule="V-52",
                    citation=pack.citation_of("V-52"),
                )
                opened.append(report)
    return opened


def schedule_period(months: int, period_start: dt.date, on: dt.date) -> Period:
    """The period of the schedule (calendar months or quarters) starting on the day given,
    begun by `on`. Raises ValidationFailed otherwise."""
    year = period_start.year
    for period in report_periods(dt.date(year, 1, 1), dt.date(year, 12, 31), months):
        if period[0] == period_start and period[0] <= on:
            return period
    raise ValidationFailed(
        code=TeamErrorCode.PERIOD_OFF_SCHEDULE,
        message=_("Pilih periode laporan menurut jadwal peraturan yang sudah dimulai."),
        fields={"period_start": _("Bukan awal periode laporan yang sudah dimulai.")},
    )


def _placed_unit(by: Employee, on: dt.date) -> int:
    unit = (
        Placement.objects.effective_on(on)
        .filter(employee=by)
        .order_by("kind")
        .values_list("position__unit_id", flat=True)
        .first()
    )
    if unit is None:
        raise ValidationFailed(
            code=TeamErrorCode.NO_PLACEMENT,
            message=_("Pegawai belum memiliki kedudukan (penempatan) aktif pada tanggal ini."),
        )
    return int(unit)


def individual_report_create(
    *, by: Employee, period_start: dt.date, at: dt.datetime, on: dt.date
) -> IndividualReport:
    """Open the employee's report on their own individual work for a period of the pack's
    schedule (V-52) begun by the day, on the pack's flow for it (Blitar: V-72). Idempotent:
    the period's report when it is already open.

    Raises ValidationFailed (off the schedule, no placement), RuleViolation (no flow, no
    official on the chain's first step).
    """
    pack = load_pack(by.government.pack_id)
    individual_of(pack)
    period = schedule_period(_months(pack), period_start, on)
    unit_id = _placed_unit(by, on)
    with transaction.atomic():
        existing = IndividualReport.objects.filter(
            government_id=by.government_id,
            author=by,
            assignment_id__isnull=True,
            period_start=period[0],
        ).first()
        if existing is not None:
            return existing
        report = _open(pack, by.pk, None, unit_id, period, at, on)
        audit_individual(
            report,
            by,
            "teams.individual_report_opened",
            at,
            rule="V-52",
            citation=pack.citation_of("V-52"),
        )
    return report


def _keep(
    report: IndividualReport, by: Employee, upload: Upload, at: dt.datetime, written: list[str]
) -> IndividualEvidence:
    """Check and keep one evidence file of the report under a generated name."""
    return IndividualEvidence.objects.create(
        government_id=report.government_id,
        report=report,
        uploaded_by=by,
        uploaded_at=at,
        **evidence_store(upload, f"{report.government_id}/individu/{report.pk}", written),
    )


def _report_of_author(report_id: int, by: Employee) -> IndividualReport:
    report = (
        IndividualReport.objects.select_related("government")
        .filter(pk=report_id, government_id=by.government_id, author=by)
        .first()
    )
    if report is None:
        raise NotFound()
    if report.status not in OPEN:
        raise StaleState(_("Laporan ini sudah disampaikan."))
    return report


def _copies(pack: LoadedPack, report: IndividualReport, on: dt.date) -> list[int]:
    """A3: the officials copied from submission, resolved on the day (not the author)."""
    expressions = individual_of(pack).copy_from_start
    if not expressions:
        return []
    parties = WorkParties(author=report.author_id, owner_unit=report.unit_id)
    ctx = ActorContext(pack, REPORT, parties, report.government_id, on)
    found = [ctx.resolve(expression).employee_id for expression in expressions]
    return [pk for pk in dict.fromkeys(found) if pk is not None and pk != report.author_id]


def individual_report_submit(
    *,
    report_id: int,
    by: Employee,
    text: str,
    at: dt.datetime,
    on: dt.date,
    uploads: list[Upload] | None = None,
) -> IndividualReport:
    """The author submits a due (or returned) report with new evidence files to the first
    official of the pack's chain for individuals; those the pack copies from the start (A3)
    are told. Exactly one of two concurrent submissions wins.

    Implements: V-29 (evidence), V-46 (Kepala Bagian of the field), V-54 (chain). Raises
    NotFound (not the author's), StaleState (already submitted), ValidationFailed (no text,
    a refused file), RuleViolation (V-29; V-46 field not recorded).
    """
    report = _report_of_author(report_id, by)
    pack = load_pack(report.government.pack_id)
    files = list(uploads or [])
    if not text.strip():
        raise ValidationFailed(
            code=TeamErrorCode.MISSING_FIELDS,
            message=_("Lengkapi laporan sebelum menyampaikannya."),
            fields={"text": _("Wajib diisi.")},
        )
    evidence_required(pack, report.files.count() + len(files))
    step = WorkflowStep.objects.get(
        instance_id=report.workflow_instance_id, status=WorkflowStep.Status.OPEN
    )
    with evidence_files_kept() as written, transaction.atomic():
        kept = [_keep(report, by, upload, at, written).pk for upload in files]
        engine.step_decide(step_id=step.pk, by=by, decision="submit", at=at, on=on)
        copied = _copies(pack, report, on)
        updated = IndividualReport.objects.filter(pk=report.pk, status__in=OPEN).update(
            status=IndividualReport.Status.SUBMITTED,
            text=text.strip(),
            submitted_at=at,
        )
        if updated != 1:
            raise StaleState(_("Laporan ini sudah disampaikan."))
        report.refresh_from_db()
        IndividualReportCopy.objects.bulk_create(
            [
                IndividualReportCopy(
                    government_id=report.government_id, report=report, employee_id=pk
                )
                for pk in copied
            ],
            ignore_conflicts=True,
        )
        _notify_copies(pack, report, copied)
        audit_individual(
            report,
            by,
            "teams.individual_report_submitted",
            at,
            rule="V-54",
            citation=pack.citation_of("V-54"),
            evidence=str(kept),
        )
    return report


def _notify_copies(pack: LoadedPack, report: IndividualReport, copied: list[int]) -> None:
    """After commit, tell each official copied that the report was submitted (A3)."""
    individual = individual_of(pack)
    citation = pack.cite(individual.copy_citation) if individual.copy_citation else ""
    link = reverse("web:individual-report-detail", args=[report.pk])
    params = {
        "name": report.author.full_name,
        "period": report.period_start.strftime("%m/%Y"),
        "citation": citation,
    }
    for recipient in copied:
        transaction.on_commit(
            partial(
                notifications.notify,
                recipient_id=recipient,
                kind=messages.INDIVIDUAL_REPORT_COPIED,
                params=params,
                link=link,
            )
        )


def individual_report_decide(
    *, step_id: int, by: Employee, decision: str, at: dt.datetime, on: dt.date, reason: str = ""
) -> WorkflowStep:
    """An official of the chain passes the report on (the last one receives it) or returns it
    to its author with a reason. Exactly one of two concurrent decisions wins.

    Raises NotFound (not theirs), StaleState (decided first by someone else), RuleViolation
    (V-03 reason).
    """
    step = (
        WorkflowStep.objects.select_related("instance")
        .filter(pk=step_id, instance__subject_type=INDIVIDUAL_SUBJECT)
        .first()
    )
    if step is None or step.instance.government_id != by.government_id:
        raise NotFound()
    with transaction.atomic():
        decided = engine.step_decide(
            step_id=step_id, by=by, decision=decision, at=at, on=on, reason=reason
        )
        instance = WorkflowInstance.objects.get(pk=step.instance_id)
        report = _mirror(instance, decision, at)
        audit_individual(
            report,
            by,
            "teams.individual_report_decided",
            at,
            rule=decided.actor_rule or "V-54",
            citation=decided.citation,
            decision=decision,
            reason=reason.strip(),
        )
    return decided


def _mirror(instance: WorkflowInstance, decision: str, at: dt.datetime) -> IndividualReport:
    """Where the report stands after a decision: received at the end of the chain, passed on
    to the next official, or returned to its author."""
    rows = IndividualReport.objects.filter(pk=instance.subject_id)
    if instance.status == WorkflowInstance.Status.APPROVED:
        rows.update(status=IndividualReport.Status.RECEIVED, received_at=at)
    elif decision == "return":
        rows.update(status=IndividualReport.Status.RETURNED)
    else:
        rows.update(status=IndividualReport.Status.FORWARDED)
    return rows.get()


@transaction.atomic(durable=True)
def individual_evidence_upload(
    *, report_id: int, by: Employee, upload: Upload, at: dt.datetime
) -> IndividualEvidence:
    """Keep one evidence file on the author's due (or returned) report, to be submitted with
    it (the API's first step). Raises NotFound, StaleState, ValidationFailed (nothing kept)."""
    report = _report_of_author(report_id, by)
    with evidence_files_kept() as written:
        evidence = _keep(report, by, upload, at, written)
        audit_individual(
            report,
            by,
            "teams.individual_evidence_uploaded",
            at,
            evidence=str(evidence.pk),
            sha256=evidence.sha256,
        )
    return evidence


def individual_assignments_reporting(on: dt.date) -> list[int]:
    """The approved individual penugasan whose reports may be due on the day: begun, and not
    ended more than a year before (for the daily command)."""
    approved = WorkflowInstance.objects.filter(
        subject_type=PENUGASAN, parent__isnull=True, status=WorkflowInstance.Status.APPROVED
    ).values("subject_id")
    return list(
        Assignment.objects.filter(
            pk__in=approved,
            subject=Assignment.Subject.INDIVIDUAL,
            starts_on__lte=on,
            ends_on__gte=on - dt.timedelta(days=366),
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
