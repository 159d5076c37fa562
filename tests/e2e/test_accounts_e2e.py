"""Browser test of accounts: BKPSDM creates a login for an employee by NIP, its owner logs in
with the temporary password, is held on the password change page, chooses a new password and
lands on the home page; the new password then logs in directly."""

from __future__ import annotations

import re

import pytest

from sikerja.organization.demo import DEFAULT_PASSWORD
from sikerja.organization.models import Employee

pytestmark = pytest.mark.e2e

TEMP = "Sementara-2026!"
NEW = "Baru-Sekali-2026?"


def _log_in(tab, username: str, password: str) -> None:
    tab.goto("/masuk/")
    tab.get_by_label("Nama pengguna").fill(username)
    tab.get_by_label("Kata sandi").fill(password)
    tab.locator("form.form").get_by_role("button", name="Masuk").click()


def _log_out(tab) -> None:
    tab.get_by_role("button", name="Keluar").click()
    tab.wait_for_url(re.compile(r"/masuk/"))


def test_bkpsdm_creates_a_login_and_the_first_login_changes_the_password(page, world):
    newcomer = (
        Employee.objects.filter(government_id=world.government_id, user__isnull=True)
        .order_by("pk")
        .first()
    )

    _log_in(page, "bkpsdm", DEFAULT_PASSWORD)
    page.wait_for_url(re.compile(r"/$"))
    page.get_by_role("link", name="Akun", exact=True).click()
    form = page.get_by_test_id("login-create-form")
    form.get_by_label("NIP pegawai").fill(newcomer.nip)
    form.get_by_label("Kata sandi sementara").fill(TEMP)
    form.get_by_role("button", name="Buat akun").click()
    created = page.get_by_test_id("message").inner_text()
    row = page.get_by_test_id(f"login-{newcomer.nip}").inner_text()
    _log_out(page)
    _log_in(page, newcomer.nip, TEMP)
    page.wait_for_url(re.compile(r"/kata-sandi/$"))
    notice = page.get_by_test_id("password-change-required").inner_text()
    page.goto("/pegawai/")
    held = page.url
    page.get_by_label("Sandi lama").fill(TEMP)
    page.get_by_label("Sandi baru", exact=True).fill(NEW)
    page.get_by_label("Konfirmasi sandi baru").fill(NEW)
    page.get_by_role("button", name="Simpan kata sandi baru").click()
    page.wait_for_url(re.compile(r"/$"))
    _log_out(page)
    _log_in(page, newcomer.nip, NEW)
    page.wait_for_url(re.compile(r"/$"))

    assert created.startswith(f"Akun {newcomer.nip} dibuat.")
    assert newcomer.full_name in row
    assert "menunggu ganti kata sandi" in row
    assert notice == (
        "Kata sandi Anda dibuat oleh BKPSDM. Pilih kata sandi baru sebelum melanjutkan."
    )
    assert held.endswith("/kata-sandi/")
