"""On a phone the main navigation folds behind its Menu button: a tap opens it (and says so to
a screen reader), a link in it is followed; on a desktop the links show with no button."""

from __future__ import annotations

import re

import pytest

from tests.e2e.monday.conftest import log_in, new_context

pytestmark = pytest.mark.e2e


@pytest.fixture
def tab_at(browser, db, demo_site, fresh_cache):
    contexts = []

    def open_tab(*, phone: bool):
        context = new_context(browser, demo_site, phone=phone)
        contexts.append(context)
        tab = context.new_page()
        log_in(tab, "kepala_dinas")
        return tab

    yield open_tab
    for context in contexts:
        context.close()


def test_on_a_phone_the_menu_button_opens_the_navigation(tab_at):
    tab = tab_at(phone=True)
    nav = tab.get_by_role("navigation", name="Navigasi utama")
    menu = nav.get_by_role("button", name="Menu")

    folded = (menu.get_attribute("aria-expanded"), nav.get_by_role("link").count())
    menu.tap()
    opened = (
        menu.get_attribute("aria-expanded"),
        nav.get_by_role("link", name="Organisasi").is_visible(),
    )
    nav.get_by_role("link", name="Organisasi").tap()
    tab.wait_for_url(re.compile(r"/organisasi/$"))

    assert folded == ("false", 0)
    assert opened == ("true", True)


def test_on_a_desktop_the_links_show_without_a_menu_button(tab_at):
    tab = tab_at(phone=False)
    nav = tab.get_by_role("navigation", name="Navigasi utama")

    assert nav.get_by_role("button", name="Menu").is_visible() is False
    assert nav.get_by_role("link", name="Organisasi").is_visible() is True
