"""Deciding a team's formation through its page: the Sekda chooses the lead, the unit head
sets the team, a refusal shows its rule's citation and writes nothing; the engine's inbox
links a waiting step to the page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.teams.models import Team
from sikerja.workflows.models import WorkflowStep
from sikerja.workflows.selectors import inbox
from tests.clients import _empty_cache, client_of
from tests.teams.test_web_pages import detail_url, propose
from tests.teams.world import ON, counts, instance_of, open_step

__all__ = ["_empty_cache", "client_of"]


def decide(client, team, decision: str, **extra):
    data = {"step_id": open_step(team).pk, "decision": decision, **extra}
    return client.post(reverse("web:team-decide", args=[team.pk]), data)


def steps(team) -> list[tuple[str, str, str]]:
    return list(
        instance_of(team).steps.order_by("seq").values_list("step_key", "status", "decision")
    )


@pytest.mark.django_db
def test_the_sekda_chooses_the_lead_and_the_unit_head_sets_the_team(client_of, persona):
    team = propose(persona)
    lead = persona("jf_ahli_muda")

    chosen = decide(client_of("sekda"), team, "approve", lead_id=lead.pk)
    set_up = decide(client_of("kepala_dinas"), team, "approve")

    assert (chosen.status_code, chosen.url) == (302, detail_url(team))
    assert (set_up.status_code, set_up.url) == (302, detail_url(team))
    team.refresh_from_db()
    assert (team.status, team.lead_id) == (Team.Status.ACTIVE, lead.pk)
    assert [status for _, status, _ in steps(team)] == ["DECIDED", "DECIDED", "DECIDED"]
    page = client_of("kepala_dinas").get(detail_url(team)).context["page"]
    assert (page.status_label, page.decision) == ("Aktif", None)
    assert [row.decision_label for row in page.timeline] == ["Dikirim", "Disetujui", "Disetujui"]
    assert [letter.type_label for letter in page.letters] == [
        "Keputusan Sekretaris Daerah",
        "Keputusan Kepala Dinas Pendidikan",
    ]
    html = client_of("kepala_dinas").get(detail_url(team)).content.decode()
    assert reverse("documents:letter-pdf", args=[page.letters[0].letter_id]) in html


@pytest.mark.django_db
def test_a_refusal_shows_its_citation_and_writes_nothing(client_of, persona):
    team = propose(persona)
    before = (counts(), steps(team))

    answer = decide(client_of("sekda"), team, "reject", reason="")

    error = answer.context["page"].error
    assert (answer.status_code, error.code, error.rule) == (400, "reason_required", "V-03")
    assert f'data-testid="refusal-citation">{error.citation}<' in answer.content.decode()
    assert (counts(), steps(team)) == before


@pytest.mark.django_db
def test_approving_without_choosing_a_candidate_is_refused_at_the_lead_field(client_of, persona):
    team = propose(persona)
    before = (counts(), steps(team))

    answer = decide(client_of("sekda"), team, "approve")

    assert (answer.status_code, answer.context["page"].error.code) == (400, "lead_not_a_candidate")
    assert answer.context["page"].decision.form.errors["lead_id"] == ["Bukan calon yang diusulkan."]
    assert (counts(), steps(team)) == before


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["kepala_dinas", "kabid", "outsider"])
def test_someone_whose_step_does_not_wait_gets_not_found_case(client_of, persona, name):
    team = propose(persona)
    before = (counts(), steps(team))

    answer = decide(client_of(name), team, "approve", lead_id=persona("jf_ahli_muda").pk)

    assert answer.status_code == 404
    assert (counts(), steps(team)) == before


@pytest.mark.django_db
def test_the_inbox_links_the_waiting_step_to_the_team_page(client_of, persona):
    team = propose(persona)

    entries = inbox(employee_id=persona("sekda").pk, on=ON)
    home = client_of("sekda").get(reverse("web:home")).content.decode()

    assert [(e.subject.title, e.subject.url) for e in entries] == [(team.name, detail_url(team))]
    assert f'href="{detail_url(team)}"' in home
    assert WorkflowStep.objects.get(pk=open_step(team).pk).status == "OPEN"


@pytest.mark.django_db
def test_the_decision_form_asks_a_justification_only_where_its_step_checks_a_preferred_rule(
    client_of, persona, monkeypatch
):
    from sikerja.regulations.loader import LoadedPack, load_pack

    team = propose(persona)
    plain = client_of("sekda").get(detail_url(team))
    warns = LoadedPack.warns
    monkeypatch.setattr(LoadedPack, "warns", lambda pack, rule: rule == "V-36" or warns(pack, rule))

    warned = client_of("sekda").get(detail_url(team))

    citation = load_pack("surakarta-2023").cite_rule("V-36")
    assert (
        plain.context["extras"].warned_citations,
        warned.context["extras"].warned_citations,
    ) == (
        [],
        [citation],
    )
    assert 'name="justification"' not in plain.content.decode()
    assert 'name="justification"' in warned.content.decode()
    assert citation in warned.content.decode()
