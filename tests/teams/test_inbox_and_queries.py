"""A team's open step is in the engine's one inbox with the team's name and page, and the team
list costs the same queries whatever the number of teams."""

from __future__ import annotations

import pytest

from sikerja.teams.services import team_propose
from sikerja.workflows.selectors import inbox
from tests.clients import ApiClient
from tests.teams.world import NOW, ON, team_input


def propose(persona, name: str):
    return team_propose(
        requester=persona("kepala_dinas"),
        data=team_input(
            candidate_ids=[persona("jf_ahli_muda").pk],
            appraiser_consideration="Kompeten",
            sub_activities=team_input().sub_activities,
            name=name,
        ),
        at=NOW,
        on=ON,
    )


@pytest.mark.django_db
def test_the_sekdas_inbox_names_the_team_and_its_page(persona):
    team = propose(persona, "Tim A")

    entries = inbox(employee_id=persona("sekda").pk, on=ON)

    assert [(e.subject.title, e.subject.url) for e in entries] == [
        (team.name, f"/tim-kerja/{team.pk}/")
    ]


@pytest.mark.django_db
def test_the_team_list_costs_the_same_queries_for_one_team_and_for_three(
    persona, user_of, django_assert_num_queries
):
    from django.test import Client

    client = Client()
    client.force_login(user_of("bkpsdm"))
    api = ApiClient(client)
    propose(persona, "Tim A")
    api.get("/teams")
    with django_assert_num_queries(7) as one:
        rows_one = len(api.get("/teams").json())
    propose(persona, "Tim B")
    propose(persona, "Tim C")
    with django_assert_num_queries(len(one.captured_queries)):
        rows_three = len(api.get("/teams").json())

    assert (rows_one, rows_three) == (1, 3)
