"""Browser tests: the agency page of a unit with more people than a page answers without the
counts below its children, and they arrive right after it (htmx), or by a link without scripts."""

from __future__ import annotations

import pytest

from sikerja.organization.models import OrgUnit, Placement
from tests.e2e.htmx import wait_until_idle
from tests.e2e.monday.conftest import log_in
from tests.organization.web.members import members_in, members_under

pytestmark = pytest.mark.e2e


@pytest.fixture
def large_unit(persona, monkeypatch) -> OrgUnit:
    """The Kabid's unit, made larger than a page of members (one member a page)."""
    from sikerja.organization.views import agency_page

    monkeypatch.setattr(agency_page, "MEMBER_LIMIT", 1)
    placement = Placement.objects.select_related("position__unit")
    return placement.get(employee=persona("kabid"), kind="DEFINITIVE").position.unit


def test_the_counts_below_a_large_unit_arrive_right_after_the_page(
    page, large_unit, today, console_errors
):
    children = list(OrgUnit.objects.filter(parent=large_unit).order_by("name"))
    counted = [(child, members_under(child, today)) for child in children]

    log_in(page, "kepala_dinas")
    page.goto(f"/organisasi/{large_unit.agency_id}/?unit={large_unit.pk}")
    wait_until_idle(page)
    summary = page.get_by_test_id("unit-counts")
    tree = page.get_by_test_id("unit-children")

    assert summary.inner_text() == (
        f"Di bawah unit ini ada {members_under(large_unit, today)} JF dan Pelaksana; "
        f"{members_in(large_unit, today)} di antaranya ditempatkan langsung"
        " di unit ini."
    )
    assert [tree.locator(f"#unit-members-{child.pk}").inner_text() for child, _ in counted] == [
        f"({n})" if n else "" for _, n in counted
    ]
    assert any(n for _, n in counted)
    assert (
        page.get_by_role("link", name="Jumlah JF dan Pelaksana per unit di bawahnya").count() == 0
    )
    assert page.get_by_test_id("unit-counts-children").count() == 0
    assert console_errors == []


def test_without_scripts_a_link_leads_to_the_counts(
    browser, live_server, transactional_db, world, large_unit, today
):
    context = browser.new_context(
        locale="id-ID", base_url=live_server.url, java_script_enabled=False
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    try:
        log_in(tab, "kepala_dinas")
        tab.goto(f"/organisasi/{large_unit.agency_id}/?unit={large_unit.pk}")
        tab.get_by_role("link", name="Jumlah JF dan Pelaksana per unit di bawahnya").click()
        tab.wait_for_url(f"**/organisasi/{large_unit.agency_id}/jumlah/**")
        listed = tab.get_by_test_id("unit-counts-children").locator("li")
        first_child = OrgUnit.objects.filter(parent=large_unit).order_by("name").first()

        assert tab.locator("h1").inner_text() == f"JF dan Pelaksana di bawah {large_unit.name}"
        assert (
            tab.get_by_test_id("unit-counts")
            .inner_text()
            .startswith(
                f"Di bawah unit ini ada {members_under(large_unit, today)} JF dan Pelaksana"
            )
        )
        assert listed.count() == OrgUnit.objects.filter(parent=large_unit).count()
        assert listed.first.inner_text().startswith(first_child.name)
    finally:
        context.close()
