"""Page reads of a team's reports and evaluation: my reports due and my inbox, one report, one
evaluation, and the reports section of the team page. A view calls one function here; scoping
stays in the selectors (a report the viewer may not see is the same NotFound as a missing one).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sikerja.core.errors import DomainError
from sikerja.organization.rules import Viewer
from sikerja.teams import rules, selectors_reports
from sikerja.teams.models import (
    EvidenceFile,
    MemberResult,
    Team,
    TeamEvaluation,
    TeamMember,
    TeamReport,
)
from sikerja.teams.report_forms import (
    EvaluationDecisionForm,
    ReportDecisionForm,
    ReportSubmitForm,
    ResultsSubmitForm,
)
from sikerja.teams.selectors_reports import InboxRow
from sikerja.teams.services.report_evidence import OWNER_EVALUATION, OWNER_REPORT, evidence_of
from sikerja.workflows.models import WorkflowStep


@dataclass(frozen=True)
class ReportsPage:
    """My reports due and the report and evaluation steps waiting for me."""

    due: list[TeamReport]
    inbox: list[InboxRow]


def reports_page(viewer: Viewer) -> ReportsPage:
    """Reports due for the viewer and their inbox (a constant number of queries)."""
    return ReportsPage(
        due=list(selectors_reports.reports_due_for(viewer=viewer)),
        inbox=selectors_reports.report_inbox_for(viewer=viewer),
    )


@dataclass
class Submitted:
    """A form posted back with its errors, or the refusal of a service."""

    submit: ReportSubmitForm | ResultsSubmitForm | None = None
    decision: ReportDecisionForm | EvaluationDecisionForm | None = None
    error: DomainError | None = None
    notes: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MemberNote:
    """A member the lead writes a note on, with what was posted."""

    employee_id: int
    name: str
    note: str


@dataclass(frozen=True)
class ReportPage:
    """One report, its trail and evidence, and the form the viewer may use."""

    report: TeamReport
    trail: list[WorkflowStep]
    evidence: list[EvidenceFile]
    results: list[MemberResult]
    submit_form: ReportSubmitForm | None
    members: list[MemberNote]
    decision_form: ReportDecisionForm | None
    error: DomainError | None


def _my_open_step(viewer: Viewer, trail: list[WorkflowStep], on: dt.date) -> WorkflowStep | None:
    opened = [s for s in trail if s.status == WorkflowStep.Status.OPEN]
    if not opened or not rules.may_decide_step(viewer, opened[0], on):
        return None
    return opened[0]


def report_page(
    viewer: Viewer, report_id: int, on: dt.date, submitted: Submitted | None = None
) -> ReportPage:
    """A report the viewer may see. Raises NotFound."""
    submitted = submitted or Submitted()
    report = selectors_reports.report_get_for_viewer(viewer=viewer, report_id=report_id)
    trail = selectors_reports.trail_of(report.workflow_instance_id)
    may_submit = rules.may_submit_report(viewer, report)
    step = _my_open_step(viewer, trail, on) if not may_submit else None
    members = []
    if may_submit and report.kind == TeamReport.Kind.LEAD:
        members = [
            MemberNote(m.employee_id, m.employee.full_name, submitted.notes.get(m.employee_id, ""))
            for m in report.team.memberships.filter(
                role=TeamMember.Role.MEMBER, status=TeamMember.Status.ACTIVE
            )
            .select_related("employee")
            .order_by("pk")
        ]
    decision = submitted.decision if isinstance(submitted.decision, ReportDecisionForm) else None
    posted = submitted.submit if isinstance(submitted.submit, ReportSubmitForm) else None
    return ReportPage(
        report=report,
        trail=trail,
        evidence=evidence_of(OWNER_REPORT, report.pk),
        results=list(report.results.select_related("member", "appraiser").order_by("pk")),
        submit_form=(posted or ReportSubmitForm()) if may_submit else None,
        members=members,
        decision_form=(decision or ReportDecisionForm(initial={"step_id": step.pk}))
        if step
        else None,
        error=submitted.error,
    )


@dataclass(frozen=True)
class EvaluationPage:
    """One evaluation, its trail and evidence, and the form the viewer may use."""

    evaluation: TeamEvaluation
    trail: list[WorkflowStep]
    evidence: list[EvidenceFile]
    decision_form: EvaluationDecisionForm | None
    step_label: str
    error: DomainError | None


def evaluation_page(
    viewer: Viewer, evaluation_id: int, on: dt.date, submitted: Submitted | None = None
) -> EvaluationPage:
    """An evaluation of a team the viewer may see. Raises NotFound."""
    submitted = submitted or Submitted()
    evaluation = selectors_reports.evaluation_get_for_viewer(
        viewer=viewer, evaluation_id=evaluation_id
    )
    trail = selectors_reports.trail_of(evaluation.workflow_instance_id)
    step = _my_open_step(viewer, trail, on)
    posted = submitted.decision if isinstance(submitted.decision, EvaluationDecisionForm) else None
    return EvaluationPage(
        evaluation=evaluation,
        trail=trail,
        evidence=evidence_of(OWNER_EVALUATION, evaluation.pk),
        decision_form=(posted or EvaluationDecisionForm(initial={"step_id": step.pk}))
        if step
        else None,
        step_label=step.label if step else "",
        error=submitted.error,
    )


@dataclass(frozen=True)
class TeamReportsSection:
    """The reports section of a team's page: its reports, its evaluation, the results form."""

    team: Team
    reports: list[TeamReport]
    evaluation: TeamEvaluation | None
    results_form: ResultsSubmitForm | None


def team_reports_section(viewer: Viewer, team: Team, on: dt.date) -> TeamReportsSection:
    """What the team page shows of reports and evaluation (3 queries at most)."""
    evaluation = team.evaluations.order_by("-pk").first()
    open_evaluation = evaluation is not None and evaluation.status != "DECLARED_COMPLETE"
    may_submit = not open_evaluation and rules.may_submit_team_results(viewer, team, on)
    return TeamReportsSection(
        team=team,
        reports=list(selectors_reports.team_reports_of(team)),
        evaluation=evaluation,
        results_form=ResultsSubmitForm() if may_submit else None,
    )
