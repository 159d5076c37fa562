"""Browser test of a cross-unit appointment: two people log in, one asks, the other approves,
and the assignment letter's PDF downloads.

The Kepala Dinas asks for the outsider (a JF of the Sekretariat DPRD); under Surakarta's pack
the Sekretaris DPRD recommends and replies (WF-PEN-UO), then signs the assignment letter.
The asking and the approving happen in the browser; the assignee's receipt is done through the
service to keep the test short.
"""

from __future__ import annotations

import re

import pytest

from sikerja.assignments.models import Assignment
from sikerja.assignments.services import assignment_decide
from sikerja.documents.models import Letter
from sikerja.organization.demo import DEFAULT_PASSWORD
from sikerja.organization.models import Employee, Placement
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.documents.users import login_for
from tests.e2e.htmx import wait_until_idle

pytestmark = pytest.mark.e2e

HEAD_PASSWORD = "rahasia-uji-123"  # tests/documents/users.login_for
DETAIL = re.compile(r"/penugasan/(\d+)/$")


def _log_in(tab, username: str, password: str) -> None:
    tab.goto("/masuk/")
    tab.get_by_label("Nama pengguna").fill(username)
    tab.get_by_label("Kata sandi").fill(password)
    tab.locator("form.form").get_by_role("button", name="Masuk").click()
    tab.wait_for_url(re.compile(r"/$"))


def _partner_head(outsider: Employee, today) -> Employee:
    """The head of the outsider's Perangkat Daerah (the Sekretaris DPRD): no demo login."""
    unit = (
        Placement.objects.effective_on(today)
        .select_related("position__unit")
        .get(employee=outsider)
        .position.unit
    )
    head = Placement.objects.effective_on(today).get(
        position__unit_id=unit.pk, position__is_head=True, kind="DEFINITIVE"
    )
    return head.employee


def _ask(tab, outsider: Employee, unit_id: int) -> int:
    """The Kepala Dinas fills in the request form and submits it."""
    tab.get_by_role("navigation").get_by_role("link", name="Penugasan").click()
    tab.get_by_role("link", name="Ajukan permohonan").click()
    # The flow note comes from htmx: choose the unit once the form page has loaded and htmx
    # has bound its change trigger, or the change is lost on a busy machine.
    tab.wait_for_url(re.compile(r"/penugasan/baru/"))
    wait_until_idle(tab)
    tab.get_by_label("Hal").fill("Penyusunan kajian kebutuhan pegawai 2027")
    tab.get_by_label("Unit organisasi tujuan").select_option(str(unit_id))
    # The flow is named as soon as the unit is chosen; the picker searches its staff by name.
    tab.get_by_test_id("flow-note").filter(has_text="Penunjukan lintas unit organisasi").wait_for()
    wait_until_idle(tab)
    with tab.expect_response(lambda r: r.request.method == "POST" and "/penugasan/baru/" in r.url):
        tab.get_by_label("Cari pegawai (nama atau NIP)").fill(outsider.name.split()[0])
    assert tab.get_by_test_id("person-picker").get_by_role("checkbox").count() >= 1
    person = tab.get_by_role("checkbox", name=re.compile(re.escape(outsider.full_name)))
    person.check()
    tab.get_by_label("Maksud dan tujuan").fill("Menyusun kajian kebutuhan pegawai 2027")
    tab.get_by_label("Kompetensi yang dibutuhkan").fill("analisis jabatan")
    tab.get_by_label("Target yang diharapkan").fill("Dokumen kajian disahkan")
    tab.get_by_label("Tanggal mulai").fill("2026-12-01")
    tab.get_by_label("Tanggal selesai").fill("2027-02-28")
    tab.get_by_label("Nama tim kerja").fill("Tim Kajian Kebutuhan Pegawai")
    tab.get_by_role("button", name="Kirim permohonan").click()
    tab.wait_for_url(DETAIL)
    match = DETAIL.search(tab.url)
    assert match is not None
    return int(match.group(1))


def _approve(tab) -> None:
    tab.get_by_test_id("decision-form").get_by_role("button", name="Setujui").click()
    tab.get_by_test_id("message").filter(has_text="Keputusan “Setujui” tersimpan.").wait_for()


def _reply_and_sign(tab, title: str) -> list[str]:
    """The partner head finds the request in the inbox, recommends, replies and signs."""
    tab.get_by_test_id("inbox-count").wait_for()
    count = tab.get_by_test_id("inbox-count").inner_text()
    tab.get_by_role("navigation").get_by_role("link", name=re.compile("^Kotak masuk")).click()
    tab.get_by_test_id("assignment-table").get_by_role("link", name=title).click()
    tab.wait_for_url(DETAIL)
    tab.get_by_label("Isi rekomendasi").fill("Yang bersangkutan memenuhi kompetensi.")
    tab.get_by_role("button", name="Simpan rekomendasi").click()
    tab.get_by_test_id("message").filter(has_text="Rekomendasi tersimpan.").wait_for()
    _approve(tab)
    _approve(tab)
    return [count, tab.get_by_test_id("assignment-status").inner_text()]


def test_a_unit_head_asks_across_units_the_partner_head_approves_and_the_letter_downloads(
    browser, page, live_server, persona, today, now, console_errors
):
    outsider = persona("outsider")
    unit_id = Placement.objects.effective_on(today).get(employee=outsider).position.unit_id
    head = _partner_head(outsider, today)
    head_user = login_for(head, government=head.government)
    head_context = browser.new_context(locale="id-ID", base_url=live_server.url)
    head_tab = head_context.new_page()
    head_tab.on("pageerror", lambda error: console_errors.append(str(error)))

    _log_in(page, "kepala_dinas", DEFAULT_PASSWORD)
    assignment_id = _ask(page, outsider, unit_id)
    asked_step = page.get_by_test_id("timeline-step").nth(1).get_by_test_id("step-actor")
    asked_actor = asked_step.inner_text()
    _log_in(head_tab, head_user.username, HEAD_PASSWORD)
    seen = _reply_and_sign(head_tab, "Penyusunan kajian kebutuhan pegawai 2027")
    head_context.close()
    page.reload()
    row = page.get_by_test_id("letters").locator("tr", has_text="Surat penugasan")
    with page.expect_download() as download_info:
        row.get_by_test_id("letter-pdf").click()
    pdf = download_info.value.path().read_bytes()
    receipt = WorkflowInstance.objects.get(subject_id=assignment_id).steps.get(
        status=WorkflowStep.Status.OPEN
    )
    assignment_decide(step_id=receipt.pk, by=outsider, decision="acknowledge", at=now, on=today)
    page.reload()

    assignment = Assignment.objects.get(pk=assignment_id)
    assert (assignment.workflow_key, assignment.requester_id) == (
        "WF-PEN-UO",
        persona("kepala_dinas").pk,
    )
    assert asked_actor == head.full_name
    assert seen == ["1", "Berjalan"]
    assert pdf.startswith(b"%PDF-")
    assert list(
        Letter.objects.filter(workflow_instance_id=receipt.instance_id)
        .order_by("pk")
        .values_list("doc_type", flat=True)
    ) == ["INVOLVEMENT_REQUEST", "INVOLVEMENT_REPLY", "ASSIGNMENT_LETTER"]
    assert page.get_by_test_id("assignment-status").inner_text() == "Selesai (disetujui)"
    assert page.get_by_test_id("step-decision").all_inner_texts() == [
        "Dikirim",
        "Disetujui",
        "Disetujui",
        "Diterima",
    ]
    assert console_errors == []
