"""Team rules of Kotim, Blitar, Cilegon and Barut (SPEC §5.3), one test per SPEC id and
article: a MUST refuses citing its article and writes nothing, a PREFERRED asks for a written
justification and records it."""

from __future__ import annotations

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import RuleViolation, ValidationFailed
from sikerja.teams.models import Team, TeamMember
from sikerja.teams.services import team_propose
from tests.organization.builders import build_org
from tests.teams.world import NOW, ON, decide, refused, staff, team_input

KOTIM = "Perbup Kotim 51/2023"
BLITAR = "Perwali Blitar 6/2023"


def violation(error):
    return (error.code, error.rule, error.citation)


def propose(org, requester_key="bidang", owner_key=None, **overrides):
    return team_propose(
        requester=org.people[requester_key],
        data=team_input(**overrides),
        owner_unit_id=org.units[owner_key].pk if owner_key else None,
        at=NOW,
        on=ON,
    )


@pytest.mark.django_db
def test_v04_kotim_pasal_13_ayat_3_a_lead_from_outside_the_owner_unit_needs_a_justification():
    org = build_org("kotim-2023")
    people = staff(org)
    outside = {"lead_id": people["sekretariat"].pk, "member_ids": [people["pelaksana"].pk]}

    error = refused(lambda: propose(org, **outside), ValidationFailed)
    team = propose(org, **outside, justification="Satu-satunya analis data kesehatan")

    assert violation(error) == (
        "justification_required",
        "V-04",
        f"{KOTIM} Pasal 9 ayat (3); {KOTIM} Pasal 13 ayat (3); {KOTIM} Lampiran II.B.3 huruf d",
    )
    assert [(j["rule"], j["justification"]) for j in team.justifications] == [
        ("V-04", "Satu-satunya analis data kesehatan")
    ]


@pytest.mark.django_db
def test_v04_blitar_pasal_21_ayat_1_a_the_internal_lead_must_come_from_the_owner_unit():
    org = build_org("blitar-2023")
    people = staff(org)

    error = refused(
        lambda: propose(
            org, "dinas", "bidang", lead_id=people["sekretariat"].pk, justification="apa pun"
        ),
        RuleViolation,
    )

    assert violation(error) == (
        "team_lead_origin",
        "V-04",
        f"{BLITAR} Pasal 21 ayat (1) huruf a sampai c",
    )


@pytest.mark.django_db
def test_v05_kotim_lampiran_ii_b_3_c_a_structural_official_cannot_lead():
    org = build_org("kotim-2023")

    error = refused(lambda: propose(org, lead_id=org.people["subbidang"].pk), RuleViolation)

    assert violation(error) == ("team_lead_kind", "V-05", f"{KOTIM} Lampiran II.B.3 huruf c")


@pytest.mark.django_db
def test_v31_kotim_may_barut_must_a_lead():
    kotim, barut = build_org("kotim-2023"), build_org("barut-2024")
    kotim_people = staff(kotim)
    barut_people = staff(barut, pelaksana_unit="subbidang")

    without_lead = propose(kotim, member_ids=[kotim_people["pelaksana"].pk])
    error = refused(
        lambda: propose(barut, member_ids=[barut_people["pelaksana"].pk]), RuleViolation
    )

    assert (without_lead.status, without_lead.lead_id) == (Team.Status.FORMING, None)
    assert violation(error) == (
        "team_lead_required",
        "V-31",
        "Perbup Barut 18/2024 Pasal 22 ayat (1)",
    )


@pytest.mark.django_db
def test_v32_kotim_lampiran_ii_b_3_c_the_unit_head_appoints_the_lead():
    org = build_org("kotim-2023")
    people = staff(org)

    error = refused(
        lambda: propose(org, "dinas", "bidang", lead_id=people["ahli_muda"].pk), RuleViolation
    )

    assert (error.code, error.citation) == (
        "not_first_actor",
        f"{KOTIM} Lampiran II.B.3 huruf c",
    )


