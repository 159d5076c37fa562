"""Beranda (who I am), my profile (my roles) and the list of agencies the viewer sees."""

from __future__ import annotations

from sikerja.organization.models import Agency, Placement
from sikerja.organization.selectors import resolver_for
from tests.web.helpers import body, section, text


def test_the_home_page_shows_my_position_unit_and_agency(client_of, persona, today):
    jf = persona("jf_ahli_muda")
    placement = (
        Placement.objects.effective_on(today)
        .select_related("position__unit__agency")
        .get(employee=jf)
    )

    html = body(client_of("jf_ahli_muda"), "/")

    me = text(html.split('aria-labelledby="me-title">')[1].split("</section>")[0])
    unit = placement.position.unit
    assert me.startswith(f"{jf.full_name} NIP ")
    assert f"{placement.position.title} {unit.name} — {unit.agency.name}" in me


def test_my_roles_and_appraiser_are_on_my_profile(client_of, persona, today):
    jf = persona("jf_ahli_muda")
    answers = resolver_for(jf.government).roles_for(jf.pk, today)

    html = body(client_of("jf_ahli_muda"), f"/pegawai/{jf.pk}/")

    for answer in answers:
        assert answer.citation in text(section(html, answer.role))
    assert text(section(html, "appraiser")).startswith(
        f"Pejabat Penilai Kinerja {persona('kabid').full_name} "
    )


def test_the_header_names_the_government_and_its_regulation(client_of):
    html = body(client_of("kabid"), "/")

    assert (
        '<span class="brand__tenant" data-testid="tenant">'
        "Pemerintah Kota Surakarta — Perwali Surakarta 32/2023</span>"
    ) in html


def test_the_head_of_an_agency_sees_only_that_agency(client_of, persona, today):
    agency = (
        Placement.objects.effective_on(today)
        .select_related("position__unit__agency")
        .get(employee=persona("kepala_dinas"))
        .position.unit.agency
    )

    agencies = client_of("kepala_dinas").get("/organisasi/").context["agencies"]

    assert agencies == [agency]


def test_operators_and_the_sekda_see_every_agency_of_their_government(client_of, world):
    expected = list(Agency.objects.filter(government_id=world.government_id).order_by("name"))

    listed = {
        name: client_of(name).get("/organisasi/").context["agencies"]
        for name in ("bkpsdm", "sekda")
    }

    assert listed == {"bkpsdm": expected, "sekda": expected}


def test_an_employee_without_a_head_position_sees_no_agency(client_of):
    response = client_of("pelaksana").get("/organisasi/")

    assert response.context["agencies"] == []
    assert "Pegawai hanya melihat dirinya sendiri" in response.content.decode()
