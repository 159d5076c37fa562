"""The team pages cost the same number of queries for a team of two and of six: the work page,
the team page, the teams list and the report inbox, as the lead, as the head of the owner unit
(who sees the team as its manager, resolved in bulk) and as a Kepala Bidang who appraises some
of its people. Each member's appraiser is resolved in one query for the whole team
(`organization.resolver.Resolver.appraisers`), not once per member."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.organization.models import Employee, Placement
from sikerja.teams.models import Team, TeamReport
from sikerja.teams.services import team_propose
from tests.teams.work.flow import open_reports, submit
from tests.teams.world import NOW, ON, decide, team_input

# Four more people of the Dinas, each appraised by another official (the Sekretaris, the
# Kepala Bidang, the Subkoordinator, another Kepala Bidang).
MORE = 4

# page -> viewer -> queries, the same for a team of 2 and of 6.
QUERIES = {
    "team-work": {"jf_ahli_muda": 19, "kepala_dinas": 23, "kabid": 22},
    "team-detail": {"jf_ahli_muda": 27, "kepala_dinas": 35, "kabid": 33},
    "team-list": {"jf_ahli_muda": 9, "kepala_dinas": 13, "kabid": 12},
    "team-reports": {"jf_ahli_muda": 9, "kepala_dinas": 8, "kabid": 8},
}


def _others(persona, count: int) -> list[int]:
    """JFs and Pelaksana of the Dinas not among the personas, each under another official."""
    lead, member = persona("jf_ahli_muda"), persona("pelaksana")
    agency = lead.placements.first().position.unit.agency_id
    rows = (
        Placement.objects.effective_on(ON)
        .filter(
            position__unit__agency_id=agency,
            position__kind__in=["PELAKSANA", "FUNGSIONAL"],
            position__unit__unit_type__in=["SEKRETARIAT", "BIDANG", "SEKSI", "SUBBAGIAN"],
        )
        .exclude(employee__in=[lead, member])
        .order_by("pk")
        .values_list("employee_id", flat=True)
    )
    return list(rows[:count])


def _team(persona, size: int) -> Team:
    """An active team of the Kepala Dinas (the JF Ahli Muda leads) with `size` people, its
    reports opened and every member's report submitted to the lead."""
    members = [persona("pelaksana").pk, *_others(persona, size - 2)]
    team = team_propose(
        requester=persona("kepala_dinas"),
        data=team_input(
            candidate_ids=[persona("jf_ahli_muda").pk],
            member_ids=members,
            appraiser_consideration="Kompeten",
        ),
        at=NOW,
        on=ON,
    )
    decide(team, "approve", lead_id=persona("jf_ahli_muda").pk)
    team = decide(team, "approve")
    assert (team.status, team.memberships.count()) == (Team.Status.ACTIVE, size)
    open_reports(team)
    for report in TeamReport.objects.filter(team=team, kind="MEMBER").order_by("pk"):
        submit(report)
    return team


def _url(page: str, team: Team) -> str:
    return reverse(f"web:{page}", args=[team.pk] if page in {"team-work", "team-detail"} else [])


@pytest.mark.parametrize("size", [2, 2 + MORE])
@pytest.mark.parametrize("viewer", ["jf_ahli_muda", "kepala_dinas", "kabid"])
@pytest.mark.parametrize("page", sorted(QUERIES))
def test_the_page_costs_the_same_queries_for_a_team_of_two_and_of_six_case(
    persona, client_of, django_assert_num_queries, page, viewer, size
):
    team = _team(persona, size)
    client = client_of(viewer)
    url = _url(page, team)
    client.get(url)

    with django_assert_num_queries(QUERIES[page][viewer]):
        response = client.get(url)

    assert response.status_code == 200
    if page == "team-reports" and viewer == "jf_ahli_muda":
        assert response.content.decode().count('"inbox-row"') == size - 1


def test_the_four_more_people_have_four_appraisers_but_the_kabid_is_one(persona):
    from sikerja.organization.resolver import Resolver
    from sikerja.regulations.loader import load_pack

    more = _others(persona, MORE)
    answers = Resolver(load_pack("surakarta-2023")).appraisers(more, ON)
    appraisers = {pk: answer.person.employee_id for pk, answer in answers.items()}

    assert Employee.objects.filter(pk__in=more).count() == MORE
    assert len(set(appraisers.values())) == MORE - 1
    assert persona("kabid").pk in appraisers.values()
