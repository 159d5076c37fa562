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
