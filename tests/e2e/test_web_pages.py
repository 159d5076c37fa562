"""Browser tests: log in, see the employee page and the agency's kedudukan table."""

from __future__ import annotations

import re

import pytest

from sikerja.organization.demo import DEFAULT_PASSWORD
from sikerja.organization.models import Placement
from sikerja.organization.selectors import resolver_for

pytestmark = pytest.mark.e2e


def _log_in(page, username: str, password: str = DEFAULT_PASSWORD) -> None:
    page.goto("/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.locator("form.form").get_by_role("button", name="Masuk").click()


def test_a_jf_logs_in_and_sees_the_appraiser_on_the_employee_page(
    page, persona, today, console_errors
):
    jf, kabid = persona("jf_ahli_muda"), persona("kabid")
    appraiser = resolver_for(jf.government).appraiser(jf.pk, today)

    _log_in(page, "jf_ahli_muda")
    page.wait_for_url(re.compile(r"/$"))
    home_heading = page.locator("h1").inner_text()
    page.get_by_role("link", name="Profil saya").click()
    page.wait_for_url(f"**/pegawai/{jf.pk}/")
    card = page.locator('section[data-role="appraiser"]')

    assert home_heading == "Beranda"
    assert page.get_by_test_id("employee-name").inner_text() == jf.full_name
    assert card.locator("h3").inner_text() == "Pejabat Penilai Kinerja"
    assert card.locator(".role-card__person a").inner_text() == kabid.full_name
    assert card.locator("cite").inner_text() == appraiser.citation
    assert card.locator(".rule").count() == 0  # citations are shown, rule ids are not
    assert console_errors == []


def test_a_wrong_password_shows_an_error(page, console_errors):
    _log_in(page, "jf_ahli_muda", "bukan-sandinya")

    error = page.get_by_test_id("login-error")

    assert error.is_visible()
    assert "benar" in error.inner_text()
    assert page.url.endswith("/masuk/")
    assert console_errors == []


def test_a_head_of_agency_opens_the_kedudukan_table_and_changes_the_day(
    page, persona, today, console_errors
):
    jf = persona("jf_ahli_muda")
    agency = (
        Placement.objects.effective_on(today)
        .select_related("position__unit__agency")
        .get(employee=persona("kepala_dinas"))
        .position.unit.agency
    )

    _log_in(page, "kepala_dinas")
    page.wait_for_url(re.compile(r"/$"))
    page.get_by_role("navigation").get_by_role("link", name="Organisasi").click()
    page.get_by_role("link", name=agency.name).click()
    page.wait_for_url(f"**/organisasi/{agency.pk}/")
    table = page.get_by_test_id("kedudukan-table")
    jf_row = table.locator("tr", has=page.get_by_role("link", name=jf.full_name, exact=True))
    jf_row_text = jf_row.inner_text()
    page.get_by_label("Keadaan pada tanggal").fill("1990-01-01")
    page.get_by_label("Keadaan pada tanggal").dispatch_event("change")
    page.wait_for_url(f"**/organisasi/{agency.pk}/?on=1990-01-01")
    empty = page.get_by_text("Tidak ada JF atau Pelaksana pada tanggal ini.")
    empty.wait_for()

    assert page.locator("h1").inner_text() == agency.name
    assert "Ahli Muda" in jf_row_text
    assert empty.is_visible()
    assert console_errors == []


def test_the_language_switcher_turns_the_employee_page_english(page, persona, console_errors):
    jf = persona("jf_ahli_muda")

    _log_in(page, "jf_ahli_muda")
    page.wait_for_url(re.compile(r"/$"))
    page.goto(f"/pegawai/{jf.pk}/")
    page.get_by_label("Bahasa").select_option("en")
    page.wait_for_load_state("load")
    page.locator('html[lang="en"]').wait_for()

    assert page.locator('section[data-role="appraiser"] h3').inner_text() == "Performance Appraiser"
    assert console_errors == []
