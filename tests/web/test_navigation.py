"""The layout's navigation is kept per process as a template fragment (CACHES "fragments"):
each viewer still gets the links their role offers, their own profile, the current section
marked and their language, whoever was served before them."""

from __future__ import annotations

import re

from django.conf import settings

from tests.web.helpers import body

NAV = re.compile(r'<ul id="site-nav-list">(.*?)</ul>', re.DOTALL)
LINK = re.compile(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)')


def _links(html: str) -> list[tuple[str, bool, str]]:
    nav = NAV.search(html)
    assert nav is not None
    return [(href, bool(current), label) for href, current, label in LINK.findall(nav.group(1))]


def test_each_viewer_gets_the_links_of_their_role_in_turn(client_of, persona):
    operator_first = _links(body(client_of("bkpsdm"), "/"))
    jf = _links(body(client_of("jf_ahli_muda"), "/"))
    operator_again = _links(body(client_of("bkpsdm"), "/"))

    assert operator_again == operator_first
    assert {"Akun", "Kop surat", "Impor/Ekspor"} <= {label for _, _, label in operator_first}
    assert {"Akun", "Kop surat", "Impor/Ekspor"}.isdisjoint(label for _, _, label in jf)
    assert (f"/pegawai/{persona('jf_ahli_muda').pk}/", False, "Profil saya") in jf
    assert ("/", True, "Beranda") in jf


def test_the_current_section_and_the_language_are_the_pages(client_of):
    client = client_of("kabid")
    home = _links(body(client, "/"))
    organisation = _links(body(client, "/organisasi/"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = _links(body(client, "/organisasi/"))

    assert [label for _, current, label in home if current] == ["Beranda"]
    assert [label for _, current, label in organisation if current] == ["Organisasi"]
    assert [href for href, _, _ in english] == [href for href, _, _ in organisation]
    assert [label for _, _, label in english] != [label for _, _, label in organisation]


def test_an_employee_made_acting_head_gets_the_heads_links_on_the_next_page(
    client_of, persona, operator, today, now
):
    """The kept navigation is keyed by whether the viewer heads a unit: the JF made Plt. of a
    new Seksi's head gets "Beban kerja" at once, from the same process that served them."""
    from sikerja.organization import services, services_people
    from sikerja.organization.models import Placement

    client = client_of("jf_ahli_muda")
    before = {label for _, _, label in _links(body(client, "/"))}
    bidang = (
        Placement.objects.select_related("position__unit")
        .effective_on(today)
        .get(employee=persona("kabid"), kind="DEFINITIVE")
        .position.unit
    )
    seksi = services.unit_create(
        actor=operator, parent=bidang, name="Seksi Baru", unit_type="SEKSI", at=now
    )
    head_post = services_people.position_create(
        actor=operator,
        unit=seksi,
        title="Kepala Seksi Baru",
        kind="PENGAWAS",
        is_head=True,
        at=now,
    )
    services_people.placement_create(
        actor=operator,
        employee=persona("jf_ahli_muda"),
        position=head_post,
        kind="PLT",
        valid_from=today,
        decision_number="800/12/BKPSDM/2026",
        decision_date=today,
        decided_by="Sekretaris Daerah",
        at=now,
    )
    after = {label for _, _, label in _links(body(client, "/"))}

    assert ("Beban kerja" in before, "Beban kerja" in after) == (False, True)
