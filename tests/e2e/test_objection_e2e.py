"""Browser test of the objection (keberatan, P-OBJECTION): the JF files an objection to their
signed rating within the window, the Kepala Dinas (the atasan of the JF's appraiser) finds it in
the inbox, is refused a change without a new predikat (with the rule's citation), then changes
the predikat with a reason, and the JF reads the decision; a rating signed more than 14 days
before the day offers no objection and says why, with its citation."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from sikerja.performance import services
from sikerja.performance.models import Objection, Rating
from sikerja.performance.services.ratings import RatingInput
from sikerja.regulations.loader import load_pack
from sikerja.regulations.performance import stated_rule
from sikerja.regulations.schema.performance import PredikatMatrix
from tests.e2e.htmx import wait_until_idle
from tests.e2e.test_accounts_e2e import _log_out
from tests.e2e.test_web_pages import _log_in
from tests.performance.objection_world import BELOW, MEETS, jf_signed_rating
from tests.performance.world import NOW, ON

pytestmark = pytest.mark.e2e

P_OBJECTION = (
    "PP 30/2019 Pasal 59; PermenPANRB 6/2022 Bab V keberatan atas hasil evaluasi kinerja; "
    "Peraturan BKN 3/2023 keberatan atas predikat kinerja"
)


def _matrix_citation() -> str:
    return stated_rule(load_pack("surakarta-2023"), "P-PREDIKAT", PredikatMatrix).citation


def _signed_earlier(persona, skp_id: int) -> Rating:
    """The JF's third quarter, signed by the kabid 20 days before the day (window closed)."""
    kabid = persona("kabid")
    data = RatingInput(skp_id, "QUARTERLY", 3, BELOW, MEETS)
    drafted = services.rating_draft(actor=kabid, data=data, at=NOW, on=ON).rating
    at = NOW - dt.timedelta(days=20)
    return services.rating_sign(actor=kabid, rating_id=drafted.pk, at=at, on=at.date())


def _rating_page(skp_id: int, index: int) -> str:
    return f"/kinerja/skp/{skp_id}/penilaian/?period_kind=QUARTERLY&period_index={index}"


def test_the_jf_objects_the_atasan_changes_the_predikat_and_the_jf_reads_it(
    page, persona, console_errors
):
    rating = jf_signed_rating(persona)

    _log_in(page, "jf_ahli_muda")
    page.wait_for_url(re.compile(r"/$"))
    page.goto(_rating_page(rating.skp_id, 4))
    wait_until_idle(page)
    page.get_by_test_id("objection-link").click()
    window = page.get_by_test_id("objection-window").inner_text()
    page.get_by_label("Alasan keberatan").fill("Target triwulan keempat tercapai seluruhnya.")
    page.get_by_role("button", name="Ajukan keberatan").click()
    page.wait_for_url(re.compile(r"/kinerja/keberatan/\d+/$"))
    filed_status = page.get_by_test_id("objection-status").inner_text()
    decider = page.get_by_test_id("objection-decider").inner_text()
    _log_out(page)

    _log_in(page, "kepala_dinas")
    page.wait_for_url(re.compile(r"/$"))
    objection = Objection.objects.get(rating=rating)
    page.locator(f'a[href="/kinerja/keberatan/{objection.pk}/"]').first.click()
    form = page.get_by_test_id("objection-decision-form")
    form.get_by_label("Alasan keputusan").fill("Bukti dukung menunjukkan target tercapai.")
    form.get_by_role("button", name="Ubah predikat").click()
    refusal = page.get_by_test_id("refusal")
    refusal.wait_for()
    refusal_citation = page.get_by_test_id("refusal-citation").inner_text()
    form = page.get_by_test_id("objection-decision-form")
    form.get_by_label("Predikat baru").select_option("BAIK")
    form.get_by_label("Alasan keputusan").fill("Bukti dukung menunjukkan target tercapai.")
    form.get_by_role("button", name="Ubah predikat").click()
    page.get_by_test_id("objection-outcome").wait_for()
    _log_out(page)

    _log_in(page, "jf_ahli_muda")
    page.wait_for_url(re.compile(r"/$"))
    page.goto(f"/kinerja/keberatan/{objection.pk}/")
    outcome = page.get_by_test_id("objection-outcome").inner_text()
    before = page.get_by_test_id("predikat-before").inner_text()

    assert window == "7 Desember 2026"
    assert filed_status == "Menunggu keputusan"
    assert decider.startswith(persona("kepala_dinas").full_name)
    assert refusal_citation == _matrix_citation()
    assert outcome.startswith(f"Predikat diubah: Baik — {persona('kepala_dinas').full_name}")
    assert before == "Butuh Perbaikan"
    assert Rating.objects.get(pk=rating.pk).predikat == "BAIK"
    # The refused decision is answered with its status (400); the browser logs that only.
    assert console_errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]


def test_a_rating_signed_more_than_14_days_ago_offers_no_objection_and_cites_the_rule(
    page, persona, console_errors
):
    fourth = jf_signed_rating(persona)
    third = _signed_earlier(persona, fourth.skp_id)

    _log_in(page, "jf_ahli_muda")
    page.wait_for_url(re.compile(r"/$"))
    page.goto(_rating_page(third.skp_id, 3))
    wait_until_idle(page)
    page.get_by_test_id("objection-link").click()
    closed = page.get_by_test_id("objection-closed").inner_text()
    window = page.get_by_test_id("objection-window").inner_text()
    citation = page.locator("p.citation cite").inner_text()

    assert "batas waktunya sudah lewat" in closed
    assert window == "17 November 2026"
    assert citation == P_OBJECTION
    assert page.get_by_test_id("objection-form").count() == 0
    assert not Objection.objects.exists()
    assert console_errors == []
