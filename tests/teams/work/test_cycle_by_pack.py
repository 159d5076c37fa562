"""Every pack: a team from active to "declared complete", with the exact actor of every step of
its reports (WF-REPORT, SPEC 4.12) and of its evaluation chain (WF-MECH 4.10, WF-EVAL 4.14)."""

from __future__ import annotations

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Agency
from sikerja.teams.models import MemberResult, Team, TeamReport
from sikerja.teams.services import team_propose
from tests.organization.builders import build_org
from tests.teams.work.flow import (
    approve_all,
    chain,
    evaluate,
    open_reports,
    receive_all,
    report_of,
    submit,
)
from tests.teams.world import NOW, ON, decide, staff, team_input


def run_cycle(team, lead, member):
    """Open the reports, receive every one up its chain, evaluate: each chain's actors."""
    open_reports(team)
    submit(report_of(team, member))
    member_chain = receive_all(report_of(team, member).workflow_instance_id)
    submit(report_of(team, lead), member_results={member.pk: "Pendataan tepat waktu"})
    lead_chain = receive_all(report_of(team, lead).workflow_instance_id)
    result_chain = receive_all(MemberResult.objects.get(member=member).workflow_instance_id)
    evaluation = evaluate(team, lead)
    review = approve_all(evaluation)
    team.refresh_from_db()
    return member_chain, lead_chain, result_chain, review, evaluation


def declared(team):
    event = AuditEvent.objects.get(action="team.declared_complete", object_id=str(team.pk))
    return (team.status, event.rule, event.citation, event.after["statement"])


@pytest.mark.django_db
def test_kotim_dinas_team_reports_to_the_kabid_and_the_kadis_declares_it_complete():
    org = build_org("kotim-2023")
    people = staff(org)
    kabid, kadis = org.people["bidang"], org.people["dinas"]
    lead, member = people["ahli_muda"], people["pelaksana"]
    team = team_propose(
        requester=kabid, data=team_input(lead_id=lead.pk, member_ids=[member.pk]), at=NOW, on=ON
    )
    team = decide(team, "approve")

    opened = open_reports(team)
    submit(report_of(team, member))
    member_chain = receive_all(report_of(team, member).workflow_instance_id)
    submit(report_of(team, lead), member_results={member.pk: "Pendataan tepat waktu"})
    lead_chain = receive_all(report_of(team, lead).workflow_instance_id)
    result = MemberResult.objects.get(member=member)
    result_chain = receive_all(result.workflow_instance_id)
    evaluation = evaluate(team, lead)
    review = approve_all(evaluation)

    assert [(r.kind, r.author_id, r.period_start.isoformat()) for r in opened] == [
        ("LEAD", lead.pk, "2026-12-01"),
        ("MEMBER", member.pk, "2026-12-01"),
    ]
    assert member_chain == [lead.pk]
    assert lead_chain == [kabid.pk]
    assert result_chain == [kabid.pk]
    assert review == [kabid.pk, kadis.pk]
    assert chain(evaluation.workflow_instance_id)[0][:3] == ("submit", lead.pk, "DECIDED")
    team.refresh_from_db()
    assert (team.status, team.completed_on.isoformat()) == ("COMPLETED", "2027-01-04")
    assert set(TeamReport.objects.filter(team=team).values_list("status", flat=True)) == {
        "RECEIVED"
    }


@pytest.mark.django_db
def test_kotim_setda_team_goes_kabag_asisten_sekda_who_declares_it_complete():
    org = build_org("kotim-2023")
    kabag, asisten, sekda = org.people["bagian"], org.people["asisten"], org.people["setda"]
    lead = org.staff("Rina Kusuma", "bagian", "FUNGSIONAL", "AHLI_MUDA")
    member = org.staff("Agus Salim", "bagian", "PELAKSANA")
    team = team_propose(
        requester=kabag, data=team_input(lead_id=lead.pk, member_ids=[member.pk]), at=NOW, on=ON
    )
    team = decide(team, "approve")

    member_chain, lead_chain, result_chain, review, evaluation = run_cycle(team, lead, member)

    assert (member_chain, lead_chain, result_chain) == ([lead.pk], [kabag.pk], [kabag.pk])
    assert review == [kabag.pk, asisten.pk, sekda.pk]
    assert evaluation.workflow_key == "WF-EVAL-SETDA"
    assert declared(team) == (
        "COMPLETED",
        "V-57",
        "Perbup Kotim 51/2023 Lampiran II.A.1.c; Perbup Kotim 51/2023 Lampiran II.A.2.c",
        "sesuai dengan target yang diharapkan",
    )


