"""The demo's teams at work, run through the real services: one active team with its plan set,
progress (one entry with a small PDF), feedback and an open obstacle waiting for the official
the pack's route names (V-56); one with its lead's report waiting in the pack's chain (V-54);
one whose results the pack's chain evaluated and declared complete (V-57); and the JF's report
on their own individual work waiting for the first official of the chain for individuals.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sikerja.core.errors import DomainError
from sikerja.organization.models import Employee
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.rules import ReportInterval
from sikerja.teams.models import MemberResult, Team, TeamReport
from sikerja.teams.periods import report_periods
from sikerja.teams.services.evaluation import team_evaluation_decide, team_evaluation_submit
from sikerja.teams.services.evidence import Upload
from sikerja.teams.services.execution import feedback_give, progress_report
from sikerja.teams.services.individual_reports import (
    individual_report_create,
    individual_report_submit,
)
from sikerja.teams.services.obstacles import obstacle_raise
from sikerja.teams.services.planning import (
    ActivityInput,
    team_plan_decide,
    team_plan_save,
    team_plan_submit,
)
from sikerja.teams.services.reports import (
    team_report_decide,
    team_report_submit,
    team_reports_open,
)
from sikerja.workflows.models import WorkflowStep

# A tiny but real PDF (header, catalog, trailer, end marker): the evidence the demo attaches.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _pdf(name: str) -> Upload:
    return Upload(name=name, content=PDF)


def work_in_progress(
    team: Team, lead: Employee, member: Employee, at: dt.datetime, on: dt.date
) -> None:
    """Plan set (by the approver the pack names, if any), progress of the lead and the member
    (the member's with a PDF), the lead's feedback on it, and an open obstacle."""
    team_plan_save(
        team_id=team.pk,
        by=lead,
        strategy="Verifikasi lapangan per kecamatan, lalu rekap bersama",
        expected_target="Data sarana layanan terverifikasi",
        activities=[
            ActivityInput(
                name="Verifikasi data sarana layanan",
                output="Berita acara verifikasi",
                target="40 sarana",
                starts_on=team.starts_on,
                ends_on=team.ends_on,
                budget=Decimal("2500000.00"),
                assignee_id=member.pk,
            )
        ],
        at=at,
        on=on,
    )
    plan = team_plan_submit(team_id=team.pk, by=lead, at=at, on=on)
    if plan.approver_id is not None:
        team_plan_decide(
            team_id=team.pk,
            by=Employee.objects.get(pk=plan.approver_id),
            approve=True,
            note="",
            at=at,
            on=on,
        )
    entries = [
        progress_report(
            team_id=team.pk,
            by=by,
            summary=summary,
            percent_complete=30,
            uploads=uploads,
            at=at,
            on=on,
        )
        for by, summary, uploads in (
            (lead, "Jadwal verifikasi per kecamatan disepakati", []),
            (member, "Verifikasi 12 dari 40 sarana selesai", [_pdf("rekap-verifikasi.pdf")]),
        )
    ]
    feedback_give(
        team_id=team.pk,
        by=lead,
        about_id=member.pk,
        text="Lengkapi foto papan nama tiap sarana.",
        progress_id=entries[-1].pk,
        at=at,
        on=on,
    )
    obstacle_raise(
        team_id=team.pk,
        by=lead,
        problem="Data sarana di dua kecamatan belum diserahkan oleh puskesmas.",
        recommendations=["Surat permintaan data dari pimpinan unit"],
        at=at,
        on=on,
    )


def _submit(report: TeamReport, at: dt.datetime, on: dt.date, **extra: object) -> TeamReport:
    return team_report_submit(
        report_id=report.pk,
        by=Employee.objects.get(pk=report.author_id),
        text="Kegiatan periode ini terlaksana sesuai rencana",
        uploads=[_pdf("laporan.pdf")],
        at=at,
        on=on,
        **extra,  # type: ignore[arg-type]
    )


def _open_step(instance_id: int | None) -> WorkflowStep | None:
    return WorkflowStep.objects.filter(
        instance_id=instance_id, status=WorkflowStep.Status.OPEN
    ).first()


def _receive_all(instance_id: int | None, at: dt.datetime, on: dt.date) -> None:
    """Acknowledge every node of a report's chain as its actor."""
    while (step := _open_step(instance_id)) is not None and step.actor_id is not None:
        team_report_decide(
            step_id=step.pk,
            by=Employee.objects.get(pk=step.actor_id),
            decision="acknowledge",
            at=at,
            on=on,
        )


def reports_waiting(
    team: Team, lead: Employee, member: Employee, at: dt.datetime, on: dt.date
) -> None:
    """The period's reports: the member's received by the lead, the lead's (with the member's
    results) submitted and waiting for the first official of the pack's chain."""
    team_reports_open(team_id=team.pk, at=at, on=on)
    for report in TeamReport.objects.filter(team=team, kind=TeamReport.Kind.MEMBER):
        _receive_all(_submit(report, at, on).workflow_instance_id, at, on)
    for report in TeamReport.objects.filter(team=team, kind=TeamReport.Kind.LEAD):
        _submit(report, at, on, member_results={member.pk: "Verifikasi tepat waktu"})


def declared_complete(
    team: Team, lead: Employee, member: Employee, at: dt.datetime, on: dt.date
) -> None:
    """Every report received up its chain (and each member's results by their appraiser), the
    results evaluated and approved on target up to the official who declares the work done."""
    reports_waiting(team, lead, member, at, on)
    for report in TeamReport.objects.filter(team=team, kind=TeamReport.Kind.LEAD):
        _receive_all(report.workflow_instance_id, at, on)
    for instance_id in MemberResult.objects.filter(team=team).values_list(
        "workflow_instance_id", flat=True
    ):
        _receive_all(instance_id, at, on)
    evaluation = team_evaluation_submit(
        team_id=team.pk,
        by=lead,
        results="Data 40 sarana layanan terverifikasi",
        uploads=[_pdf("hasil-kerja-tim.pdf")],
        at=at,
        on=on,
    )
    while (step := _open_step(evaluation.workflow_instance_id)) is not None and step.actor_id:
        team_evaluation_decide(
            step_id=step.pk,
            by=Employee.objects.get(pk=step.actor_id),
            decision="approve",
            on_target=True,
            at=at,
            on=on,
        )


def individual_report_waiting(author: Employee, at: dt.datetime, on: dt.date) -> None:
    """The author's report on their own individual work for the current period of the pack's
    schedule, submitted with a PDF: it waits for the first official of the pack's chain for
    individuals (SPEC 4.12). Skipped quietly where the pack or the organisation cannot run it."""
    pack = load_pack(author.government.pack_id)
    months = pack.rule_params("V-52", ReportInterval).default_interval_months
    start = next(
        period[0]
        for period in report_periods(dt.date(on.year, 1, 1), dt.date(on.year, 12, 31), months)
        if period[0] <= on <= period[1]
    )
    try:
        report = individual_report_create(by=author, period_start=start, at=at, on=on)
        individual_report_submit(
            report_id=report.pk,
            by=author,
            text="Kajian kebijakan pelayanan selesai disusun (contoh demo).",
            uploads=[_pdf("kajian.pdf")],
            at=at,
            on=on,
        )
    except DomainError:
        return
