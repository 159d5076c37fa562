"""One demo site for the Monday browser tests: the session's demo pemda with the sample
requests `make run` adds (`setup_demo` → `demo_requests`), served by one live server.

The site is built once per worker and shared by every test of this package (a fresh browser
context per test keeps their cookies apart). It is committed data, so at the end the database
is flushed, as a transactional test would leave it, and the session world is rebuilt on demand.
Tests that decide a step act on a step no other test of the package touches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command

from sikerja.organization.demo import DEFAULT_PASSWORD
from tests.conftest import NOW, TODAY, World

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parents[3] / "var" / "screenshots"


@dataclass(frozen=True)
class DemoSite:
    """The served demo: its address, the session world and the sample requests' ids."""

    url: str
    world: World
    assignment_ids: dict[str, int]  # sample label -> assignment id


@pytest.fixture(scope="package")
def demo_site(world_holder, django_db_blocker) -> Iterator[DemoSite]:
    from pytest_django.live_server_helper import LiveServer

    from sikerja.assignments.demo import demo_requests
    from sikerja.organization.models import Government

    with django_db_blocker.unblock():
        world = world_holder.get()
        government = Government.objects.get(pk=world.government_id)
        outcomes = demo_requests(government=government, at=NOW, on=TODAY)
        server = LiveServer("localhost")
        try:
            yield DemoSite(
                url=server.url,
                world=world,
                assignment_ids={o.label: o.assignment_id for o in outcomes if o.assignment_id},
            )
        finally:
            server.stop()
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def db(demo_site: DemoSite) -> DemoSite:
    """The committed demo site, in place of pytest-django's per-test transaction: the server and
    the test read and write it for real, and it is flushed once at the package's end. A fixture
    named `db` is what tells pytest-django to set the test database up for these tests."""
    return demo_site


def new_context(browser, demo_site: DemoSite, *, phone: bool):
    """A browser context at desktop or phone width (390 × 844, touch), Indonesian."""
    context = browser.new_context(
        locale="id-ID",
        base_url=demo_site.url,
        viewport=PHONE if phone else DESKTOP,
        is_mobile=phone,
        has_touch=phone,
    )
    context.set_default_timeout(15_000)
    return context


def log_in(tab, username: str, password: str = DEFAULT_PASSWORD) -> None:
    tab.goto("/masuk/")
    tab.get_by_label("Nama pengguna").fill(username)
    tab.get_by_label("Kata sandi").fill(password)
    tab.locator("form.form").get_by_role("button", name="Masuk").click()
    tab.wait_for_url(re.compile(r"/$"))


@pytest.fixture
def fresh_cache() -> None:
    """Login throttling counts in the cache; each test starts from none."""
    cache.clear()
