"""Browser test of Beranda: the partner head logs in, sees on the home page the request waiting
for them with its (passed) due date, opens it from there and does it.

The Kepala Dinas's request is sent through the service at the world's time (23 November 2026);
its step is due seven days later (the packs' product default), so on the real clock it is
overdue and the home page says so.
"""

from __future__ import annotations

import re

import pytest

from sikerja.organization.models import Employee
from tests.assignments.web.test_world import cross_unit_request, open_step
from tests.documents.users import login_for
from tests.e2e.test_penugasan_e2e import DETAIL, HEAD_PASSWORD, _approve, _log_in

pytestmark = pytest.mark.e2e


def test_the_partner_head_sees_what_awaits_them_and_does_it(page, persona, now, today):
    assignment = cross_unit_request(persona, now, today, title="Kajian kebutuhan pegawai 2027")
    step = open_step(assignment)
    head = Employee.objects.get(pk=step.actor_id)
    user = login_for(head, government=head.government)

    _log_in(page, user.username, HEAD_PASSWORD)
    waiting = page.get_by_test_id("waiting-item")
    before = waiting.all_inner_texts()
    note = page.get_by_test_id("overdue-note").inner_text()
    waiting.get_by_role("link", name="Kajian kebutuhan pegawai 2027").click()
    page.wait_for_url(DETAIL)
    page.get_by_label("Isi rekomendasi").fill("Yang bersangkutan memenuhi kompetensi.")
    page.get_by_role("button", name="Simpan rekomendasi").click()
    page.get_by_test_id("message").filter(has_text="Rekomendasi tersimpan.").wait_for()
    _approve(page)
    page.goto("/")
    after = page.get_by_test_id("waiting-item").all_inner_texts()

    assert [" ".join(text.split()) for text in before] == [
        f"Kajian kebutuhan pegawai 2027 {step.label} Menunggu keputusan Anda "
        "Melewati tenggat: 30 November 2026"
    ]
    assert note == "1 langkah melewati tenggat."
    assert page.get_by_test_id("overdue-note").count() == 0
    assert len(after) == 1
    assert open_step(assignment).label in after[0]
    assert re.search(r"Tenggat: \d+ \w+ \d{4}$", " ".join(after[0].split()))
