"""Browser test of the agency dashboard one level at a time: the Kepala Dinas opens the Bidang's
sub-units in place (htmx answers the rows only) and the page stays where it was."""

from __future__ import annotations

import re

import pytest

from sikerja.organization.models import OrgUnit
from tests.e2e.htmx import wait_until_idle
from tests.e2e.test_web_pages import _log_in
from tests.performance.conftest import team
from tests.performance.test_ratings import MEETS, draft, set_level
from tests.performance.world import unit_of

__all__ = ["team"]
pytestmark = pytest.mark.e2e


def test_the_head_opens_a_units_children_in_place(page, team, persona, console_errors):
    set_level(persona, "BAIK")
    draft(persona("kabid"), team["jf"])
    draft(persona("kabid"), team["sub"], MEETS, MEETS)
    bidang = unit_of(persona("kabid"))
    seksi = unit_of(persona("subkoordinator"))
    agency = OrgUnit.objects.get(pk=bidang).agency_id
    url = f"/kinerja/perangkat-daerah/{agency}/?year=2026&period_kind=QUARTERLY&period_index=4"

    _log_in(page, "kepala_dinas")
    page.wait_for_url(re.compile(r"/$"))
    page.goto(url)
    wait_until_idle(page)
    before = page.get_by_test_id("dashboard-row").count()
    page.locator(f'tr[data-unit="{bidang}"]').get_by_test_id("dashboard-open").click()
    page.locator(f'tr[data-unit="{seksi}"]').wait_for()
    wait_until_idle(page)
    after = page.get_by_test_id("dashboard-row").count()
    opened = page.locator(f'tr[data-unit="{bidang}"]')

    assert before == 8  # the Dinas and its 7 units
    assert after == 9  # the Bidang's row again, with its one Seksi below it
    assert opened.get_by_test_id("dashboard-open").count() == 0
    assert page.url.endswith(url)
    cells = page.locator(f'tr[data-unit="{seksi}"] td').all_inner_texts()
    assert cells == ["—", "0 (0%)", "1 (100%)", "0 (0%)", "0 (0%)", "0 (0%)", "—", "1 / 1", "0 / 1"]
    assert console_errors == []
