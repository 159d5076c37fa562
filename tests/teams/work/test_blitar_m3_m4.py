"""Blitar Mekanisme 3 (a UPT led by a Pengawas, a Kelurahan) and Mekanisme 4 (UPT Puskesmas,
UPT Satuan Pendidikan SMP led by a JF), SPEC 4.10.4 and 4.14: a team of such a unit from its
formation to "declared complete", with the exact actor of every step of its formation, plan,
reports and evaluation chain (Perwali Blitar 6/2023 Lampiran B, Mekanisme 3 and 4 huruf c)."""

from __future__ import annotations

import pytest

from sikerja.organization import services, services_people
from sikerja.organization.models import OrgUnit
from sikerja.regulations.loader import load_pack
from sikerja.teams import rules
from sikerja.teams.models import Team, TeamEvaluation
from sikerja.teams.services import team_propose
from sikerja.teams.services.planning import team_plan_decide
from sikerja.workflows.maps import swimlane_svg
from tests.organization.builders import NOW as ORG_NOW
from tests.organization.builders import Org, build_org
from tests.teams.work.flow import chain
from tests.teams.work.helpers import submitted_plan
from tests.teams.work.test_cycle_by_pack import declared, run_cycle
from tests.teams.world import NOW, ON, decide, team_input, trail

pytestmark = pytest.mark.django_db
BLITAR = "Perwali Blitar 6/2023"


def _work_unit(org: Org, parent: str, unit_type: str, head_kind: str, grade: str = ""):
    """A unit of the type under `parent`, its head placed, a JF lead and a Pelaksana in it."""
    org.unit(
        "wu",
        parent,
        f"{unit_type.title()} Sukorejo",
        unit_type,
        head_kind,
        is_work_unit=True,
        is_independent=head_kind == "FUNGSIONAL",
        head_grade=grade,
    )
    head = org.person("Kepala Unit Sukorejo")
    org.place(head, org.heads["wu"])
    lead = org.staff("Lead Sukorejo", "wu", "FUNGSIONAL", "AHLI_PERTAMA")
    member = org.staff("Anggota Sukorejo", "wu", "PELAKSANA")
    return head, lead, member


def _kecamatan(org: Org):
    """A Kecamatan (Mekanisme 2: its Camat an Administrator) with the Camat placed."""
    kecamatan = services.agency_create(
        actor=org.actor,
        government=org.government,
        code="KEC",
        name="Kecamatan Sukorejo",
        agency_type="KECAMATAN",
        at=ORG_NOW,
    )
    org.units["kecamatan"] = OrgUnit.objects.get(agency=kecamatan, parent=None)
    org.heads["kecamatan"] = services_people.position_create(
        actor=org.actor,
        unit=org.units["kecamatan"],
        title="Camat Sukorejo",
        kind="ADMINISTRATOR",
        is_head=True,
        at=ORG_NOW,
    )
    camat = org.person("Camat Sukorejo")
    org.place(camat, org.heads["kecamatan"])
    return camat


def _formed(org: Org, proposer, head, lead, member) -> Team:
    team = team_propose(
        requester=proposer,
        data=team_input(lead_id=lead.pk),
        owner_unit_id=org.units["wu"].pk,
        at=NOW,
        on=ON,
    )
    decide(team, "approve")
    decide(team, "submit", member_ids=[member.pk], lead_input="Pendataan lapangan")
    team = decide(team, "approve")
    assert trail(team) == [
        ("propose", proposer.pk, "submit"),
        ("lead_order", head.pk, "approve"),
        ("lead_input", lead.pk, "submit"),
        ("members_order", head.pk, "approve"),
    ]
    # V-30a (Lampiran B, Tahapan 2.b): M3 and M4 name no one; the mechanism's unit head
    # monitors (product decision), with the lead; the official above who proposed it does not.
    monitors = [p.pk for p in (head, lead, proposer) if rules.may_monitor(team, p.pk, ON)]
    assert monitors == [head.pk, lead.pk]
    plan = submitted_plan(team, lead)
    assert plan.approver_id == head.pk
    team_plan_decide(team_id=team.pk, by=head, approve=True, note="", at=NOW, on=ON)
    return team


