"""Browser tests of refusals that help: a refused request shows its citation and what to do
next, next to the marked fields; an approval that cannot succeed yet is disabled with its reason
beside it, and the page offers to remind the recommender."""

from __future__ import annotations

import re

import pytest

from sikerja.assignments.services import assignment_request_submit
from sikerja.notifications.models import Notification
from sikerja.organization.demo import DEFAULT_PASSWORD
from tests.assignments.web.test_world import (
    PERWALI,
    cross_unit_request,
    partner_head,
    request_input,
)
from tests.e2e.test_penugasan_e2e import _log_in

pytestmark = pytest.mark.e2e


def test_a_refused_request_shows_its_citation_and_what_to_do_next(page):
    _log_in(page, "kepala_dinas", DEFAULT_PASSWORD)
    page.goto("/penugasan/baru/")
    page.get_by_label("Hal").fill("Kajian tanpa maksud")
    page.get_by_role("button", name="Kirim permohonan").click()

    refusal = page.get_by_test_id("refusal")
    refusal.wait_for()

    assert refusal.get_by_test_id("refusal-citation").inner_text().startswith(PERWALI)
    assert refusal.get_by_test_id("refusal-next").inner_text() == (
        "Yang perlu dilakukan: perbaiki isian yang ditandai di bawah, lalu kirim lagi."
    )
    assert not re.search(r"\bV-\d+\b", refusal.inner_text())
    assert page.locator(".field-error").count() >= 1


def test_approval_waits_for_the_recommendation_and_the_page_offers_a_reminder(
    page, persona, now, today
):
    sekwan = partner_head(cross_unit_request(persona, now, today))
    assignment = assignment_request_submit(
        requester=sekwan, data=request_input(persona("jf_ahli_muda")), at=now, on=today
    )
    kabid = persona("kabid")

    _log_in(page, "kepala_dinas", DEFAULT_PASSWORD)
    page.goto(f"/penugasan/{assignment.pk}/")
    approve = page.get_by_test_id("decision-form").get_by_role("button", name="Setujui")
    reason = page.get_by_test_id("disabled-reason").inner_text()
    disabled = approve.is_disabled()
    page.get_by_test_id("remind-recommender").click()
    page.get_by_test_id("message").wait_for()

    assert (disabled, reason) == (True, f"Menunggu rekomendasi {kabid.full_name}")
    assert page.get_by_test_id("message").inner_text() == (
        f"Pengingat terkirim kepada {kabid.full_name}."
    )
    assert Notification.objects.filter(recipient=kabid, kind="recommendation_reminder").count() == 1
