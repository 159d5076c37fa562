"""Browser test of the organisation import: the operator uploads a file on the Impor/Ekspor page,
the page follows the background job with its progress bar until done and shows what was
written; a file with a bad row shows that row and writes nothing. The operator also ends a
placement from the forms the employee page loads, and moves a person to a position found with
the position picker (by touch on a phone, by keyboard on a desktop)."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from sikerja.organization.demo import DEFAULT_PASSWORD
from sikerja.organization.models import Employee, Placement, Position
from sikerja.organization.transfer import Sheet, template_csv
from tests.conftest import TODAY

pytestmark = pytest.mark.e2e


def _log_in(tab, username: str, password: str) -> None:
    tab.goto("/masuk/")
    tab.get_by_label("Nama pengguna").fill(username)
    tab.get_by_label("Kata sandi").fill(password)
    tab.locator("form.form").get_by_role("button", name="Masuk").click()
    tab.wait_for_url(re.compile(r"/$"))


def _employee_file(rows: list[str]) -> dict[str, object]:
    header = template_csv(Sheet.EMPLOYEE).splitlines()[0]
    data = ("\n".join([header, *rows]) + "\n").encode()
    return {"name": "pegawai.csv", "mimeType": "text/csv", "buffer": data}


def _upload(tab, rows: list[str]) -> None:
    tab.goto("/impor/")
    form = tab.get_by_test_id("import-form")
    form.get_by_label("Berkas XLSX atau CSV").set_input_files(_employee_file(rows))
    form.get_by_role("button", name="Periksa dan impor").click()
    tab.wait_for_url(re.compile(r"/impor/\?job=\d+$"))


def test_the_operator_uploads_a_file_and_the_bar_reaches_done(page, world, console_errors):
    rows = [f"197001152005031{index:03d},Pegawai Impor {index},,,PNS" for index in range(1, 41)]
    _log_in(page, "bkpsdm", DEFAULT_PASSWORD)

    _upload(page, rows)
    job = page.locator('[data-testid="import-job"][data-status="DONE"]')
    job.wait_for()

    bar = job.get_by_test_id("import-progress")
    assert (bar.get_attribute("max"), bar.get_attribute("value")) == ("40", "40")
    assert job.get_by_test_id("import-percent").inner_text() == "100%"
    assert "Pegawai baru: 40" in job.get_by_test_id("import-written").inner_text()
    assert Employee.objects.filter(name__startswith="Pegawai Impor").count() == 40
    assert console_errors == []


def test_a_bad_row_is_shown_with_its_reason_and_nothing_is_written(page, world, console_errors):
    rows = ["197001152005031001,Pegawai Baik,,,PNS", "19851315201003100X,Nama Salah,,,PNS"]
    _log_in(page, "bkpsdm", DEFAULT_PASSWORD)

    _upload(page, rows)
    job = page.locator('[data-testid="import-job"][data-status="FAILED"]')
    job.wait_for()

    cells = job.get_by_test_id("import-errors").locator("tbody tr").first.locator("td")
    assert cells.all_inner_texts()[:3] == ["pegawai", "3", "nip"]
    assert Employee.objects.filter(name="Pegawai Baik").count() == 0
    assert console_errors == []


def test_the_operator_ends_a_placement_from_the_employee_page(page, world, console_errors):
    pelaksana = Employee.objects.get(pk=world.personas["pelaksana"])
    _log_in(page, "bkpsdm", DEFAULT_PASSWORD)

    page.goto(f"/pegawai/{pelaksana.pk}/")
    edits = page.get_by_test_id("placement-edits")  # loaded into the page by htmx
    edits.get_by_test_id("placement-akhiri").locator("summary").click()
    form = edits.get_by_test_id("placement-akhiri")
    form.get_by_label("Berakhir pada (hari itu sudah tidak menjabat)").fill("2026-12-31")
    with page.expect_navigation():
        form.get_by_role("button", name="Simpan").click()

    assert "berakhir pada 2026-12-31" in page.get_by_test_id("message").inner_text()
    assert pelaksana.placements.get(valid_to__isnull=False).valid_to.isoformat() == "2026-12-31"
    assert console_errors == []


def _move_target(pelaksana: Employee) -> tuple[Placement, Position]:
    current = Placement.objects.effective_on(TODAY).get(employee=pelaksana, kind="DEFINITIVE")
    target = (
        Position.objects.filter(
            government_id=current.government_id, kind=current.position.kind, is_head=False
        )
        .exclude(pk=current.position_id)
        .select_related("unit__agency")
        .order_by("pk")
        .first()
    )
    return current, target


def _fill_decision(form) -> None:
    form.get_by_label("Mulai (TMT)").fill("2026-12-01")
    form.get_by_label("Nomor keputusan (SK)").fill("821.2/778/BKPSDM/2026")
    form.get_by_label("Tanggal keputusan").fill("2026-11-20")
    form.get_by_label("Pejabat yang menetapkan").fill("Wali Kota Surakarta")


def _moved(pelaksana: Employee, current: Placement, target: Position) -> None:
    current.refresh_from_db()
    moved = Placement.objects.get(employee=pelaksana, position=target)
    assert (current.valid_to.isoformat(), moved.valid_from.isoformat()) == (
        "2026-12-01",
        "2026-12-01",
    )


def test_on_a_phone_the_operator_finds_a_position_and_moves_a_person_by_touch(
    browser, live_server, world, console_errors
):
    pelaksana = Employee.objects.get(pk=world.personas["pelaksana"])
    current, target = _move_target(pelaksana)
    label = f"{target.title} — {target.unit.name} ({target.unit.agency.code})"
    context = browser.new_context(
        locale="id-ID",
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.on("pageerror", lambda error: console_errors.append(str(error)))
    _log_in(tab, "bkpsdm", DEFAULT_PASSWORD)

    tab.goto(f"/pegawai/{pelaksana.pk}/")
    edits = tab.get_by_test_id("placement-edits")
    edits.get_by_test_id("placement-pindah").locator("summary").tap()
    form = edits.get_by_test_id("placement-pindah")
    search = form.get_by_label("Cari jabatan (nama jabatan, unit atau kode Perangkat Daerah)")
    search.tap()
    search.fill(f"{target.title} {target.unit.name}")
    choice = form.get_by_role("radio", name=label)
    choice.tap()
    assert choice.is_checked()
    overflow = tab.evaluate("document.documentElement.scrollWidth") - 390
    violations = [
        f"{v['id']} ({v['impact']})"
        for v in Axe().run(tab).response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    _fill_decision(form)
    with tab.expect_navigation():
        form.get_by_role("button", name="Simpan").tap()

    assert f"dipindahkan ke {target.title}" in tab.get_by_test_id("message").inner_text()
    context.close()
    assert (overflow <= 0, violations) == (True, [])
    _moved(pelaksana, current, target)
    assert console_errors == []


def test_the_operator_picks_a_position_with_the_keyboard(page, world, console_errors):
    pelaksana = Employee.objects.get(pk=world.personas["pelaksana"])
    current, target = _move_target(pelaksana)
    _log_in(page, "bkpsdm", DEFAULT_PASSWORD)

    page.goto(f"/pegawai/{pelaksana.pk}/kedudukan/")
    form = page.get_by_test_id("placement-pindah")
    form.locator("summary").focus()
    page.keyboard.press("Enter")
    search = form.get_by_label("Cari jabatan (nama jabatan, unit atau kode Perangkat Daerah)")
    search.focus()
    page.keyboard.type(f"{target.title} {target.unit.name}")
    page.keyboard.press("Enter")  # searches, does not send the form
    first = form.get_by_test_id("position-results-pindah").get_by_role("radio").first
    first.wait_for()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")

    assert page.url.endswith(f"/pegawai/{pelaksana.pk}/kedudukan/")
    checked = form.locator('input[name="pindah-position"]:checked')
    assert checked.get_attribute("value") == str(target.pk)
    _fill_decision(form)
    with page.expect_navigation():
        form.get_by_role("button", name="Simpan").press("Enter")
    _moved(pelaksana, current, target)
    assert console_errors == []
