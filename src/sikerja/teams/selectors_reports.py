"""Reads of a team's reports and evaluation: what the viewer must report, what waits for them
on a report's chain, one report or evaluation with its trail, and the lead's reports on one
member for the performance app (input to the appraisal, SPEC 6.5)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from sikerja.core.errors import NotFound
from sikerja.organization.models import Employee
from sikerja.organization.rules import Viewer
from sikerja.teams import rules
from sikerja.teams.models import MemberResult, Team, TeamEvaluation, TeamReport
from sikerja.teams.work_hooks import EVALUATION_SUBJECT, REPORT_SUBJECT, RESULT_SUBJECT
from sikerja.workflows.models import WorkflowStep

OPEN_REPORT = (TeamReport.Status.DUE, TeamReport.Status.RETURNED)


def reports_due_for(*, viewer: Viewer) -> QuerySet[TeamReport]:
    """The reports the viewer has to submit (due or returned), soonest first (1 query)."""
    return (
        TeamReport.objects.filter(
            government_id=viewer.government.pk,
            author_id=viewer.employee_id,
            status__in=OPEN_REPORT,
            team__status__in=(Team.Status.ACTIVE, Team.Status.EXPIRED),
        )
        .select_related("team")
        .order_by("due_on", "pk")
    )


@dataclass(frozen=True)
class InboxRow:
    """A step of a team's report or evaluation waiting for the viewer, with what it is about."""

    step: WorkflowStep
    team_name: str
    author_name: str
    period: tuple[dt.date, dt.date] | None
    kind: str
    url_id: int


def report_inbox_for(*, viewer: Viewer) -> list[InboxRow]:
    """Open steps of teams' reports, reports on members and evaluations whose actor is the
    viewer, oldest first (4 queries whatever their number)."""
    steps = list(
        rules.work_steps_for(viewer).select_related("instance").order_by("opened_at", "pk")
    )
    ids = {
        kind: {s.instance.subject_id for s in steps if s.instance.subject_type == kind}
        for kind in (REPORT_SUBJECT, RESULT_SUBJECT, EVALUATION_SUBJECT)
    }
    reports = TeamReport.objects.filter(pk__in=ids[REPORT_SUBJECT]).select_related("team", "author")
    results = MemberResult.objects.filter(pk__in=ids[RESULT_SUBJECT]).select_related(
        "team", "member"
    )
    evaluations = TeamEvaluation.objects.filter(pk__in=ids[EVALUATION_SUBJECT]).select_related(
        "team", "submitted_by"
    )
    about: dict[tuple[str, int], tuple[str, str, tuple[dt.date, dt.date] | None, int]] = {}
    for report in reports:
        about[(REPORT_SUBJECT, report.pk)] = (
            report.team.name,
            report.author.full_name,
            (report.period_start, report.period_end),
            report.pk,
        )
    for result in results:
        about[(RESULT_SUBJECT, result.pk)] = (
            result.team.name,
            result.member.full_name,
            (result.period_start, result.period_end),
            result.report_id,
        )
    for evaluation in evaluations:
        about[(EVALUATION_SUBJECT, evaluation.pk)] = (
            evaluation.team.name,
            evaluation.submitted_by.full_name,
            None,
            evaluation.pk,
        )
    rows = []
    for step in steps:
        key = (step.instance.subject_type, step.instance.subject_id)
        if key in about:
            name, author, period, url_id = about[key]
            rows.append(InboxRow(step, name, author, period, key[0], url_id))
    return rows


def report_get_for_viewer(*, viewer: Viewer, report_id: int) -> TeamReport:
    """One report the viewer may see, with its team and author. Raises NotFound."""
    report = (
        rules.reports_visible_to(viewer)
        .select_related("team", "author")
        .filter(pk=report_id)
        .first()
    )
    if report is None:
        raise NotFound()
    return report


