"""The tim kerja pages: the list and one team, for those who may see them (404 for the rest),
the main navigation's link, and the list's constant query count."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.teams.services import team_propose
from tests.clients import _empty_cache, client_of
from tests.teams.world import NOW, ON, open_step, team_input

__all__ = ["_empty_cache", "client_of"]

LIST_URL = reverse("web:team-list")


def propose(persona, name: str = "Tim Kerja Pendataan Sarana Kesehatan"):
    """The Kepala Dinas proposes a team: one JF lead candidate, the Pelaksana as member."""
    return team_propose(
        requester=persona("kepala_dinas"),
        data=team_input(
            name=name,
            candidate_ids=[persona("jf_ahli_muda").pk],
            member_ids=[persona("pelaksana").pk],
            appraiser_consideration="Kompeten",
        ),
        at=NOW,
        on=ON,
    )


def detail_url(team) -> str:
    return reverse("web:team-detail", args=[team.pk])


def team_links(html: str) -> int:
    return html.count('data-testid="team-row"')


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "status", "rows"),
    [
        ("bkpsdm", 200, 1),
        ("sekda", 200, 1),
        ("kepala_dinas", 200, 1),
        ("jf_ahli_muda", 200, 1),
        ("pelaksana", 200, 1),
        ("kabid", 404, 0),
        ("outsider", 404, 0),
        ("other_tenant", 404, 0),
    ],
)
def test_who_may_open_the_team_and_finds_it_in_the_list_case(
    client_of, persona, name, status, rows
):
    team = propose(persona)
    client = client_of(name)

    detail = client.get(detail_url(team))
    listing = client.get(LIST_URL)

    assert detail.status_code == status
    assert (listing.status_code, team_links(listing.content.decode())) == (200, rows)


@pytest.mark.django_db
def test_the_page_shows_the_team_its_people_and_its_formation(client_of, persona):
    team = propose(persona)

    page = client_of("kepala_dinas").get(detail_url(team))

    context = page.context["page"]
    assert (context.team.name, context.status_label, context.instrument_label) == (
        "Tim Kerja Pendataan Sarana Kesehatan",
        "Sedang dibentuk",
        team.get_instrument_display(),
    )
    assert [(m.name, m.role_label, m.status_label) for m in context.members] == [
        (persona("pelaksana").full_name, "Anggota tim", "Diusulkan")
    ]
    assert [(c.name, c.is_chosen) for c in context.candidates] == [
        (persona("jf_ahli_muda").full_name, False)
    ]
    assert [(row.status, row.actor_name) for row in context.timeline] == [
        ("DECIDED", persona("kepala_dinas").full_name),
        ("OPEN", persona("sekda").full_name),
    ]
    assert all(row.citation for row in context.timeline)
    assert context.decision is None
    html = page.content.decode()
    assert 'data-testid="team-purpose">Memutakhirkan data sarana kesehatan<' in html
    assert 'data-testid="decision-form"' not in html


@pytest.mark.django_db
def test_only_the_person_whose_step_waits_sees_the_decision_form_with_the_candidates(
    client_of, persona
):
    team = propose(persona)

    page = client_of("sekda").get(detail_url(team))

    panel = page.context["page"].decision
    assert (panel.step_id, panel.chooses_lead) == (open_step(team).pk, True)
    assert [b.value for b in panel.buttons] == ["approve", "reject"]
    assert list(panel.form.fields["lead_id"].widget.choices) == [
        ("", "—"),
        (persona("jf_ahli_muda").pk, persona("jf_ahli_muda").full_name),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "has_link"),
    [("bkpsdm", True), ("kabid", True), ("pelaksana", True)],
)
def test_the_main_navigation_links_the_team_list_case(client_of, name, has_link):
    html = client_of(name).get(reverse("web:home")).content.decode()

    assert (f'href="{LIST_URL}"' in html) is has_link


@pytest.mark.django_db
def test_the_team_list_costs_the_same_queries_for_one_team_and_for_three(
    client_of, persona, django_assert_num_queries
):
    client = client_of("bkpsdm")
    propose(persona, "Tim A")
    client.get(LIST_URL)
    with django_assert_num_queries(8) as one:
        rows_one = team_links(client.get(LIST_URL).content.decode())
    propose(persona, "Tim B")
    propose(persona, "Tim C")
    with django_assert_num_queries(len(one.captured_queries)):
        rows_three = team_links(client.get(LIST_URL).content.decode())

    assert (rows_one, rows_three) == (1, 3)


@pytest.mark.django_db
def test_in_english_the_page_names_its_sections_and_steps_in_english(client_of, persona):
    from django.conf import settings
    from django.utils import translation

    from sikerja.regulations.loader import load_pack

    team = propose(persona)
    definition = load_pack("surakarta-2023").data.workflows[team.workflow_key]
    client = client_of("kepala_dinas")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    with translation.override(settings.LANGUAGE_CODE):  # the request's English ends with it
        answer = client.get(detail_url(team))

    html = answer.content.decode()
    assert ("Lead candidates" in html, "Calon ketua tim" in html) == (True, False)
    assert [row.label for row in answer.context["page"].timeline] == [
        step.label_en for step in definition.steps[:2]
    ]
