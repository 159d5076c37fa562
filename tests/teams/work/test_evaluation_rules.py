"""Evaluation rules by SPEC id and article: V-57 (only on-target results go up; only the top of
the chain declares completion, and then the team's work is read-only), V-58 (Surakarta: off-target
results are improved under the unit head); re-routing an open review after a placement change."""

from __future__ import annotations

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import NotFound, RuleViolation
from sikerja.organization import services_people
from sikerja.organization.models import Employee, Placement
from sikerja.teams.models import Team, TeamEvaluation, TeamReport
from sikerja.teams.services import team_propose
from sikerja.teams.services.changes import team_dissolve
from sikerja.teams.services.evaluation import team_evaluation_decide
from sikerja.workflows.lifecycle import instance_reroute
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.organization.builders import NOW as ORG_NOW
from tests.organization.builders import build_org
from tests.teams.work.flow import (
    AT,
    DAY,
    approve_all,
    chain,
    evaluate,
    open_reports,
    report_of,
    submit,
)
from tests.teams.world import NOW, ON, decide, staff, team_input

KOTIM = "Perbup Kotim 51/2023"


def setda_team():
    """A Kotim Setda team (Kabag, Asisten, Sekda on its evaluation chain)."""
    org = build_org("kotim-2023")
    lead = org.staff("Rina Kusuma", "bagian", "FUNGSIONAL", "AHLI_MUDA")
    member = org.staff("Agus Salim", "bagian", "PELAKSANA")
    team = team_propose(
        requester=org.people["bagian"],
        data=team_input(lead_id=lead.pk, member_ids=[member.pk]),
        at=NOW,
        on=ON,
    )
    return org, lead, member, decide(team, "approve")


def open_step(evaluation: TeamEvaluation) -> WorkflowStep:
    return WorkflowStep.objects.get(
        instance_id=evaluation.workflow_instance_id, status=WorkflowStep.Status.OPEN
    )


def act(step: WorkflowStep, decision: str, **kwargs):
    return team_evaluation_decide(
        step_id=step.pk,
        by=Employee.objects.get(pk=step.actor_id),
        decision=decision,
        at=AT,
        on=DAY,
        **kwargs,
    )


@pytest.mark.django_db
def test_v57_lampiran_ii_a_1_c_a_reviewer_passes_on_only_results_marked_on_target():
    _org, lead, _member, team = setda_team()
    evaluation = evaluate(team, lead)
    step = open_step(evaluation)
    events = AuditEvent.objects.count()

    with pytest.raises(RuleViolation) as refused:
        act(step, "approve", on_target=False)

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "results_not_on_target",
        "V-57",
        f"{KOTIM} Lampiran II.A.1.c; {KOTIM} Lampiran II.A.2.c",
    )
    assert (AuditEvent.objects.count(), open_step(evaluation).pk) == (events, step.pk)


@pytest.mark.django_db
def test_v57_only_the_top_of_the_chain_declares_the_work_complete():
    org, lead, _member, team = setda_team()
    kabag, asisten, sekda = org.people["bagian"], org.people["asisten"], org.people["setda"]
    evaluation = evaluate(team, lead)

    with pytest.raises(NotFound):
        team_evaluation_decide(
            step_id=open_step(evaluation).pk,
            by=sekda,
            decision="approve",
            on_target=True,
            at=AT,
            on=DAY,
        )
    act(open_step(evaluation), "approve", on_target=True)
    act(open_step(evaluation), "approve", on_target=True)
    halfway = (
        Team.objects.get(pk=team.pk).status,
        TeamEvaluation.objects.get(pk=evaluation.pk).status,
    )
    final = act(open_step(evaluation), "approve", on_target=True)

    assert halfway == ("ACTIVE", "UNDER_REVIEW")
    assert (final.status, final.declared_by_id, final.statement) == (
        "DECLARED_COMPLETE",
        sekda.pk,
        "sesuai dengan target yang diharapkan",
    )
    assert [row[1] for row in chain(evaluation.workflow_instance_id)] == [
        lead.pk,
        kabag.pk,
        asisten.pk,
        sekda.pk,
    ]


@pytest.mark.django_db
def test_v57_declared_complete_the_teams_work_is_read_only():
    org, lead, member, team = setda_team()
    open_reports(team)
    approve_all(evaluate(team, lead))
    report = report_of(team, member)

    refusals = []
    for write in (
        lambda: submit(report),
        lambda: evaluate(team, lead),
        lambda: team_dissolve(team_id=team.pk, by=org.people["bagian"], reason="x", at=AT, on=DAY),
    ):
        with pytest.raises(RuleViolation) as refused:
            write()
        refusals.append((refused.value.code, refused.value.rule, refused.value.citation))

    citation = f"{KOTIM} Lampiran II.A.1.c; {KOTIM} Lampiran II.A.2.c"
    assert refusals == [("team_completed", "V-57", citation)] * 3
    assert TeamReport.objects.get(pk=report.pk).status == "DUE"
    withdrawn = WorkflowInstance.objects.get(pk=report.workflow_instance_id)
    assert (withdrawn.status, withdrawn.steps.filter(status="OPEN").count()) == ("WITHDRAWN", 0)


