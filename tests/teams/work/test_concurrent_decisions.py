"""Two people deciding one plan, report or evaluation step at the same moment: exactly one wins.

Each decider runs in its own thread and connection, released together by a barrier: real
parallel transactions on PostgreSQL, queued for the lock on SQLite."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.organization import services_people
from sikerja.organization.models import Employee
from sikerja.teams.models import Team, TeamEvaluation, TeamPlan, TeamReport
from sikerja.teams.services import team_propose
from sikerja.teams.services.evaluation import team_evaluation_decide
from sikerja.teams.services.planning import team_plan_decide
from sikerja.teams.services.reports import team_report_decide
from sikerja.workflows.models import WorkflowStep
from tests.concurrency import race as race_with
from tests.organization.builders import build_org
from tests.teams.work.flow import AT, DAY, evaluate, open_reports, report_of, submit
from tests.teams.work.helpers import submitted_plan
from tests.teams.world import NOW, ON, decide, staff, team_input


def _team_with_a_deputy(scope: str):
    """A Kotim team whose Kepala Bidang has a deputy for `scope` (two may decide his steps)."""
    org = build_org("kotim-2023")
    people = staff(org)
    kabid = org.people["bidang"]
    deputy = people["ahli_pertama"]
    services_people.delegation_create(
        actor=org.actor,
        from_employee=kabid,
        to_employee=deputy,
        scope=scope,
        valid_from=ON,
        legal_basis="Surat Kuasa Kepala Bidang Nomor 800/2/2026",
        at=NOW,
    )
    team = team_propose(
        requester=kabid,
        data=team_input(lead_id=people["ahli_muda"].pk, member_ids=[people["pelaksana"].pk]),
        at=NOW,
        on=ON,
    )
    return decide(team, "approve"), people, kabid, deputy


def race(calls: list[Callable[[], object]]) -> list[str]:
    """Run each call in its own thread and connection at once; each one's outcome, sorted."""

    def won(call: Callable[[], object]) -> str:
        call()
        return "won"

    return sorted(race_with(won, calls))


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_two_receivers_of_one_report_exactly_one_wins():
    team, people, kabid, deputy = _team_with_a_deputy("REPORT_RECEIPT")
    open_reports(team)
    report = submit(
        report_of(team, people["ahli_muda"]), member_results={people["pelaksana"].pk: "Tepat waktu"}
    )
    step = WorkflowStep.objects.get(
        instance_id=report.workflow_instance_id, status=WorkflowStep.Status.OPEN
    )

    def by(person: Employee, decision: str, reason: str = "") -> Callable[[], object]:
        return lambda: team_report_decide(
            step_id=step.pk,
            by=Employee.objects.get(pk=person.pk),
            decision=decision,
            reason=reason,
            at=AT,
            on=DAY,
        )

    outcomes = race([by(kabid, "acknowledge"), by(deputy, "return", "Lengkapi")])

    assert outcomes == ["stale", "won"]
    decided = WorkflowStep.objects.get(pk=step.pk)
    assert decided.status == "DECIDED"
    expected = {"acknowledge": "RECEIVED", "return": "RETURNED"}[decided.decision]
    assert TeamReport.objects.get(pk=report.pk).status == expected


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_two_reviewers_of_one_evaluation_step_exactly_one_wins():
    team, people, kabid, deputy = _team_with_a_deputy("PERF_MGMT")
    evaluation = evaluate(team, people["ahli_muda"])
    step = WorkflowStep.objects.get(
        instance_id=evaluation.workflow_instance_id, status=WorkflowStep.Status.OPEN
    )

    def by(person: Employee, decision: str, reason: str = "") -> Callable[[], object]:
        return lambda: team_evaluation_decide(
            step_id=step.pk,
            by=Employee.objects.get(pk=person.pk),
            decision=decision,
            reason=reason,
            on_target=True,
            at=AT,
            on=DAY,
        )

    outcomes = race([by(kabid, "approve"), by(deputy, "return", "Belum sesuai target")])

    assert outcomes == ["stale", "won"]
    decided = WorkflowStep.objects.get(pk=step.pk)
    assert decided.status == "DECIDED"
    state = TeamEvaluation.objects.get(pk=evaluation.pk).status
    assert state == {"approve": "UNDER_REVIEW", "return": "RETURNED"}[decided.decision]
    assert Team.objects.get(pk=team.pk).status == "ACTIVE"
    assert (
        WorkflowStep.objects.filter(
            instance_id=evaluation.workflow_instance_id, status=WorkflowStep.Status.OPEN
        ).count()
        == 1
    )


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_two_deciders_of_one_plan_exactly_one_wins():
    team, people, kabid, deputy = _team_with_a_deputy("PERF_MGMT")
    plan = submitted_plan(team, people["ahli_muda"])
    step = WorkflowStep.objects.get(
        instance__subject_type="teams.plan", instance__subject_id=plan.pk, status="OPEN"
    )

    def by(person: Employee, approve: bool, note: str = "") -> Callable[[], object]:
        return lambda: team_plan_decide(
            team_id=team.pk,
            by=Employee.objects.get(pk=person.pk),
            approve=approve,
            note=note,
            at=AT,
            on=DAY,
        )

    outcomes = race([by(kabid, True), by(deputy, False, "Rinci per kecamatan")])

    assert outcomes == ["stale", "won"]
    decided = WorkflowStep.objects.get(pk=step.pk)
    assert decided.status == "DECIDED"
    state = TeamPlan.objects.get(pk=plan.pk)
    expected = {"approve": "APPROVED", "return": "RETURNED"}[decided.decision]
    assert (state.status, state.decided_by_id) == (expected, decided.decided_by_id)
    assert (
        AuditEvent.objects.filter(
            action__in=["team.plan_approved", "team.plan_returned"], object_id=str(team.pk)
        ).count()
        == 1
    )