def _completed(team, lead, member, head, flow, declarer):
    member_chain, lead_chain, result_chain, review, evaluation = run_cycle(team, lead, member)
    assert (member_chain, lead_chain, result_chain) == ([lead.pk], [head.pk], [head.pk])
    assert evaluation.workflow_key == flow
    assert chain(evaluation.workflow_instance_id) == [
        ("submit", lead.pk, "DECIDED", "submit"),
        ("review", head.pk, "DECIDED", "approve"),
        ("review", declarer.pk, "DECIDED", "approve"),
    ]
    assert review == [head.pk, declarer.pk]
    done = TeamEvaluation.objects.get(pk=evaluation.pk)
    assert (done.status, done.declared_by_id) == ("DECLARED_COMPLETE", declarer.pk)
    assert declared(team) == (
        Team.Status.COMPLETED,
        "V-57",
        f"{BLITAR} Lampiran B, Tahapan 3; {BLITAR} Lampiran B, Mekanisme 1 sampai 5 huruf c",
        "sesuai dengan target yang diharapkan",
    )


def test_m3_kelurahan_the_lurah_reviews_and_the_camat_declares_complete():
    org = build_org("blitar-2023")
    camat = _kecamatan(org)
    lurah, lead, member = _work_unit(org, "kecamatan", "KELURAHAN", "PENGAWAS")

    team = _formed(org, camat, lurah, lead, member)

    _completed(team, lead, member, lurah, "WF-EVAL-M3", camat)


def test_m3_uptd_under_a_bidang_the_administrator_above_declares_not_the_kepala_dinas():
    org = build_org("blitar-2023")
    kepala_uptd, lead, member = _work_unit(org, "bidang", "UPTD", "PENGAWAS")

    team = _formed(org, org.people["dinas"], kepala_uptd, lead, member)

    _completed(team, lead, member, kepala_uptd, "WF-EVAL-M3", org.people["bidang"])


def test_m3_uptd_directly_under_the_jpt_pratama_is_declared_by_the_jpt_pratama_product_decision():
    org = build_org("blitar-2023")
    kepala_uptd, lead, member = _work_unit(org, "dinas", "UPTD", "PENGAWAS")

    team = _formed(org, org.people["dinas"], kepala_uptd, lead, member)

    _completed(team, lead, member, kepala_uptd, "WF-EVAL-M3", org.people["dinas"])


@pytest.mark.parametrize("parent", ["dinas", "bidang"])
def test_m4_puskesmas_the_jf_head_reviews_and_the_jpt_pratama_declares_case(parent):
    org = build_org("blitar-2023")
    kapus, lead, member = _work_unit(org, parent, "PUSKESMAS", "FUNGSIONAL", "AHLI_MADYA")

    team = _formed(org, org.people["dinas"], kapus, lead, member)

    _completed(team, lead, member, kapus, "WF-EVAL-M4", org.people["dinas"])


def test_m4_smp_the_school_head_reviews_and_the_jpt_pratama_declares():
    org = build_org("blitar-2023")
    kepsek, lead, member = _work_unit(org, "dinas", "SATDIK", "FUNGSIONAL", "AHLI_MADYA")

    team = _formed(org, org.people["dinas"], kepsek, lead, member)

    _completed(team, lead, member, kepsek, "WF-EVAL-M4", org.people["dinas"])


@pytest.mark.parametrize("key", ["WF-EVAL-M3", "WF-EVAL-M4"])
def test_the_m3_and_m4_chains_are_drawn_from_the_packs_definition_case(key):
    pack = load_pack("blitar-2023")
    definition = pack.data.workflows[key]

    svg = swimlane_svg(definition, cite=pack.cite, lang="id", chains=pack.data.chains)

    chain_name = definition.step("review").actor.removeprefix("chain:")
    assert pack.data.chains[chain_name].label in svg
    assert f"{BLITAR} Lampiran B, Mekanisme {key[-1]} huruf c" in svg
