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
