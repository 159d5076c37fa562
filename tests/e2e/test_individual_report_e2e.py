"""Browser test of a report on individual work in Surakarta: the JF opens a report on their own
work for the period, is refused without evidence (V-29, with its article shown), submits with an
evidence file, the Kepala Bidang (appraiser) forwards it, the Kepala Dinas (the unit head, copied
from the start, A3) receives it, and the JF sees it received."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.rules import ReportInterval
from sikerja.teams.models import IndividualEvidence, IndividualReport
from tests.e2e.htmx import wait_until_idle
from tests.e2e.test_accounts_e2e import _log_out
from tests.e2e.test_web_pages import _log_in
from tests.teams.work import samples

pytestmark = pytest.mark.e2e
V29_CITATION = "Perwali Surakarta 32/2023 Pasal 26 ayat (1)"


@pytest.fixture(autouse=True)
def _evidence_root(settings, tmp_path):
    settings.SIKERJA_EVIDENCE_ROOT = tmp_path / "evidence"


def _period_start() -> str:
    """The start of today's period of Surakarta's schedule (V-52's interval)."""
    months = load_pack("surakarta-2023").rule_params("V-52", ReportInterval).default_interval_months
    today = timezone.localdate()
    return today.replace(month=(today.month - 1) // months * months + 1, day=1).isoformat()


def _go(tab, url: str) -> None:
    tab.goto(url)
    wait_until_idle(tab)


def _as(tab, username: str) -> None:
    _log_in(tab, username)
    tab.wait_for_url(re.compile(r"/$"))


def _decide_as(tab, username: str, button: str) -> str:
    """Log in, open the report waiting in the list, take the decision; the status shown."""
    _as(tab, username)
    _go(tab, "/laporan-individu/")
    with tab.expect_navigation():
        tab.get_by_test_id("waiting-row").get_by_role("link").click()
    wait_until_idle(tab)
    form = tab.get_by_test_id("report-decision-form")
    with tab.expect_navigation():
        form.get_by_role("button", name=button).click()
    wait_until_idle(tab)
    status = tab.get_by_test_id("report-status").inner_text()
    _log_out(tab)
    return status


def test_the_jf_reports_with_evidence_the_kabid_forwards_and_the_kepala_dinas_receives(
    page, persona, tmp_path, console_errors
):
    evidence = tmp_path / "rekap kegiatan.pdf"
    evidence.write_bytes(samples.PDF)

    _as(page, "jf_ahli_muda")
    _go(page, "/laporan-individu/")
    create = page.get_by_test_id("individual-create")
    create.get_by_label("Awal periode laporan").fill(_period_start())
    with page.expect_navigation():
        create.get_by_role("button", name="Buat laporan").click()
    wait_until_idle(page)
    form = page.get_by_test_id("report-submit-form")
    form.get_by_label("Isi laporan").fill("Kajian kebijakan rujukan selesai")
    with page.expect_navigation():
        form.get_by_role("button", name="Sampaikan").click()
    wait_until_idle(page)
    refusal = (
        page.get_by_test_id("refusal-message").inner_text(),
        page.get_by_test_id("refusal-citation").inner_text(),
    )
    form = page.get_by_test_id("report-submit-form")
    form.get_by_label("Isi laporan").fill("Kajian kebijakan rujukan selesai")
    form.get_by_label("Data dukung (PDF, gambar, dokumen kantor)").set_input_files(str(evidence))
    with page.expect_navigation():
        form.get_by_role("button", name="Sampaikan").click()
    wait_until_idle(page)
    submitted = page.get_by_test_id("report-status").inner_text()
    listed = page.get_by_test_id("evidence-list").inner_text()
    _log_out(page)

    forwarded = _decide_as(page, "kabid", "Teruskan")
    received = _decide_as(page, "kepala_dinas", "Terima")

    _as(page, "jf_ahli_muda")
    _go(page, "/laporan-individu/")
    mine = page.get_by_test_id("mine-row").first.inner_text()

    report = IndividualReport.objects.get(author=persona("jf_ahli_muda"))
    assert refusal == ("Laporan wajib disertai data dukung.", V29_CITATION)
    assert (submitted, forwarded, received) == ("Disampaikan", "Diteruskan", "Diterima")
    assert "rekap kegiatan.pdf" in listed
    assert "Diterima" in mine
    assert (report.status, report.text) == ("RECEIVED", "Kajian kebijakan rujukan selesai")
    assert IndividualEvidence.objects.get(report=report).original_name == "rekap kegiatan.pdf"
    # the one refusal answered 400 (V-29); nothing else failed in the page
    assert console_errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]
