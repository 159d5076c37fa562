"""The employee page: identity, Pejabat Penilai Kinerja and the other roles, history."""

from __future__ import annotations

import re

from sikerja.organization.models import Placement
from sikerja.organization.nip import format_nip, mask_nip
from sikerja.organization.selectors import resolver_for
from tests.web.helpers import body, section, text

EMPLOYEE_NIP = re.compile(r'data-testid="employee-nip">([^<]*)</dd>')
ROLE_LABELS = {
    "appraiser": "Pejabat Penilai Kinerja",
    "unit_head": "Pimpinan Unit Organisasi",
    "performance_owner": "Pemilik Kinerja",
    "authorized_official": "Pejabat yang Berwenang",
}


def _page(client_of, viewer: str, employee) -> str:
    return body(client_of(viewer), f"/pegawai/{employee.pk}/")


def test_the_jf_page_shows_the_kabid_as_appraiser_with_the_full_citation(client_of, persona, today):
    jf, kabid = persona("jf_ahli_muda"), persona("kabid")
    expected = resolver_for(jf.government).appraiser(jf.pk, today)

    card = text(section(_page(client_of, "jf_ahli_muda", jf), "appraiser"))

    assert (expected.person.employee_id, expected.rule) == (kabid.pk, "T-KEDUDUKAN")
    assert card == (
        f"Pejabat Penilai Kinerja {kabid.full_name} {expected.person.position_title} — "
        f"{expected.person.unit_name} NIP {mask_nip(kabid.nip)} {expected.citation}"
    )
    assert expected.citation.startswith("Perwali Surakarta 32/2023 Lampiran III.")


def test_every_resolved_role_is_shown_with_person_and_citation_not_the_rule_id(
    client_of, persona, today
):
    jf = persona("jf_ahli_muda")
    answers = resolver_for(jf.government).roles_for(jf.pk, today)

    html = _page(client_of, "kepala_dinas", jf)

    assert [answer.role for answer in answers] == list(ROLE_LABELS)
    for answer in answers:
        card = text(section(html, answer.role))
        assert card.startswith(f"{ROLE_LABELS[answer.role]} {answer.person.name} ")
        assert card.endswith(answer.citation)
        assert f"{answer.rule} " not in card


def test_the_nip_is_in_full_for_the_employee_and_operators_and_masked_for_others(
    client_of, persona
):
    jf = persona("jf_ahli_muda")

    shown = {
        viewer: EMPLOYEE_NIP.search(_page(client_of, viewer, jf)).group(1)
        for viewer in ("jf_ahli_muda", "bkpsdm", "kabid", "kepala_dinas")
    }

    assert shown == {
        "jf_ahli_muda": format_nip(jf.nip),
        "bkpsdm": format_nip(jf.nip),
        "kabid": mask_nip(jf.nip),
        "kepala_dinas": mask_nip(jf.nip),
    }


def test_the_placement_history_lists_every_placement_with_its_decision(client_of, persona):
    pelaksana = persona("pelaksana")
    placements = list(Placement.objects.filter(employee=pelaksana).order_by("-valid_from"))

    html = _page(client_of, "pelaksana", pelaksana)
    history = html.split('data-testid="placement-history"')[1].split("</table>")[0]

    assert history.count("<tr") == 1 + len(placements)
    for placement in placements:
        assert placement.decision_number in history
        assert placement.decided_by in history


def test_the_chain_above_lists_the_heads_from_the_unit_up(client_of, persona):
    jf, kabid, kepala_dinas = persona("jf_ahli_muda"), persona("kabid"), persona("kepala_dinas")

    html = _page(client_of, "jf_ahli_muda", jf)
    chain = text(html.split('<ol class="chain">')[1].split("</ol>")[0])

    assert chain.index(kabid.full_name) < chain.index(kepala_dinas.full_name)


def test_switching_to_english_shows_english_labels(client_of, persona):
    jf = persona("jf_ahli_muda")
    client = client_of("jf_ahli_muda")

    switched = client.post("/i18n/setlang/", {"language": "en", "next": f"/pegawai/{jf.pk}/"})
    html = body(client, f"/pegawai/{jf.pk}/")

    assert (switched.status_code, switched["Location"]) == (302, f"/pegawai/{jf.pk}/")
    assert '<html lang="en">' in html
    assert text(section(html, "appraiser")).startswith("Performance Appraiser ")
    assert text(section(html, "unit_head")).startswith("Head of Organisational Unit ")
    assert "Placement history" in html
    assert "Pejabat Penilai Kinerja" not in html


def test_the_page_is_in_indonesian_by_default(client_of, persona):
    jf = persona("jf_ahli_muda")

    html = _page(client_of, "jf_ahli_muda", jf)

    assert '<html lang="id">' in html
    assert "Riwayat kedudukan" in html
