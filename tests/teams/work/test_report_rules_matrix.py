"""The permission matrix of reports and evaluation in `teams/rules.py`: every persona of the
shared world × every action, from a table; and each "may" against its "which".

The target: the Surakarta demo team (the JF Ahli Muda leads, the Pelaksana is a member, the
Kepala Dinas set it up), its reports opened, the member's report submitted (waiting for the
lead) and the results submitted for evaluation (waiting for the lead's appraiser).
"""

from __future__ import annotations

import pytest

from sikerja.teams import rules
from sikerja.teams.models import TeamEvaluation, TeamReport
from sikerja.teams.services.reports import team_reports_open
from sikerja.workflows.models import WorkflowStep
from tests.teams.work.flow import AT, DAY, evaluate, submit
from tests.viewers import PERSONAS, viewer_of

__all__ = ["viewer_of"]

#               bkp    sekda  kadis  kabid  subk   jf     plk    outs   other
# Seen as the team is (`rules.teams_visible_to`): the Kepala Bidang appraises the lead, the
# Subkoordinator the Pelaksana.
SEES = (True, True, True, True, True, True, True, False, False)
SUBMITS_LEAD_REPORT = (False, False, False, False, False, True, False, False, False)
RECEIVES_MEMBER_REPORT = (False, False, False, False, False, True, False, False, False)
SUBMITS_RESULTS = (False, False, False, False, False, True, False, False, False)
FIRST_REVIEWER = (False, False, False, True, False, False, False, False, False)


@pytest.fixture
def work(active_team):
    team_reports_open(team_id=active_team.pk, at=AT, on=DAY)
    member_report = TeamReport.objects.get(team=active_team, kind="MEMBER")
    lead_report = TeamReport.objects.get(team=active_team, kind="LEAD")
    submit(member_report)
    evaluation = evaluate(active_team, active_team.lead)
    return active_team, lead_report, member_report, evaluation


def _open(instance_id) -> WorkflowStep:
    return WorkflowStep.objects.select_related("instance").get(
        instance_id=instance_id, status=WorkflowStep.Status.OPEN
    )


@pytest.mark.parametrize(("index", "name"), list(enumerate(PERSONAS)))
def test_every_persona_may_do_exactly_what_the_table_says(work, viewer_of, index, name):
    team, lead_report, member_report, evaluation = work
    viewer = viewer_of(name)
    member_report_due = TeamReport.objects.get(pk=member_report.pk)
    fresh_lead_report = TeamReport.objects.get(pk=lead_report.pk)

    answers = (
        rules.may_see_report(viewer, member_report_due),
        rules.may_submit_report(viewer, fresh_lead_report),
        rules.may_submit_report(viewer, member_report_due),
        rules.may_decide_step(viewer, _open(member_report.workflow_instance_id), DAY),
        rules.may_submit_team_results(viewer, team, DAY),
        rules.may_decide_step(viewer, _open(evaluation.workflow_instance_id), DAY),
    )

    assert answers == (
        SEES[index],
        SUBMITS_LEAD_REPORT[index],
        False,  # submitted already: nobody submits it again
        RECEIVES_MEMBER_REPORT[index],
        SUBMITS_RESULTS[index],
        FIRST_REVIEWER[index],
    )


@pytest.mark.parametrize("name", PERSONAS)
def test_may_see_a_report_agrees_with_reports_visible_to(work, viewer_of, name):
    viewer = viewer_of(name)
    every = list(TeamReport.objects.order_by("pk"))

    assert [r.pk for r in every if rules.may_see_report(viewer, r)] == list(
        rules.reports_visible_to(viewer).order_by("pk").values_list("pk", flat=True)
    )


@pytest.mark.parametrize("name", PERSONAS)
def test_the_work_steps_a_persona_decides_are_exactly_those_may_decide_allows(
    work, viewer_of, name
):
    viewer = viewer_of(name)
    open_steps = WorkflowStep.objects.filter(
        status=WorkflowStep.Status.OPEN,
        instance__subject_type__in=rules.WORK_SUBJECTS,
    ).exclude(instance__subject_type="teams.report", step_key="submit")

    assert sorted(s.pk for s in open_steps if rules.may_decide_step(viewer, s, DAY)) == sorted(
        rules.work_steps_for(viewer).values_list("pk", flat=True)
    )
    assert TeamEvaluation.objects.count() == 1
