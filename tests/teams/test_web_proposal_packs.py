"""The proposal form per pack where the packs differ: the fields each pack requires, Kotim's
PREFERRED lead origin (V-04) asking for a written justification, Blitar's lead before members
(V-65) and Barut's mandatory lead (V-31) refusing with their articles."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from sikerja.regulations.loader import load_pack
from sikerja.teams.models import Team
from sikerja.teams.services import proposal_shape
from tests.clients import _empty_cache
from tests.documents.users import login_for
from tests.organization.builders import build_org
from tests.teams.world import counts, staff

__all__ = ["_empty_cache"]

URL = reverse("web:team-create")


def client_for(employee) -> Client:
    client = Client()
    client.force_login(login_for(employee, government=employee.government))
    return client


def proposal(**fields):
    data = {
        "action": "submit",
        "name": "Tim Kerja Pendataan Sarana Kesehatan",
        "purpose": "Memutakhirkan data sarana kesehatan",
        "activity_ref": "PK 2026 Kegiatan 2.1 (tim)",
        "sub_activities": "Pendataan Sarana Kesehatan",
        "cascaded_from": "Sasaran 2",
        "composition_basis": "Target kinerja, ABK bidang, kompetensi analis",
        "starts_on": "2026-12-01",
        "ends_on": "2026-12-31",
    }
    data.update(fields)
    return data


@pytest.mark.parametrize(
    ("pack_id", "required"),
    [
        ("kotim-2023", {"name", "purpose", "starts_on", "ends_on", "activity_ref"}),
        ("blitar-2023", {"name", "purpose", "starts_on", "ends_on", "composition_basis"}),
        ("cilegon-2023", {"name", "purpose", "starts_on", "ends_on"}),
        ("barut-2024", {"name", "purpose", "starts_on", "ends_on", "lead_id", "composition_basis"}),
    ],
)
def test_each_pack_requires_its_own_fields_case(pack_id, required):
    shape = proposal_shape(load_pack(pack_id))

    assert set(shape.required) == required
    assert (shape.uses_candidates, shape.has_pengendali) == (False, False)


def test_surakarta_names_candidates_and_the_team_after_its_sub_activities():
    shape = proposal_shape(load_pack("surakarta-2023"))

    assert (shape.uses_candidates, shape.max_candidates, shape.name_from_sub_activities) == (
        True,
        3,
        True,
    )
    assert (shape.has_pengendali, shape.members_later) == (True, False)


@pytest.mark.django_db
def test_v04_kotim_pasal_13_ayat_3_a_lead_from_outside_the_owner_unit_needs_a_justification():
    org = build_org("kotim-2023")
    people = staff(org)
    client = client_for(org.people["bidang"])
    pack = load_pack("kotim-2023")
    data = proposal(
        lead_id=people["sekretariat"].pk,
        member_ids=[people["pelaksana"].pk],
        competencies="analisis data",
        expected_target="Data 40 sarana kesehatan terverifikasi",
    )
    before = counts()

    warned = client.post(URL, data)
    justified = client.post(URL, {**data, "justification": "Satu-satunya analis data di dinas"})

    error = warned.context["page"].error
    assert (warned.status_code, error.code, error.rule, error.citation) == (
        400,
        "justification_required",
        "V-04",
        pack.cite_rule("V-04"),
    )
    assert warned.context["page"].form.errors["justification"] == [
        f"Tuliskan alasan menyimpang dari ketentuan yang diutamakan. ({pack.cite_rule('V-04')})"
    ]
    assert justified.status_code == 302
    team = Team.objects.get(government=org.government)
    assert [(j["rule"], j["justification"]) for j in team.justifications] == [
        ("V-04", "Satu-satunya analis data di dinas")
    ]
    assert counts()[0] == before[0] + 1


@pytest.mark.django_db
def test_v65_blitar_pasal_22_members_wait_for_the_leads_input():
    org = build_org("blitar-2023")
    people = staff(org)
    client = client_for(org.people["dinas"])
    pack = load_pack("blitar-2023")
    before = counts()

    answer = client.post(
        URL,
        proposal(
            owner_unit_id=org.units["bidang"].pk,
            lead_id=people["ahli_muda"].pk,
            member_ids=[people["pelaksana"].pk],
        ),
    )

    error = answer.context["page"].error
    assert (answer.status_code, error.code, error.rule, error.citation) == (
        400,
        "members_before_lead",
        "V-65",
        pack.cite_rule("V-65"),
    )
    assert (
        answer.context["page"].form.errors["member_ids"][0].endswith(f"({pack.cite_rule('V-65')})")
    )
    assert 'data-testid="members-later-note"' in answer.content.decode()
    assert counts() == before


@pytest.mark.django_db
def test_v31_barut_pasal_22_ayat_1_a_team_without_a_lead_is_refused():
    org = build_org("barut-2024")
    people = staff(org, pelaksana_unit="subbidang")
    client = client_for(org.people["bidang"])
    pack = load_pack("barut-2024")
    before = counts()

    answer = client.post(URL, proposal(member_ids=[people["pelaksana"].pk]))

    error = answer.context["page"].error
    assert (answer.status_code, error.code, error.rule, error.citation) == (
        400,
        "team_lead_required",
        "V-31",
        pack.cite_rule("V-31"),
    )
    assert answer.context["page"].form.errors["lead_id"] == [
        f"Tim kerja wajib memiliki ketua tim. ({pack.cite_rule('V-31')})"
    ]
    assert counts() == before


@pytest.mark.django_db
def test_cilegon_a_team_without_a_lead_is_proposed():
    org = build_org("cilegon-2023")
    people = staff(org)
    client = client_for(org.people["bidang"])

    answer = client.post(URL, proposal(member_ids=[people["pelaksana"].pk]))

    team = Team.objects.get(government=org.government)
    assert (answer.status_code, team.lead_id, team.status) == (302, None, "FORMING")


@pytest.mark.django_db
def test_kotim_the_route_follows_the_people_chosen_within_the_unit_or_across_units():
    org = build_org("kotim-2023")
    people = staff(org)
    client = client_for(org.people["bidang"])
    kabid, kadis = org.people["bidang"], org.people["dinas"]

    within = client.post(URL, {"action": "refresh", "lead_id": people["ahli_muda"].pk}).context[
        "page"
    ]
    across = client.post(
        URL,
        {
            "action": "refresh",
            "lead_id": people["ahli_muda"].pk,
            "member_ids": [people["sekretariat"].pk],
        },
    ).context["page"]

    assert (within.route.scope, [s.actor for s in within.route.steps]) == (
        "WITHIN_UNIT",
        [kabid.full_name, kabid.full_name],
    )
    assert (across.route.scope, [s.actor for s in across.route.steps]) == (
        "CROSS_UNIT",
        [kabid.full_name, kadis.full_name],
    )
    assert not within.form.errors