@pytest.mark.django_db
def test_blitar_m1_team_reports_to_the_unit_head_and_the_jpt_pratama_declares():
    org = build_org("blitar-2023")
    people = staff(org)
    kadis, kabid = org.people["dinas"], org.people["bidang"]
    lead, member = people["ahli_muda"], people["pelaksana"]
    team = team_propose(
        requester=kadis,
        data=team_input(lead_id=lead.pk),
        owner_unit_id=org.units["bidang"].pk,
        at=NOW,
        on=ON,
    )
    decide(team, "approve")
    decide(team, "submit", member_ids=[member.pk], lead_input="Agus untuk pendataan")
    team = decide(team, "approve")

    member_chain, lead_chain, result_chain, review, evaluation = run_cycle(team, lead, member)

    assert (member_chain, lead_chain, result_chain) == ([lead.pk], [kabid.pk], [kabid.pk])
    assert review == [kabid.pk, kadis.pk]
    assert evaluation.workflow_key == "WF-EVAL-PD"
    assert team.status == Team.Status.COMPLETED


@pytest.mark.django_db
def test_surakarta_lead_reports_through_the_pengendali_and_the_unit_head_declares():
    org = build_org("surakarta-2023")
    people = staff(org)
    kadis, kabid, sekretaris = (
        org.people["dinas"],
        org.people["bidang"],
        org.people["sekretariat"],
    )
    pengendali = people["sekretariat"]
    Agency.objects.filter(pk=org.dinas.pk).update(admin_positions_equalized=True)
    team = team_propose(
        requester=kadis,
        data=team_input(
            candidate_ids=[people["ahli_muda"].pk],
            member_ids=[people["pelaksana"].pk],
            appraiser_consideration="Kompeten",
            pengendali_id=pengendali.pk,
            pengendali_activity="Program Pelayanan Kesehatan",
        ),
        owner_unit_id=org.units["bidang"].pk,
        at=NOW,
        on=ON,
    )
    decide(team, "approve", lead_id=people["ahli_muda"].pk)
    team = decide(team, "approve")
    lead, member = people["ahli_muda"], people["pelaksana"]

    member_chain, lead_chain, result_chain, review, _evaluation = run_cycle(team, lead, member)

    assert member_chain == [lead.pk]
    assert lead_chain == [pengendali.pk, kadis.pk]
    assert result_chain == [kabid.pk]
    assert review == [kabid.pk, kadis.pk]
    assert sekretaris.pk not in review
    assert team.status == Team.Status.COMPLETED


@pytest.mark.django_db
def test_cilegon_the_report_recipient_the_unit_head_declares_product_default():
    org = build_org("cilegon-2023")
    people = staff(org)
    kabid = org.people["bidang"]
    lead, member = people["ahli_muda"], people["pelaksana"]
    team = team_propose(
        requester=kabid, data=team_input(lead_id=lead.pk, member_ids=[member.pk]), at=NOW, on=ON
    )
    team = decide(team, "approve")

    member_chain, lead_chain, result_chain, review, evaluation = run_cycle(team, lead, member)

    assert (member_chain, lead_chain, result_chain, review) == (
        [lead.pk],
        [kabid.pk],
        [kabid.pk],
        [kabid.pk],
    )
    assert chain(evaluation.workflow_instance_id) == [
        ("submit", lead.pk, "DECIDED", "submit"),
        ("review", kabid.pk, "DECIDED", "approve"),
    ]
    assert team.status == Team.Status.COMPLETED


@pytest.mark.django_db
def test_barut_the_unit_head_declares_and_member_results_go_to_the_home_appraiser():
    org = build_org("barut-2024")
    people = staff(org, pelaksana_unit="subbidang")
    kabid, kasubbid = org.people["bidang"], org.people["subbidang"]
    lead, member = people["ahli_muda"], people["pelaksana"]
    team = team_propose(
        requester=kabid, data=team_input(lead_id=lead.pk, member_ids=[member.pk]), at=NOW, on=ON
    )
    team = decide(team, "approve")

    member_chain, lead_chain, result_chain, review, _evaluation = run_cycle(team, lead, member)

    assert (member_chain, lead_chain, review) == ([lead.pk], [kabid.pk], [kabid.pk])
    assert result_chain == [kasubbid.pk]  # appraiser and own unit head: the Kasubbid
    assert team.status == Team.Status.COMPLETED