def evaluation_get_for_viewer(*, viewer: Viewer, evaluation_id: int) -> TeamEvaluation:
    """One evaluation of a team the viewer may see. Raises NotFound."""
    evaluation = (
        TeamEvaluation.objects.filter(team__in=rules.teams_visible_to(viewer), pk=evaluation_id)
        .select_related("team", "submitted_by", "declared_by")
        .first()
    )
    if evaluation is None:
        raise NotFound()
    return evaluation


def trail_of(instance_id: int | None) -> list[WorkflowStep]:
    """Every step of a report's or evaluation's instance, in order (1 query)."""
    if instance_id is None:
        return []
    return list(WorkflowStep.objects.filter(instance_id=instance_id).order_by("seq"))


def team_reports_of(team: Team) -> QuerySet[TeamReport]:
    """A team's reports, latest period first, with their authors (1 query)."""
    return team.reports.select_related("author").order_by("-period_start", "kind", "pk")


def member_reports_for(
    employee: Employee, period: tuple[dt.date, dt.date]
) -> QuerySet[MemberResult]:
    """The lead's reports on an employee's results in teams, for periods overlapping `period`:
    input for the employee's own appraiser (SPEC 4.12, 6.5), not a rating. Not scoped: the
    performance app calls it for the appraisal it already authorised (1 query)."""
    start, end = period
    return (
        MemberResult.objects.filter(member=employee, period_start__lte=end, period_end__gte=start)
        .select_related("team", "report__author", "appraiser")
        .order_by("period_start", "pk")
    )


@dataclass(frozen=True)
class ResultView:
    """The lead's note on one member, as the API answers it."""

    member_name: str
    text: str
    appraiser_name: str
    appraiser_citation: str


@dataclass(frozen=True)
class ReportView:
    """A report with its chain, as the API answers it."""

    id: int
    team_id: int
    team_name: str
    kind: str
    author_name: str
    period_start: dt.date
    period_end: dt.date
    due_on: dt.date
    status: str
    text: str
    evidence_ids: list[int]
    results: list[ResultView]
    steps: list[WorkflowStep]


def report_view(*, viewer: Viewer, report_id: int) -> ReportView:
    """A report the viewer may see, with its notes on members and its chain. Raises NotFound."""
    report = report_get_for_viewer(viewer=viewer, report_id=report_id)
    results = report.results.select_related("member", "appraiser").order_by("pk")
    return ReportView(
        id=report.pk,
        team_id=report.team_id,
        team_name=report.team.name,
        kind=report.kind,
        author_name=report.author.full_name,
        period_start=report.period_start,
        period_end=report.period_end,
        due_on=report.due_on,
        status=report.status,
        text=report.text,
        evidence_ids=list(report.evidence),
        results=[
            ResultView(
                r.member.full_name,
                r.text,
                r.appraiser.full_name if r.appraiser else "",
                r.appraiser_citation,
            )
            for r in results
        ],
        steps=trail_of(report.workflow_instance_id),
    )


@dataclass(frozen=True)
class EvaluationView:
    """An evaluation with its chain, as the API answers it."""

    id: int
    team_id: int
    team_name: str
    workflow_key: str
    status: str
    results: str
    evidence_ids: list[int]
    declared_by_name: str
    declared_at: dt.datetime | None
    statement: str
    steps: list[WorkflowStep]


def evaluation_view(*, viewer: Viewer, evaluation_id: int) -> EvaluationView:
    """An evaluation the viewer may see, with its chain. Raises NotFound."""
    evaluation = evaluation_get_for_viewer(viewer=viewer, evaluation_id=evaluation_id)
    return EvaluationView(
        id=evaluation.pk,
        team_id=evaluation.team_id,
        team_name=evaluation.team.name,
        workflow_key=evaluation.workflow_key,
        status=evaluation.status,
        results=evaluation.results,
        evidence_ids=list(evaluation.evidence),
        declared_by_name=evaluation.declared_by.full_name if evaluation.declared_by else "",
        declared_at=evaluation.declared_at,
        statement=evaluation.statement,
        steps=trail_of(evaluation.workflow_instance_id),
    )