@pytest.mark.django_db
def test_v33_kotim_members_are_jf_or_pelaksana_blitar_admits_structural_members():
    kotim, blitar = build_org("kotim-2023"), build_org("blitar-2023")
    kotim_people, blitar_people = staff(kotim), staff(blitar)
    pengawas = blitar.people["subbidang"]

    error = refused(
        lambda: propose(
            kotim,
            lead_id=kotim_people["ahli_muda"].pk,
            member_ids=[kotim.people["subbidang"].pk],
        ),
        RuleViolation,
    )
    team = propose(blitar, "dinas", "bidang", lead_id=blitar_people["ahli_muda"].pk)
    decide(team, "approve")
    decide(team, "submit", member_ids=[pengawas.pk], lead_input="Kasubbid untuk rujukan")

    assert violation(error) == (
        "member_kind",
        "V-33",
        f"{KOTIM} Lampiran II.B angka 3 (pengantar)",
    )
    assert TeamMember.objects.filter(team=team, employee=pengawas, role="MEMBER").exists()


@pytest.mark.django_db
def test_v34_blitar_pasal_19_the_composition_basis_is_recorded():
    org = build_org("blitar-2023")
    people = staff(org)

    error = refused(
        lambda: propose(
            org, "dinas", "bidang", lead_id=people["ahli_muda"].pk, composition_basis=""
        ),
        RuleViolation,
    )

    assert violation(error) == (
        "composition_basis_required",
        "V-34",
        f"{BLITAR} Pasal 19 (butir keempat)",
    )


@pytest.mark.django_db
def test_v35_cilegon_pasal_8_ayat_3_a_cross_unit_team_needs_no_justification():
    org = build_org("cilegon-2023")
    people = staff(org)

    team = propose(org, lead_id=people["ahli_muda"].pk, member_ids=[people["sekretariat"].pk])

    assert (team.scope, team.justifications) == ("CROSS_UNIT", [])


@pytest.mark.django_db
def test_v64_pasal_1_a_team_has_a_start_and_an_end():
    org = build_org("kotim-2023")
    people = staff(org)

    error = refused(
        lambda: propose(org, lead_id=people["ahli_muda"].pk, ends_on=None), RuleViolation
    )

    assert violation(error) == (
        "team_period_invalid",
        "V-64",
        f'{KOTIM} Pasal 1 angka 29 (Penugasan "dalam periode waktu tertentu")',
    )


@pytest.mark.django_db
def test_v65_blitar_pasal_22_members_only_after_the_lead_on_the_leads_input():
    org = build_org("blitar-2023")
    people = staff(org)

    error = refused(
        lambda: propose(
            org,
            "dinas",
            "bidang",
            lead_id=people["ahli_muda"].pk,
            member_ids=[people["pelaksana"].pk],
        ),
        RuleViolation,
    )

    assert violation(error) == (
        "members_before_lead",
        "V-65",
        f"{BLITAR} Pasal 21 ayat (1); {BLITAR} Pasal 22",
    )


@pytest.mark.django_db
def test_v66_kotim_lampiran_ii_b_2_a_team_points_to_the_unit_pk_activity():
    org = build_org("kotim-2023")
    people = staff(org)

    error = refused(
        lambda: propose(org, lead_id=people["ahli_muda"].pk, activity_ref=" "), RuleViolation
    )

    assert violation(error) == (
        "team_activity_required",
        "V-66",
        f"{KOTIM} Lampiran II.B.2 (paragraf Perjanjian Kinerja)",
    )


@pytest.mark.django_db
def test_v70_kotim_the_head_of_the_agency_may_refuse_the_keputusan_with_a_reason():
    org = build_org("kotim-2023")
    people = staff(org)
    team = propose(org, lead_id=people["ahli_muda"].pk, member_ids=[people["sekretariat"].pk])

    no_reason = refused(lambda: decide(team, "reject"), RuleViolation)
    team = decide(team, "reject", reason="Beban kerja sekretariat penuh")

    assert (no_reason.code, no_reason.rule) == ("reason_required", "V-03")
    assert (team.status, team.end_reason) == (Team.Status.REJECTED, "Beban kerja sekretariat penuh")
    assert AuditEvent.objects.filter(
        object_type="teams.team", object_id=str(team.pk), action="team.rejected"
    ).exists()
