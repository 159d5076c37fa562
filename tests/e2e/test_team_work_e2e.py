"""Browser test of a team's work: the lead draws up and submits the plan, the Kepala Dinas
sets it, the member reports progress with an evidence file and downloads it back; the page
has no serious or critical accessibility violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from sikerja.organization.demo import DEFAULT_PASSWORD
from sikerja.teams.models import EvidenceFile, ProgressEntry, TeamPlan
from tests.teams.test_web_pages import propose
from tests.teams.work import samples
from tests.teams.world import decide

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _evidence_root(settings, tmp_path):
    settings.SIKERJA_EVIDENCE_ROOT = tmp_path / "evidence"


def _log_in(browser, live_server, username: str):
    context = browser.new_context(locale="id-ID", base_url=live_server.url)
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.goto("/masuk/")
    tab.get_by_label("Nama pengguna").fill(username)
    tab.get_by_label("Kata sandi").fill(DEFAULT_PASSWORD)
    with tab.expect_navigation():
        tab.locator("form.form").get_by_role("button", name="Masuk").click()
    return context, tab


def fill_plan(form) -> None:
    """The lead's plan of one activity, typed into the plan form."""
    form.get_by_label("Strategi").fill("Verifikasi per kecamatan")
    row = form.locator("fieldset").first
    row.get_by_label("Kegiatan").fill("Verifikasi sarana")
    row.get_by_label("Keluaran").fill("Berita acara")
    row.get_by_label("Target").fill("40 sarana")
    row.get_by_label("Mulai").fill("2026-12-01")
    row.get_by_label("Selesai").fill("2026-12-10")
    row.get_by_label("Anggaran (Rp)").fill("1000000")


def _serious(tab) -> list[str]:
    return [
        v["id"]
        for v in Axe().run(tab).response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_lead_plans_head_sets_member_reports_with_evidence(
    browser, live_server, transactional_db, world, persona, tmp_path
):
    team = propose(persona)
    decide(team, "approve", lead_id=persona("jf_ahli_muda").pk)
    team = decide(team, "approve")
    url = f"/tim-kerja/{team.pk}/pelaksanaan/"

    lead_context, lead = _log_in(browser, live_server, "jf_ahli_muda")
    lead.goto(url)
    lead_violations = _serious(lead)
    form = lead.get_by_test_id("plan-form")
    fill_plan(form)
    with lead.expect_navigation():
        form.get_by_role("button", name="Simpan dan ajukan").click()
    lead_context.close()

    head_context, head = _log_in(browser, live_server, "kepala_dinas")
    head.goto(url)
    with head.expect_navigation():
        head.get_by_test_id("plan-decision-form").get_by_role("button", name="Tetapkan").click()
    head_context.close()

    member_context, member = _log_in(browser, live_server, "pelaksana")
    member.goto(url)
    progress = member.get_by_test_id("progress-form")
    progress.get_by_label("Uraian kemajuan").fill("10 sarana terverifikasi")
    progress.get_by_label("Persentase selesai").fill("25")
    evidence_file = tmp_path / "berita acara.pdf"
    evidence_file.write_bytes(samples.PDF)
    progress.get_by_label("Berkas bukti (data dukung)").set_input_files(str(evidence_file))
    with member.expect_navigation():
        progress.get_by_role("button", name="Laporkan kemajuan").click()
    link = member.get_by_test_id("evidence-link")
    with member.expect_download() as download:
        link.click()
    downloaded = download.value.path().read_bytes()
    member_violations = _serious(member)
    member_context.close()

    assert (lead_violations, member_violations) == ([], [])
    assert TeamPlan.objects.get().status == "APPROVED"
    assert ProgressEntry.objects.get().summary == "10 sarana terverifikasi"
    assert EvidenceFile.objects.get().original_name == "berita acara.pdf"
    assert downloaded == samples.PDF
