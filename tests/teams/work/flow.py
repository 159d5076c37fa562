"""Reports and evaluation of a team driven through the services, for the tests of this folder."""

from __future__ import annotations

import datetime as dt

from sikerja.organization.models import Employee
from sikerja.teams.models import Team, TeamEvaluation, TeamReport
from sikerja.teams.services.evaluation import team_evaluation_decide, team_evaluation_submit
from sikerja.teams.services.evidence import Upload
from sikerja.teams.services.reports import (
    team_report_decide,
    team_report_submit,
    team_reports_open,
)
from sikerja.workflows.models import WorkflowStep
from tests.teams.work.samples import PDF

AT = dt.datetime(2027, 1, 4, 9, 0, tzinfo=dt.UTC)
DAY = dt.date(2027, 1, 4)
PDF_UPLOAD = Upload(name="rekap.pdf", content=PDF)


def open_reports(team: Team) -> list[TeamReport]:
    return team_reports_open(team_id=team.pk, at=AT, on=DAY)


def report_of(team: Team, author: Employee) -> TeamReport:
    return TeamReport.objects.get(team=team, author=author)


def open_step_of(instance_id: int | None) -> WorkflowStep:
    return WorkflowStep.objects.get(instance_id=instance_id, status=WorkflowStep.Status.OPEN)


def chain(instance_id: int | None) -> list[tuple[str, int | None, str, str]]:
    """(step, actor, status, decision) of every step of an instance, in order."""
    return list(
        WorkflowStep.objects.filter(instance_id=instance_id)
        .order_by("seq")
        .values_list("step_key", "actor_id", "status", "decision")
    )


def submit(report: TeamReport, **kwargs: object) -> TeamReport:
    values: dict[str, object] = {"text": "Pendataan 20 sarana selesai", "uploads": [PDF_UPLOAD]}
    values.update(kwargs)
    return team_report_submit(
        report_id=report.pk,
        by=Employee.objects.get(pk=report.author_id),
        at=AT,
        on=DAY,
        **values,  # type: ignore[arg-type]
    )


def receive_all(instance_id: int | None) -> list[int]:
    """Acknowledge every node of a report's chain as its actor; the actors in order."""
    actors = []
    while True:
        step = WorkflowStep.objects.filter(
            instance_id=instance_id, status=WorkflowStep.Status.OPEN
        ).first()
        if step is None:
            return actors
        actors.append(step.actor_id)
        team_report_decide(
            step_id=step.pk,
            by=Employee.objects.get(pk=step.actor_id),
            decision="acknowledge",
            at=AT,
            on=DAY,
        )


def evaluate(team: Team, by: Employee) -> TeamEvaluation:
    return team_evaluation_submit(
        team_id=team.pk,
        by=by,
        results="Data 40 sarana terverifikasi",
        uploads=[PDF_UPLOAD],
        at=AT,
        on=DAY,
    )


def approve_all(evaluation: TeamEvaluation) -> list[int]:
    """Approve every review node as on target, as its actor; the actors in order."""
    actors = []
    while True:
        step = WorkflowStep.objects.filter(
            instance_id=evaluation.workflow_instance_id, status=WorkflowStep.Status.OPEN
        ).first()
        if step is None:
            return actors
        actors.append(step.actor_id)
        team_evaluation_decide(
            step_id=step.pk,
            by=Employee.objects.get(pk=step.actor_id),
            decision="approve",
            on_target=True,
            at=AT,
            on=DAY,
        )
