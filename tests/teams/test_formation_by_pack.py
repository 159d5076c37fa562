"""WF-TEAM end to end in Kotim, Blitar, Cilegon and Barut: the actor of every step, the
instrument each pack issues by scope, and the team active with everyone named on it."""

from __future__ import annotations

import pytest

from sikerja.documents.models import Letter
from sikerja.teams.models import Team, TeamMember
from sikerja.teams.services import team_propose
from tests.organization.builders import add_agency, build_org
from tests.teams.world import NOW, ON, decide, instance_of, staff, team_input, trail


def letters(team: Team) -> list[tuple[str, str, int | None, list[int | None]]]:
    return [
        (
            letter.doc_type,
            letter.title,
            letter.signer["employee_id"],
            [a["employee_id"] for a in letter.addressees],
        )
        for letter in Letter.objects.filter(workflow_instance_id=instance_of(team).pk).order_by(
            "pk"
        )
    ]


def current(team: Team) -> list[tuple[int, str, str]]:
    return list(
        TeamMember.objects.filter(team=team)
        .order_by("role", "pk")
        .values_list("employee_id", "role", "status")
    )


@pytest.mark.django_db
def test_wf_team_kotim_within_unit_the_unit_head_appoints_the_lead_and_issues_the_letter():
    org = build_org("kotim-2023")
    people = staff(org)
    kabid = org.people["bidang"]
    lead, member = people["ahli_muda"], people["pelaksana"]

    team = team_propose(
        requester=kabid,
        data=team_input(lead_id=lead.pk, member_ids=[member.pk]),
        at=NOW,
        on=ON,
    )
    team = decide(team, "approve")

    assert trail(team) == [("propose", kabid.pk, "submit"), ("letter", kabid.pk, "approve")]
    assert (team.scope, team.status, team.instrument) == ("WITHIN_UNIT", "ACTIVE", "SURAT_TUGAS")
    assert letters(team) == [
        ("ASSIGNMENT_LETTER", "Surat Penugasan Tim Kerja", kabid.pk, [lead.pk, member.pk])
    ]
    assert current(team) == [(lead.pk, "LEAD", "ACTIVE"), (member.pk, "MEMBER", "ACTIVE")]


@pytest.mark.django_db
def test_wf_team_kotim_cross_unit_the_head_of_the_agency_sets_it_by_keputusan():
    org = build_org("kotim-2023")
    people = staff(org)
    kabid, kadis = org.people["bidang"], org.people["dinas"]

    team = team_propose(
        requester=kabid,
        data=team_input(lead_id=people["ahli_muda"].pk, member_ids=[people["sekretariat"].pk]),
        at=NOW,
        on=ON,
    )
    team = decide(team, "approve")

    assert trail(team) == [("propose", kabid.pk, "submit"), ("decree_pd", kadis.pk, "approve")]
    assert (team.scope, team.status, team.instrument) == ("CROSS_UNIT", "ACTIVE", "KEPUTUSAN")
    assert [row[:3] for row in letters(team)] == [
        ("DECREE", "Keputusan Kepala Perangkat Daerah tentang Pembentukan Tim Kerja", kadis.pk)
    ]


@pytest.mark.django_db
def test_wf_team_kotim_cross_pd_the_sekda_sets_it_by_keputusan():
    org = build_org("kotim-2023")
    people = staff(org)
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    outsider = org.staff("Joko Widodo", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    kabid, sekda = org.people["bidang"], org.people["setda"]

    team = team_propose(
        requester=kabid,
        data=team_input(lead_id=people["ahli_muda"].pk, member_ids=[outsider.pk]),
        at=NOW,
        on=ON,
    )
    team = decide(team, "approve")

    assert trail(team) == [("propose", kabid.pk, "submit"), ("decree_sekda", sekda.pk, "approve")]
    assert (team.scope, team.status) == ("CROSS_PD", "ACTIVE")
    assert [row[:3] for row in letters(team)] == [
        ("DECREE", "Keputusan Sekretaris Daerah tentang Pembentukan Tim Kerja", sekda.pk)
    ]


@pytest.mark.django_db
def test_wf_team_cilegon_pasal_9_ayat_1_the_owner_unit_head_sets_it_by_keputusan():
    org = build_org("cilegon-2023")
    people = staff(org)
    kabid = org.people["bidang"]
    lead, member = people["ahli_muda"], people["pelaksana"]

    team = team_propose(
        requester=kabid, data=team_input(lead_id=lead.pk, member_ids=[member.pk]), at=NOW, on=ON
    )
    team = decide(team, "approve")

    assert trail(team) == [("propose", kabid.pk, "submit"), ("decree", kabid.pk, "approve")]
    assert (team.status, team.instrument) == ("ACTIVE", "KEPUTUSAN")
    assert letters(team) == [
        (
            "DECREE",
            "Keputusan Pimpinan Unit Organisasi tentang Pembentukan Tim Kerja",
            kabid.pk,
            [lead.pk, member.pk],
        )
    ]


@pytest.mark.django_db
def test_wf_team_barut_pasal_21_the_appraiser_within_a_unit_the_agency_head_across_units():
    org = build_org("barut-2024")
    people = staff(org, pelaksana_unit="subbidang")
    kabid, kadis = org.people["bidang"], org.people["dinas"]

    within = team_propose(
        requester=kabid,
        data=team_input(lead_id=people["ahli_muda"].pk, member_ids=[people["pelaksana"].pk]),
        at=NOW,
        on=ON,
    )
    within = decide(within, "approve")
    across = team_propose(
        requester=kabid,
        data=team_input(lead_id=people["ahli_pertama"].pk, member_ids=[people["sekretariat"].pk]),
        at=NOW,
        on=ON,
    )
    across = decide(across, "approve")

    assert trail(within) == [("propose", kabid.pk, "submit"), ("order", kabid.pk, "approve")]
    assert trail(across) == [("propose", kabid.pk, "submit"), ("order_pd", kadis.pk, "approve")]
    assert [(t.status, t.instrument) for t in (within, across)] == [
        ("ACTIVE", "SURAT_PERINTAH"),
        ("ACTIVE", "SURAT_PERINTAH"),
    ]
    assert [row[:3] for row in letters(across)] == [
        ("ORDER_LETTER", "Surat Perintah Kepala Perangkat Daerah tentang Tim Kerja", kadis.pk)
    ]


@pytest.mark.django_db
def test_wf_team_blitar_v65_the_lead_first_then_members_on_the_leads_input():
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
    decide(team, "submit", member_ids=[member.pk], lead_input="Agus untuk pendataan lapangan")
    team = decide(team, "approve")

    assert trail(team) == [
        ("propose", kadis.pk, "submit"),
        ("lead_order", kabid.pk, "approve"),
        ("lead_input", lead.pk, "submit"),
        ("members_order", kabid.pk, "approve"),
    ]
    assert (team.status, team.instrument, team.lead_input) == (
        "ACTIVE",
        "SURAT_PERINTAH",
        "Agus untuk pendataan lapangan",
    )
    assert letters(team) == [
        ("ORDER_LETTER", "Surat Perintah Penunjukan Ketua Tim Kerja", kabid.pk, [lead.pk]),
        ("ORDER_LETTER", "Surat Perintah Tugas Anggota Tim Kerja", kabid.pk, [lead.pk, member.pk]),
    ]
    assert current(team) == [(lead.pk, "LEAD", "ACTIVE"), (member.pk, "MEMBER", "ACTIVE")]
