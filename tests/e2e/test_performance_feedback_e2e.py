"""Browser test of the feedback and evidence of an RHK (issue 12, item 4): the appraiser writes
feedback on a JF's RHK from the SKP page; the JF logs in, sees it, answers it and uploads an
evidence file; the appraiser sees both on the rating form and downloads the file; a stranger
(an employee of another Perangkat Daerah) who asks for the file gets 404."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from sikerja.performance.models import RhkEvidence, RhkFeedback
from tests.e2e.htmx import wait_until_idle
from tests.e2e.test_web_pages import _log_in
from tests.performance.conftest import evidence_root, team
from tests.teams.work import samples

__all__ = ["evidence_root", "team"]
pytestmark = pytest.mark.e2e

NOTE = "Lengkapi notulen rapat koordinasi triwulan IV."
REPLY = "Notulen sudah saya lampirkan sebagai bukti dukung."


def _as(page, username: str) -> None:
    page.context.clear_cookies()
    _log_in(page, username)
    page.wait_for_url(re.compile(r"/$"))


def _open(page, url: str) -> None:
    page.goto(url)
    wait_until_idle(page)


def test_feedback_and_evidence_go_from_the_skp_page_to_the_rating_form(
    page, team, persona, evidence_root, tmp_path, console_errors
):
    skp = team["jf"]
    rhk = skp.rhks.get()
    skp_page = reverse("web:skp-detail", args=[skp.pk])
    rating_form = reverse("web:rating-form", args=[skp.pk])
    pdf = tmp_path / "notulen rapat.pdf"
    pdf.write_bytes(samples.PDF)

    # The appraiser writes feedback on the JF's RHK from the SKP page.
    _as(page, "kabid")
    _open(page, skp_page)
    given = page.get_by_test_id("feedback-form")
    given.get_by_label("Umpan balik").fill(NOTE)
    given.get_by_label("Tentang periode").select_option("QUARTERLY:4")
    given.get_by_role("button", name="Beri umpan balik").click()
    page.get_by_test_id("feedback").wait_for()
    wait_until_idle(page)
    appraiser_sees = page.get_by_test_id("feedback").inner_text()

    # The JF sees it on their SKP, answers it, and uploads an evidence file.
    _as(page, "jf_ahli_muda")
    _open(page, skp_page)
    jf_sees = page.get_by_test_id("feedback").inner_text()
    may_give = page.get_by_test_id("feedback-form").count()
    page.get_by_label("Tanggapan (boleh kosong)").fill(REPLY)
    page.get_by_role("button", name="Tandai sudah dibaca").click()
    page.get_by_test_id("feedback-ack").wait_for()
    wait_until_idle(page)
    upload = page.get_by_test_id("evidence-form")
    upload.locator("input[type=file]").set_input_files(str(pdf))
    upload.get_by_label("Tentang periode").select_option("QUARTERLY:4")
    upload.get_by_role("button", name="Unggah bukti").click()
    page.get_by_test_id("evidence").wait_for()
    wait_until_idle(page)
    kept = RhkEvidence.objects.get(rhk=rhk)
    download = reverse("web:rhk-evidence-download", args=[skp.pk, kept.pk])

    # The appraiser sees both beside the RHK on the rating form, and may download the file.
    _as(page, "kabid")
    _open(page, f"{rating_form}?period_kind=QUARTERLY&period_index=4")
    notes = page.get_by_test_id("rhk-notes")
    answered = notes.get_by_test_id("feedback-ack").inner_text()
    evidence_link = notes.get_by_test_id("evidence").get_by_role("link")
    linked = (evidence_link.inner_text(), evidence_link.get_attribute("href"))
    fetched = page.request.get(download)
    fetched_body = fetched.body()

    # An employee of another Perangkat Daerah asking for the file finds nothing.
    _as(page, "outsider")
    stranger = page.request.get(download)

    assert NOTE in appraiser_sees
    assert NOTE in jf_sees
    assert may_give == 0  # the JF answers feedback; they do not give it on their own SKP
    assert answered.endswith(f": {REPLY}")
    assert answered.startswith("Ditanggapi pegawai")
    note = RhkFeedback.objects.get(rhk=rhk)
    assert (note.given_by_id, note.text, note.period_kind, note.period_index) == (
        persona("kabid").pk,
        NOTE,
        "QUARTERLY",
        4,
    )
    assert (note.reply, note.acknowledged_at is not None) == (REPLY, True)
    assert (kept.uploaded_by_id, kept.original_name, kept.period_index) == (
        persona("jf_ahli_muda").pk,
        "notulen rapat.pdf",
        4,
    )
    assert linked == ("notulen rapat.pdf", download)
    assert (fetched.status, fetched_body) == (200, samples.PDF)
    assert stranger.status == 404
    assert console_errors == []
