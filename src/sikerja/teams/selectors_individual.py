"""Reads of reports on individual work: the viewer's own (due, submitted), those waiting for
them on a chain, those copied to them, one report with its chain and evidence, and one evidence
file for download. Each list is a constant number of queries whatever its length."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from sikerja.core.errors import NotFound
from sikerja.organization.rules import Viewer
from sikerja.teams.individual.rules import INDIVIDUAL_SUBJECT, individual_reports_visible_to
from sikerja.teams.models import IndividualEvidence, IndividualReport, IndividualReportCopy
from sikerja.workflows import engine
from sikerja.workflows.models import WorkflowStep

OPEN = (IndividualReport.Status.DUE, IndividualReport.Status.RETURNED)
LIST_LIMIT = 100


@dataclass(frozen=True)
class WaitingRow:
    """An open step of an individual report's chain that waits for the viewer."""

    step: WorkflowStep
    report: IndividualReport


@dataclass(frozen=True)
class IndividualReportsPage:
    """What the viewer reports, what waits for them, and what was copied to them."""

    mine: list[IndividualReport]
    waiting: list[WaitingRow]
    copied: list[IndividualReport]


def individual_reports_page(*, viewer: Viewer) -> IndividualReportsPage:
    """The viewer's individual reports, newest period first; the steps waiting for them,
    oldest first; the reports copied to them (4 queries whatever their number)."""
    me = viewer.employee_id
    government = viewer.government.pk
    if me is None:
        return IndividualReportsPage(mine=[], waiting=[], copied=[])
    mine = list(
        IndividualReport.objects.filter(government_id=government, author_id=me).order_by(
            "-period_start", "pk"
        )[:LIST_LIMIT]
    )
    steps = list(
        WorkflowStep.objects.filter(
            instance__government_id=government,
            instance__subject_type=INDIVIDUAL_SUBJECT,
            actor_id=me,
            status=WorkflowStep.Status.OPEN,
        )
        .exclude(step_key="submit")
        .select_related("instance")
        .order_by("opened_at", "pk")[:LIST_LIMIT]
    )
    reports = IndividualReport.objects.select_related("author").in_bulk(
        [step.instance.subject_id for step in steps]
    )
    copied = [
        copy.report
        for copy in IndividualReportCopy.objects.filter(government_id=government, employee_id=me)
        .select_related("report__author")
        .order_by("-report__period_start", "pk")[:LIST_LIMIT]
    ]
    waiting = [
        WaitingRow(step, reports[step.instance.subject_id])
        for step in steps
        if step.instance.subject_id in reports
    ]
    return IndividualReportsPage(mine=mine, waiting=waiting, copied=copied)


@dataclass
class IndividualReportView:
    """One report with its chain, evidence and copies, and the step the viewer may act on."""

    report: IndividualReport
    steps: list[WorkflowStep]
    files: list[IndividualEvidence]
    copies: list[str]
    my_step: WorkflowStep | None = None
    may_submit: bool = False
    # the author may move a step waiting for an official who has since moved (no query: the
    # service checks whether anyone moved)
    may_reroute: bool = False


def individual_report_get(*, viewer: Viewer, report_id: int, on: dt.date) -> IndividualReport:
    """One report the viewer may see. Raises NotFound (hidden or missing alike)."""
    report = (
        individual_reports_visible_to(viewer, on)
        .select_related("author", "unit")
        .filter(pk=report_id)
        .first()
    )
    if report is None:
        raise NotFound()
    return report


def individual_report_view(*, viewer: Viewer, report_id: int, on: dt.date) -> IndividualReportView:
    """One report the viewer may see, with the open step they may decide (a delegate too)."""
    report = individual_report_get(viewer=viewer, report_id=report_id, on=on)
    steps = list(
        WorkflowStep.objects.filter(instance_id=report.workflow_instance_id)
        .select_related("instance")
        .order_by("seq")
    )
    me = viewer.employee_id
    open_step = next((s for s in steps if s.status == WorkflowStep.Status.OPEN), None)
    may_submit = report.status in OPEN and report.author_id == me
    my_step = None
    waiting_official = open_step is not None and open_step.step_key != "submit"
    if open_step is not None and me is not None and waiting_official:
        my_step = open_step if engine.may_act(open_step, me, on) else None
    return IndividualReportView(
        report=report,
        steps=steps,
        files=list(report.files.order_by("pk")),
        copies=[
            copy.employee.full_name
            for copy in report.copies.select_related("employee").order_by("pk")
        ],
        my_step=my_step,
        may_submit=may_submit,
        may_reroute=waiting_official and report.author_id == me,
    )


def individual_evidence_get(
    *, viewer: Viewer, report_id: int, evidence_id: int, on: dt.date
) -> IndividualEvidence:
    """One evidence file of a report the viewer may see. Raises NotFound otherwise."""
    individual_report_get(viewer=viewer, report_id=report_id, on=on)
    evidence = IndividualEvidence.objects.filter(
        pk=evidence_id, report_id=report_id, government_id=viewer.government.pk
    ).first()
    if evidence is None:
        raise NotFound()
    return evidence


def individual_reports_of(*, viewer: Viewer, on: dt.date) -> QuerySet[IndividualReport]:
    """Every individual report the viewer may see, newest first (the API's list)."""
    return (
        individual_reports_visible_to(viewer, on)
        .select_related("author")
        .order_by("-period_start", "-pk")
    )
