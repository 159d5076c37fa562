"""Blitar's lead gives their input on the members in the browser (V-65, Pasal 22): the members
join on it and the unit head's surat perintah for them waits next."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from sikerja.teams.services import team_propose
from tests.clients import _empty_cache
from tests.documents.users import login_for
from tests.organization.builders import build_org
from tests.teams.world import NOW, ON, counts, decide, staff, team_input, trail

__all__ = ["_empty_cache"]


@pytest.fixture
def waiting_for_the_lead():
    org = build_org("blitar-2023")
    people = staff(org)
    team = team_propose(
        requester=org.people["dinas"],
        data=team_input(lead_id=people["ahli_muda"].pk),
        owner_unit_id=org.units["bidang"].pk,
        at=NOW,
        on=ON,
    )
    decide(team, "approve")
    client = Client()
    client.force_login(login_for(people["ahli_muda"], government=org.government))
    return org, people, team, client


@pytest.mark.django_db
def test_v65_blitar_pasal_22_the_lead_names_the_members_with_their_input(waiting_for_the_lead):
    org, people, team, client = waiting_for_the_lead
    url = reverse("web:team-change", args=[team.pk, "masukan-anggota"])

    page = client.get(reverse("web:team-detail", args=[team.pk]))
    answer = client.post(
        url, {"member_ids": [people["pelaksana"].pk], "lead_input": "Agus untuk pendataan"}
    )

    assert f'href="{url}"' in page.content.decode()
    assert answer.status_code == 302
    team.refresh_from_db()
    assert team.lead_input == "Agus untuk pendataan"
    assert trail(team)[2:] == [
        ("lead_input", people["ahli_muda"].pk, "submit"),
        ("members_order", org.people["bidang"].pk, ""),
    ]


@pytest.mark.django_db
def test_the_leads_input_without_members_is_refused_at_the_field(waiting_for_the_lead):
    _org, _people, team, client = waiting_for_the_lead
    before = counts()

    answer = client.post(
        reverse("web:team-change", args=[team.pk, "masukan-anggota"]), {"lead_input": "Belum"}
    )

    assert answer.status_code == 400
    assert answer.context["page"].form.errors["member_ids"] == ["Wajib diisi."]
    assert counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["pelaksana", "unit_head"])
def test_only_the_lead_gives_the_input_case(waiting_for_the_lead, who):
    org, people, team, _client = waiting_for_the_lead
    person = people["pelaksana"] if who == "pelaksana" else org.people["bidang"]
    client = Client()
    client.force_login(login_for(person, government=org.government))
    url = reverse("web:team-change", args=[team.pk, "masukan-anggota"])
    before = (counts(), trail(team))

    shown = client.get(url)
    posted = client.post(url, {"member_ids": [people["pelaksana"].pk], "lead_input": "Saya"})

    assert (shown.status_code, posted.status_code) == (404, 404)
    assert (counts(), trail(team)) == before
