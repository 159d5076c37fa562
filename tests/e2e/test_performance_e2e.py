"""Browser test: an appraiser rates a member on the rating form, sees the unit's curve warning
while drafting, and the cited refusal when signing off a rating that breaks the curve."""

from __future__ import annotations

import re

import pytest

from sikerja.performance.models import Rating
from tests.e2e.htmx import wait_until_idle
from tests.e2e.test_web_pages import _log_in
from tests.performance.conftest import team
from tests.performance.test_ratings import draft, set_level

__all__ = ["team"]
pytestmark = pytest.mark.e2e

CURVE = "SE MenPANRB 3/2023 kurva distribusi predikat kinerja pegawai"


def test_an_appraiser_rates_a_member_and_sees_the_curve_warning(
    page, team, persona, console_errors
):
    set_level(persona, "BAIK")
    draft(persona("kabid"), team["sub"])

    _log_in(page, "kabid")
    page.wait_for_url(re.compile(r"/$"))
    page.goto(f"/kinerja/skp/{team['jf'].pk}/penilaian/?period_kind=QUARTERLY&period_index=4")
    form = page.get_by_test_id("rating-form")
    form.get_by_label("Hasil kerja").select_option("DI_ATAS_EKSPEKTASI")
    form.get_by_label("Perilaku kerja").select_option("DI_ATAS_EKSPEKTASI")
    form.get_by_role("button", name="Simpan draf").click()
    warning = page.get_by_test_id("curve-warning")
    warning.wait_for()
    warning_text = warning.inner_text()
    state = page.get_by_test_id("rating-state").inner_text()
    page.get_by_role("button", name="Tetapkan penilaian").click()
    refusal = page.get_by_test_id("refusal")
    refusal.wait_for()

    assert "Baik harus menjadi kelompok terbesar (sekarang 0 dari 2)" in warning_text
    assert state == "Predikat: Sangat Baik (Draf)"
    assert page.get_by_test_id("refusal-citation").inner_text() == CURVE
    assert Rating.objects.get(skp=team["jf"]).status == "DRAFT"
    # The refusal is answered with its status (400); the browser logs that, and nothing else.
    assert console_errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]


def test_the_head_moves_a_predikat_in_the_simulator_and_sees_the_curve_hold(
    page, team, persona, console_errors
):
    set_level(persona, "BAIK")
    jf = draft(persona("kabid"), team["jf"]).rating
    draft(persona("kabid"), team["sub"], "SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI")
    bidang = Rating.objects.get(pk=jf.pk).unit_id

    _log_in(page, "kabid")
    page.wait_for_url(re.compile(r"/$"))
    page.goto(f"/kinerja/unit/{bidang}/penilaian/?year=2026&period_kind=QUARTERLY&period_index=4")
    wait_until_idle(page)
    before = page.get_by_test_id("curve-verdict").inner_text()
    page.locator(f"#r-{jf.pk}").select_option("BUTUH_PERBAIKAN")
    page.get_by_text("Simulasi: 1 pegawai dipindahkan").wait_for()
    wait_until_idle(page)
    after = page.get_by_test_id("curve-verdict").inner_text()

    assert before.startswith("Kurva belum terpenuhi.")
    assert after.startswith("Kurva terpenuhi.")
    assert Rating.objects.get(pk=jf.pk).predikat == "SANGAT_BAIK"  # nothing saved
    assert console_errors == []
