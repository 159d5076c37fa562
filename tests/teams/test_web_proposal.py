"""Proposing a team in the browser: the fields the pack requires (with the rule that requires
each), every refusal at once next to its field citing its article, a written justification
where a PREFERRED rule is not met, and the proposal submitted on the pack's WF-TEAM flow."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.teams.models import Team
from tests.clients import _empty_cache, client_of
from tests.teams.world import counts

__all__ = ["_empty_cache", "client_of"]

URL = reverse("web:team-create")


def complete(persona, **overrides):
    """A complete Surakarta proposal by the Kepala Dinas: one candidate, one member."""
    data = {
        "action": "submit",
        "purpose": "Memutakhirkan data sarana pendidikan",
        "activity_ref": "PK 2026 Kegiatan 2.1 (tim)",
        "sub_activities": "Pendataan Sarana Pendidikan",
        "cascaded_from": "Sasaran 2: mutu layanan pendidikan",
        "starts_on": "2026-12-01",
        "ends_on": "2026-12-31",
        "candidate_ids": [persona("jf_ahli_muda").pk],
        "appraiser_consideration": "Kompeten di bidang data",
        "member_ids": [persona("pelaksana").pk],
        "lead_role_abk": "1.20",
        "abk_reference": "ABK BKPSDM 2026 No. 12",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.django_db
def test_the_form_marks_what_the_pack_requires_with_its_rule(client_of):
    page = client_of("kepala_dinas").get(URL)

    context = page.context["page"]
    required = {name: f.rule for name, f in context.fields.items() if f.required}
    assert page.status_code == 200
    assert required == {
        "purpose": "",
        "starts_on": "V-64",
        "ends_on": "V-64",
        "activity_ref": "V-66",
        "sub_activities": "V-10",
        "cascaded_from": "V-10",
        "lead_role_abk": "V-08",
        "abk_reference": "V-08",
        "candidate_ids": "V-31",
        "appraiser_consideration": "V-07",
    }
    assert context.pengendali_link_citation == page_citation("V-67")
    assert list(context.pickers) == ["candidate_ids", "member_ids", "pengendali_id"]


@pytest.mark.django_db
def test_a_complete_proposal_is_submitted_and_waits_for_the_sekda(client_of, persona):
    answer = client_of("kepala_dinas").post(URL, complete(persona))

    team = Team.objects.get()
    assert (answer.status_code, answer.url) == (302, reverse("web:team-detail", args=[team.pk]))
    assert (team.name, team.status, team.requester_id) == (
        "Tim Kerja Pendataan Sarana Pendidikan",
        Team.Status.FORMING,
        persona("kepala_dinas").pk,
    )
    assert list(team.candidate_links.values_list("employee_id", flat=True)) == [
        persona("jf_ahli_muda").pk
    ]


@pytest.mark.django_db
def test_every_refusal_shows_at_once_next_to_its_field_citing_its_article(client_of, persona):
    before = counts()

    answer = client_of("kepala_dinas").post(
        URL,
        complete(
            persona,
            purpose="",
            activity_ref="",
            lead_role_abk="0.5",
            candidate_ids=[
                persona(name).pk
                for name in ("jf_ahli_muda", "pelaksana", "kabid", "subkoordinator")
            ],
        ),
    )

    page = answer.context["page"]
    assert (answer.status_code, page.error.code) == (400, "team_proposal_refused")
    assert [(p.rule, p.citation) for p in page.problems] == [
        ("", ""),
        ("V-07", page_citation("V-07")),
        ("V-05", page_citation("V-05")),
        ("V-05", page_citation("V-05")),
        ("V-08", page_citation("V-08")),
        ("V-66", page_citation("V-66")),
    ]
    errors = page.form.errors
    assert errors["purpose"] == ["Wajib diisi."]
    assert errors["activity_ref"] == [
        "Sebutkan kegiatan bertipe tim pada Perjanjian Kinerja unit yang dilayani tim. "
        f"({page_citation('V-66')})"
    ]
    assert [
        e.endswith(f" ({page_citation(rule)})")
        for e, rule in zip(errors["candidate_ids"], ("V-07", "V-05", "V-05"), strict=True)
    ] == [True, True, True]
    assert errors["lead_role_abk"][0].endswith(f"({page_citation('V-08')})")
    assert counts() == before
    html = answer.content.decode()
    assert html.count('data-testid="refusal-item"') == 6
    assert f"<cite>{page_citation('V-66')}</cite>" in html


def page_citation(rule: str) -> str:
    from sikerja.regulations.loader import load_pack

    return load_pack("surakarta-2023").cite_rule(rule)


@pytest.mark.django_db
def test_searching_a_picker_lists_matches_and_keeps_the_people_chosen(client_of, persona):
    member = persona("pelaksana")
    word = persona("jf_ahli_muda").name.split()[0]

    answer = client_of("kepala_dinas").post(
        URL, {"action": "search", "member_ids": [member.pk], "member_query": word}
    )

    picker = answer.context["page"].pickers["member_ids"]
    assert answer.status_code == 200
    assert picker.items[0].person.employee_id == member.pk
    assert picker.items[0].chosen is True
    assert persona("jf_ahli_muda").pk in [i.person.employee_id for i in picker.items[1:]]
    assert all(word.casefold() in i.person.name.casefold() for i in picker.items[1:])
    assert not answer.context["page"].form.errors


@pytest.mark.django_db
def test_the_route_names_the_officials_who_will_decide(client_of, persona):
    answer = client_of("kepala_dinas").post(URL, {"action": "refresh"})

    route = answer.context["page"].route
    assert [step.actor for step in route.steps] == [
        persona("kepala_dinas").full_name,
        persona("sekda").full_name,
        persona("kepala_dinas").full_name,
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["jf_ahli_muda", "kabid"])
def test_someone_the_flow_does_not_let_propose_is_refused_citing_the_step_case(
    client_of, persona, name
):
    before = counts()

    answer = client_of(name).post(URL, complete(persona))

    error = answer.context["page"].error
    assert (answer.status_code, error.code, error.citation) == (
        400,
        "not_first_actor",
        "Perwali Surakarta 32/2023 Pasal 15 ayat (3)",
    )
    assert f'data-testid="refusal-item">{error.message}' in answer.content.decode()
    assert counts() == before


@pytest.mark.django_db
def test_the_form_and_its_refusals_show_citations_but_no_rule_ids(client_of):
    from tests.assignments.web.test_no_internal_codes import INTERNAL_CODE
    from tests.web.helpers import text

    client = client_of("kepala_dinas")
    pages = [client.get(URL), client.post(URL, {"action": "submit"})]

    found = [INTERNAL_CODE.findall(text(p.content.decode().split("<main", 1)[-1])) for p in pages]
    assert found == [[], []]
    assert "Perwali Surakarta 32/2023 Pasal 14 ayat (4)" in pages[1].content.decode()


@pytest.mark.django_db
def test_the_pickers_cost_the_same_queries_for_one_person_chosen_and_for_three(
    client_of, persona, django_assert_num_queries
):
    client = client_of("kepala_dinas")
    word = persona("pelaksana").name.split()[0]
    one, three = (
        [persona(name).pk for name in names]
        for names in (["pelaksana"], ["pelaksana", "jf_ahli_muda", "subkoordinator"])
    )

    def search(chosen):
        return client.post(URL, {"action": "search", "member_ids": chosen, "member_query": word})

    search(one)
    # 16: the officials the resolver names come with their agency (no read of their unit).
    with django_assert_num_queries(16) as first:
        search(one)
    with django_assert_num_queries(len(first.captured_queries)):
        answer = search(three)

    chosen = [
        i.person.employee_id for i in answer.context["page"].pickers["member_ids"].items if i.chosen
    ]
    assert chosen == three
