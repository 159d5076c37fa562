"""Assignments and teams flow in, in every pack: an accepted within-unit penugasan and a team's
membership each propose exactly one additional RHK per person (none more on a replay), owned by
the appraiser the pack's resolver names for that person on the day (SPEC §6.5, §10.1)."""

from __future__ import annotations

import pytest

from sikerja.assignments.services import assignment_request_submit
from sikerja.organization.resolver import Resolver
from sikerja.performance.models import RhkProposal
from sikerja.performance.services.feed import rhk_proposals_sync
from sikerja.regulations.loader import load_pack
from sikerja.teams.models import TeamMember
from sikerja.teams.services import team_propose
from tests.assignments.flow import NOW, ON, request_input
from tests.organization.builders import build_org
from tests.teams.test_v69_outside_members import run_to_the_end
from tests.teams.world import decide, staff, team_input

PACKS = ["kotim-2023", "blitar-2023", "surakarta-2023", "cilegon-2023", "barut-2024"]


def _appraiser_of(org, employee_id: int) -> int | None:
    person = Resolver(load_pack(org.government.pack_id)).appraiser(employee_id, ON).person
    return person.employee_id if person else None


def _rows():
    return sorted(
        RhkProposal.objects.values_list("employee_id", "source", "source_id", "appraiser_id")
    )


@pytest.mark.django_db
@pytest.mark.parametrize("pack_id", PACKS)
def test_an_accepted_assignment_gives_one_proposal_to_the_resolvers_appraiser_case(
    pack_id, django_capture_on_commit_callbacks
):
    org = build_org(pack_id)
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    with django_capture_on_commit_callbacks(execute=True):
        assignment = assignment_request_submit(
            requester=org.people["bidang"],
            data=request_input(
                candidate_ids=[jf.pk],
                expected_target="Kajian",
                task_description="Menyusun kajian",
                individual_target="Satu kajian",
                other_arrangements="Dilaporkan setiap bulan",
            ),
            at=NOW,
            on=ON,
        )
    with django_capture_on_commit_callbacks(execute=True):
        run_to_the_end(assignment)

    rows = _rows()

    appraiser = _appraiser_of(org, jf.pk)
    assert appraiser is not None
    assert rows == [(jf.pk, "ASSIGNMENT", assignment.pk, appraiser)]
    assert rhk_proposals_sync(government_id=org.government.pk, at=NOW, on=ON) == []
    assert _rows() == rows


def _surakarta(org, people):
    team = team_propose(
        requester=org.people["dinas"],
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
    return decide(team, "approve")


def _blitar(org, people):
    team = team_propose(
        requester=org.people["dinas"],
        data=team_input(lead_id=people["ahli_muda"].pk),
        owner_unit_id=org.units["bidang"].pk,
        at=NOW,
        on=ON,
    )
    decide(team, "approve")
    decide(team, "submit", member_ids=[people["pelaksana"].pk], lead_input="Pendataan")
    return decide(team, "approve")


def _by_unit_head(org, people):
    team = team_propose(
        requester=org.people["bidang"],
        data=team_input(lead_id=people["ahli_muda"].pk, member_ids=[people["pelaksana"].pk]),
        at=NOW,
        on=ON,
    )
    return decide(team, "approve")


FORM = {"surakarta-2023": _surakarta, "blitar-2023": _blitar}
# Barut: a Pelaksana sits under a Pengawas where the unit has one (V-40).
PELAKSANA_UNIT = {"barut-2024": "subbidang"}


@pytest.mark.django_db
@pytest.mark.parametrize("pack_id", PACKS)
def test_each_team_member_gets_one_proposal_to_their_own_appraiser_case(
    pack_id, django_capture_on_commit_callbacks
):
    org = build_org(pack_id)
    people = staff(org, pelaksana_unit=PELAKSANA_UNIT.get(pack_id, "bidang"))
    with django_capture_on_commit_callbacks(execute=True):
        team = FORM.get(pack_id, _by_unit_head)(org, people)

    members = list(
        TeamMember.objects.filter(team=team, status="ACTIVE").values_list("employee_id", flat=True)
    )

    assert team.status == "ACTIVE"
    assert sorted(members) == sorted([people["ahli_muda"].pk, people["pelaksana"].pk])
    assert _rows() == sorted(
        (member, "TEAM", team.pk, _appraiser_of(org, member)) for member in members
    )
    assert all(row[3] is not None for row in _rows())
    assert rhk_proposals_sync(government_id=org.government.pk, at=NOW, on=ON) == []
