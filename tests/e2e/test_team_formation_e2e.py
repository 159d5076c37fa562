"""Browser test of forming a team in Surakarta: the Kepala Dinas proposes it in the browser
(a lead candidate and a member chosen with the searchable picker), the Sekda determines the
lead, the Kepala Dinas sets the team by Keputusan, and the lead finds the active team. The
proposal form passes axe (no serious or critical violation) and fits a phone's screen.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from sikerja.organization.demo import DEFAULT_PASSWORD
from sikerja.teams.models import Team
from tests.e2e.htmx import wait_until_idle
from tests.e2e.monday.conftest import SCREENSHOTS

pytestmark = pytest.mark.e2e

AXE = Axe()
BLOCKING = {"serious", "critical"}
DETAIL = re.compile(r"/tim-kerja/(\d+)/$")
PHONE = {"width": 390, "height": 844}


def _log_in(tab, username: str) -> None:
    tab.goto("/masuk/")
    tab.get_by_label("Nama pengguna").fill(username)
    tab.get_by_label("Kata sandi").fill(DEFAULT_PASSWORD)
    tab.locator("form.form").get_by_role("button", name="Masuk").click()
    tab.wait_for_url(re.compile(r"/$"))


def _blocking(tab) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in AXE.run(tab).response["violations"]
        if v["impact"] in BLOCKING
    ]


def _open_form(tab) -> None:
    tab.get_by_role("navigation").get_by_role("link", name="Tim kerja").click()
    tab.get_by_role("link", name="Usulkan tim kerja").click()
    tab.wait_for_url(re.compile(r"/tim-kerja/usulan/$"))
    wait_until_idle(tab)


def _pick(tab, picker: str, search_label: str, person) -> None:
    """Search a picker by the person's first name (htmx) and tick them."""
    wait_until_idle(tab)
    with tab.expect_response(lambda r: r.request.method == "POST" and "/usulan/" in r.url):
        tab.get_by_label(search_label).fill(person.name.split()[0])
    results = tab.get_by_test_id(f"picker-results-{picker}")
    results.get_by_role("checkbox", name=re.compile(re.escape(person.full_name))).check()


def _propose(tab, lead, member) -> int:
    _open_form(tab)
    tab.get_by_label("Tujuan tim kerja").fill("Memutakhirkan data sarana pendidikan")
    tab.get_by_label("Kegiatan pada Perjanjian Kinerja unit").fill("PK 2026 Kegiatan 2.1 (tim)")
    tab.get_by_label("Sub kegiatan").fill("Pendataan Sarana Pendidikan")
    tab.get_by_label("Kinerja yang di-cascade ke tim").fill("Sasaran 2: mutu layanan")
    tab.get_by_label("Tanggal mulai").fill("2026-12-01")
    tab.get_by_label("Tanggal selesai").fill("2026-12-31")
    _pick(tab, "candidate_ids", "Cari calon ketua tim (nama atau NIP)", lead)
    tab.get_by_label("Pertimbangan Pejabat Penilai Kinerja").fill("Kompeten di bidang data")
    tab.get_by_label("Analisa beban kerja peran ketua tim").fill("1.2")
    tab.get_by_label("Rujukan dokumen ABK").fill("ABK BKPSDM 2026 No. 12")
    _pick(tab, "member_ids", "Cari anggota (nama atau NIP)", member)
    tab.get_by_test_id("submit-proposal").click()
    tab.wait_for_url(DETAIL)
    match = DETAIL.search(tab.url)
    assert match is not None
    return int(match.group(1))


def _decide(tab, team_id: int, lead=None) -> None:
    tab.goto(f"/tim-kerja/{team_id}/")
    form = tab.get_by_test_id("decision-form")
    if lead is not None:
        form.get_by_label("Ketua tim").select_option(str(lead.pk))
    form.get_by_role("button", name="Setujui").click()
    tab.get_by_test_id("message").filter(has_text="Keputusan “Setujui” tersimpan.").wait_for()


def test_a_unit_head_proposes_a_team_the_sekda_and_the_head_decide_and_the_lead_sees_it(
    browser, page, live_server, persona, console_errors
):
    lead, member = persona("jf_ahli_muda"), persona("pelaksana")

    _log_in(page, "kepala_dinas")
    _open_form(page)
    form_violations = _blocking(page)
    team_id = _propose(page, lead, member)
    sekda = browser.new_context(locale="id-ID", base_url=live_server.url).new_page()
    _log_in(sekda, "sekda")
    _decide(sekda, team_id, lead)
    _decide(page, team_id)
    page.get_by_test_id("change-ganti-anggota").click()
    page.wait_for_url(re.compile(r"/ubah/ganti-anggota/$"))
    change_violations = _blocking(page)
    lead_tab = browser.new_context(locale="id-ID", base_url=live_server.url).new_page()
    _log_in(lead_tab, "jf_ahli_muda")
    lead_tab.get_by_role("navigation").get_by_role("link", name="Tim kerja").click()
    lead_tab.get_by_test_id("team-table").get_by_role("link").first.click()
    lead_tab.wait_for_url(DETAIL)

    team = Team.objects.get(pk=team_id)
    assert (team.status, team.lead_id, team.requester_id) == (
        "ACTIVE",
        lead.pk,
        persona("kepala_dinas").pk,
    )
    assert lead_tab.get_by_test_id("team-status").inner_text() == "Aktif"
    assert lead_tab.get_by_test_id("team-lead").inner_text() == lead.full_name
    assert (form_violations, change_violations) == ([], [])
    assert _blocking(lead_tab) == []
    assert console_errors == []


def test_the_proposal_form_fits_a_phone_and_shows_every_refusal_at_once(
    browser, live_server, world
):
    context = browser.new_context(
        locale="id-ID", base_url=live_server.url, viewport=PHONE, is_mobile=True, has_touch=True
    )
    tab = context.new_page()
    _log_in(tab, "kepala_dinas")
    tab.goto("/tim-kerja/usulan/")
    wait_until_idle(tab)

    tab.get_by_test_id("submit-proposal").click()
    tab.get_by_test_id("refusal").wait_for()

    overflow = tab.evaluate("document.documentElement.scrollWidth") - PHONE["width"]
    items = tab.get_by_test_id("refusal-item").count()
    violations = _blocking(tab)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=SCREENSHOTS / "team-proposal-refused-phone.png", full_page=True)
    context.close()
    assert overflow <= 0
    assert items == 6
    assert violations == []
