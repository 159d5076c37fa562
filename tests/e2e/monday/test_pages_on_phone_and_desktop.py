"""The main pages at desktop width and on a phone (390 × 844, touch): no serious or critical
accessibility violation (axe-core, run from the copy its Python package carries), nothing wider
than the phone's screen, and a screenshot of each in var/screenshots/ for a reviewer to look at.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe

from sikerja.organization.models import Placement
from tests.conftest import TODAY
from tests.e2e.monday.conftest import SCREENSHOTS, log_in, new_context

pytestmark = pytest.mark.e2e

BLOCKING = {"serious", "critical"}
AXE = Axe()


@dataclass(frozen=True)
class MainPage:
    """A page to check: who looks at it (None: signed out) and how to find its address."""

    name: str
    persona: str | None
    path: str


def _agency_of(employee_id: int) -> int:
    placement = Placement.objects.effective_on(TODAY).select_related("position__unit")
    return placement.filter(employee_id=employee_id).first().position.unit.agency_id


def _path(page: MainPage, demo_site) -> str:
    personas = demo_site.world.personas
    sample = demo_site.assignment_ids
    return page.path.format(
        agency=_agency_of(personas["kepala_dinas"]),
        jf=personas["jf_ahli_muda"],
        me=personas["kepala_dinas"],
        done=sample["Kajian lintas Perangkat Daerah (selesai)"],
    )


PAGES = [
    MainPage("login", None, "/masuk/"),
    MainPage("home", "kepala_dinas", "/"),
    MainPage("inbox", "kepala_dinas", "/penugasan/"),
    MainPage("request-form", "kepala_dinas", "/penugasan/baru/"),
    MainPage("request-detail", "kepala_dinas", "/penugasan/{done}/"),
    MainPage("organisations", "kepala_dinas", "/organisasi/"),
    MainPage("organisation", "kepala_dinas", "/organisasi/{agency}/"),
    MainPage("employees", "kepala_dinas", "/pegawai/"),
    MainPage("employee", "kepala_dinas", "/pegawai/{jf}/"),
    MainPage("profile", "kepala_dinas", "/pegawai/{me}/"),
    MainPage("notifications", "kepala_dinas", "/notifikasi/"),
    MainPage("process-maps", "kepala_dinas", "/peta-proses/"),
    MainPage("process-map", "kepala_dinas", "/peta-proses/WF-PEN-UO/"),
    MainPage("teams", "kepala_dinas", "/tim-kerja/"),
    MainPage("team-proposal", "kepala_dinas", "/tim-kerja/usulan/"),
    MainPage("team-process-map", "kepala_dinas", "/peta-proses/WF-TEAM/"),
    MainPage("my-skp", "jf_ahli_muda", "/kinerja/skp-saya/"),
    MainPage("skp-approvals", "kepala_dinas", "/kinerja/skp-persetujuan/"),
    MainPage("agency-performance", "kepala_dinas", "/kinerja/perangkat-daerah/{agency}/"),
    MainPage("performance-import", "bkpsdm", "/kinerja/impor/"),
    MainPage("logins", "bkpsdm", "/akun/"),
    MainPage("import-export", "bkpsdm", "/impor/"),
    MainPage("placement-edits", "bkpsdm", "/pegawai/{jf}/kedudukan/"),
    MainPage("letterhead", "bkpsdm", "/kop-surat/"),
]


@pytest.fixture(scope="package")
def signed_in(browser, demo_site):
    """Cookies of each persona's session, signed in once for the whole package."""
    states: dict[str, object] = {}

    def state(persona: str | None):
        if persona is None:
            return None
        if persona not in states:
            context = new_context(browser, demo_site, phone=False)
            log_in(context.new_page(), persona)
            states[persona] = context.storage_state()
            context.close()
        return states[persona]

    return state


def _blocking(results) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("width", ["desktop", "phone"])
@pytest.mark.parametrize("main_page", PAGES, ids=[p.name for p in PAGES])
def test_the_page_is_accessible_and_fits_the_screen(
    main_page, width, browser, db, demo_site, signed_in, fresh_cache
):
    context = new_context(browser, demo_site, phone=width == "phone")
    if main_page.persona is not None:
        context.add_cookies(signed_in(main_page.persona)["cookies"])
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))

    response = tab.goto(_path(main_page, demo_site))
    violations = _blocking(AXE.run(tab))
    # On a phone a page wider than the screen widens the layout viewport (innerWidth) too, so the
    # document is measured against the screen the context was made with.
    overflow = tab.evaluate("document.documentElement.scrollWidth") - tab.viewport_size["width"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=SCREENSHOTS / f"{main_page.name}-{width}.png", full_page=True)
    context.close()

    assert response.status == 200
    assert violations == []
    assert overflow <= 0
    assert errors == []
