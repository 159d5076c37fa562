"""Surakarta (Perwali Surakarta 32/2023) WF-TEAM end to end: the unit head proposes at most three
candidates, the Sekda determines the lead, the unit head sets the team by Keputusan."""

from __future__ import annotations

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.documents.models import Letter
from sikerja.teams.models import Team, TeamMember
from sikerja.teams.services import team_propose
from tests.organization.builders import build_org
from tests.teams.world import NOW, ON, decide, instance_of, staff, team_input, trail

PACK = "surakarta-2023"


@pytest.fixture
def org():
    return build_org(PACK)


@pytest.mark.django_db
def test_wf_team_ska_pasal_15_candidates_sekda_determines_then_unit_head_decrees(org):
    people = staff(org)
    kadis, sekda = org.people["dinas"], org.people["setda"]

    team = team_propose(
        requester=kadis,
        data=team_input(
            candidate_ids=[people["ahli_muda"].pk, people["pelaksana"].pk],
            member_ids=[people["ahli_pertama"].pk],
            appraiser_consideration="Keduanya kompeten",
        ),
        owner_unit_id=org.units["bidang"].pk,
        at=NOW,
        on=ON,
    )
    decide(team, "approve", lead_id=people["pelaksana"].pk)
    team = decide(team, "approve")

    assert trail(team) == [
        ("propose", kadis.pk, "submit"),
        ("determine", sekda.pk, "approve"),
        ("decree", kadis.pk, "approve"),
    ]
    assert (team.status, team.lead_id, team.instrument, team.set_on) == (
        Team.Status.ACTIVE,
        people["pelaksana"].pk,
        Team.Instrument.KEPUTUSAN,
        ON,
    )
    letters = list(Letter.objects.filter(workflow_instance_id=instance_of(team).pk).order_by("pk"))
    assert [
        (letter.doc_type, letter.title, letter.signer["employee_id"]) for letter in letters
    ] == [
        ("DECREE", "Keputusan Sekretaris Daerah tentang Penetapan Ketua Tim Kerja", sekda.pk),
        ("DECREE", "Keputusan Pimpinan Unit Organisasi tentang Pembentukan Tim Kerja", kadis.pk),
    ]
    assert [a["employee_id"] for a in letters[1].addressees] == [
        people["pelaksana"].pk,
        people["ahli_pertama"].pk,
    ]
    assert list(
        TeamMember.objects.filter(team=team)
        .order_by("role")
        .values_list("employee_id", "role", "status")
    ) == [
        (people["pelaksana"].pk, "LEAD", "ACTIVE"),
        (people["ahli_pertama"].pk, "MEMBER", "ACTIVE"),
    ]
    assert list(
        AuditEvent.objects.filter(object_type="teams.team", object_id=str(team.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["team.proposed", "team.activated"]