@pytest.mark.django_db
def test_v03_a_reviewer_returns_off_target_results_with_a_reason_to_the_lead():
    org, lead, _member, team = setda_team()
    evaluation = evaluate(team, lead)

    returned = act(open_step(evaluation), "return", reason="Data belum diverifikasi")
    resubmitted = act(open_step(evaluation), "submit", results="Data terverifikasi")

    assert returned.status == "RETURNED"
    assert (resubmitted.status, resubmitted.results) == ("UNDER_REVIEW", "Data terverifikasi")
    kabag, asisten, sekda = org.people["bagian"], org.people["asisten"], org.people["setda"]
    assert [row[:3] for row in chain(evaluation.workflow_instance_id)] == [
        ("submit", lead.pk, "DECIDED"),
        ("review", kabag.pk, "DECIDED"),
        ("review", asisten.pk, "CANCELLED"),
        ("review", sekda.pk, "CANCELLED"),
        ("submit", lead.pk, "DECIDED"),
        ("review", kabag.pk, "OPEN"),
        ("review", asisten.pk, "PENDING"),
        ("review", sekda.pk, "PENDING"),
    ]


def surakarta_bidang_team():
    """(org, staff, Kepala Dinas, team): a Surakarta team of the Bidang, active."""
    from sikerja.organization.models import Agency

    org = build_org("surakarta-2023")
    people = staff(org)
    kadis = org.people["dinas"]
    Agency.objects.filter(pk=org.dinas.pk).update(admin_positions_equalized=True)
    team = team_propose(
        requester=kadis,
        data=team_input(
            candidate_ids=[people["ahli_muda"].pk],
            member_ids=[people["pelaksana"].pk],
            appraiser_consideration="Kompeten",
        ),
        owner_unit_id=org.units["bidang"].pk,
        at=NOW,
        on=ON,
    )
    decide(team, "approve", lead_id=people["ahli_muda"].pk)
    return org, people, kadis, decide(team, "approve")


@pytest.mark.django_db
def test_v58_lampiran_iv_3_1_2_angka_3_huruf_c_surakarta_rework_falls_to_the_unit_head():
    _org, people, kadis, team = surakarta_bidang_team()
    evaluation = evaluate(team, people["ahli_muda"])

    act(open_step(evaluation), "return", reason="Target belum tercapai")
    rework = open_step(evaluation)

    assert (rework.step_key, rework.actor_id) == ("rework", kadis.pk)
    assert rework.citation == "Perwali Surakarta 32/2023 Lampiran IV 3.1.2 angka 3 huruf c"


@pytest.mark.django_db
def test_a_placement_change_mid_chain_reroutes_the_open_review_node_audited():
    org, lead, _member, team = setda_team()
    kabag = org.people["bagian"]
    evaluation = evaluate(team, lead)
    act(open_step(evaluation), "approve", on_target=True)
    waiting = open_step(evaluation)
    services_people.placement_end(
        actor=org.actor,
        placement=Placement.objects.get(
            employee=org.people["asisten"], position=org.heads["asisten"]
        ),
        valid_to=DAY,
        at=ORG_NOW,
    )
    successor = org.person("Asisten Baru")
    org.place(successor, org.heads["asisten"], start=DAY)

    moved = instance_reroute(
        instance_id=evaluation.workflow_instance_id,
        operator_label="workflow_reroute",
        operator_user_id=None,
        at=AT,
        on=DAY,
    )

    assert (moved.actor_id, moved.chain_index, moved.chain_length) == (successor.pk, 1, 3)
    assert WorkflowStep.objects.get(pk=waiting.pk).status == "CANCELLED"
    assert [(row[1], row[2]) for row in chain(evaluation.workflow_instance_id)][1:] == [
        (kabag.pk, "DECIDED"),
        (org.people["asisten"].pk, "CANCELLED"),
        (org.people["setda"].pk, "CANCELLED"),
        (successor.pk, "OPEN"),
        (org.people["setda"].pk, "PENDING"),
    ]
    event = AuditEvent.objects.get(action="workflow.rerouted")
    assert (event.before["actor"], event.after["actor"]) == (org.people["asisten"].pk, successor.pk)
