"""The shared test world: one small seeded demo pemda per pack, built once per session.

Each test runs in a rolled-back transaction on top of it. Personas are the demo's named users:
bkpsdm (operator), sekda, kepala_dinas, kabid, subkoordinator, jf_ahli_muda, pelaksana, outsider,
plus `other_tenant_user` from a second government (another pack).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

WORLD_PACK = "surakarta-2023"
OTHER_PACK = "cilegon-2023"
WORLD_EMPLOYEES = 160
TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class World:
    """Ids of the session's demo governments and personas (objects are re-read per test)."""

    government_id: int
    other_government_id: int
    personas: dict[str, int]  # username -> employee id
    other_personas: dict[str, int]


def _build_world() -> World:
    from sikerja.organization.demo import generate

    main = generate(pack_id=WORLD_PACK, employees=WORLD_EMPLOYEES, seed=7, at=NOW, on=TODAY)
    other = generate(
        pack_id=OTHER_PACK, employees=80, seed=8, at=NOW, on=TODAY, username_prefix=True
    )
    return World(
        government_id=main.government.pk,
        other_government_id=other.government.pk,
        personas={name: employee.pk for name, employee in main.personas.items()},
        other_personas={name: employee.pk for name, employee in other.personas.items()},
    )


class _WorldHolder:
    """Keeps the committed world; rebuilds it after a transactional test flushed the database."""

    def __init__(self, blocker) -> None:
        self.blocker = blocker
        self.current: World | None = None

    def get(self) -> World:
        from sikerja.organization.models import Government

        with self.blocker.unblock():
            alive = (
                self.current is not None
                and Government.objects.filter(pk=self.current.government_id).exists()
            )
            if not alive:
                self.current = _build_world()
        assert self.current is not None
        return self.current


@pytest.fixture(scope="session")
def world_holder(django_db_setup, django_db_blocker) -> _WorldHolder:
    return _WorldHolder(django_db_blocker)


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """One transaction around a test module, for what the module's tests share (Django's
    setUpTestData): `module_db(build)` runs `build()` in it and returns the result.

    Each test of the module rolls back to what was built (its own transaction is a savepoint
    inside this one), and the whole is rolled back after the module, so nothing is left for
    other modules. Not for modules with transactional tests (`django_db(transaction=True)`).
    Module fixtures hand tests objects read again per test (`tests.organization.reread`).
    """
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer._from_testcase = True  # as TestCase's own: a durable service block may nest in it
        outer.__enter__()

    def build(make):
        with django_db_blocker.unblock():
            return make()

    yield build
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def _waiting_request(module_db):
    from tests.workflows.reroute_world import waiting_request

    return module_db(waiting_request)


@pytest.fixture
def waiting(_waiting_request, db):
    """A Blitar request waiting on its Kepala Bidang (tests.workflows.reroute_world), built once
    per module: the workflow and delegation tests change posts and delegations around it."""
    from tests.workflows.reroute_world import reread_waiting

    return reread_waiting(_waiting_request)


@pytest.fixture
def world_committed(world_holder) -> World:
    """The demo world, committed (built before the test's transaction starts)."""
    return world_holder.get()


@pytest.fixture
def world(world_committed, db) -> World:
    """The shared world. `db` is named after the build, so the build is committed first; with
    `transactional_db` also requested, pytest-django treats `db` as transactional."""
    return world_committed


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def now() -> dt.datetime:
    return NOW


def _user(username: str):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def persona(world):
    """persona("kabid") -> the Employee of that demo user."""
    from sikerja.organization.models import Employee

    def get(name: str) -> Employee:
        return Employee.objects.get(pk=world.personas[name])

    return get


@pytest.fixture
def user_of(world):
    """user_of("kabid") -> the Django user of a persona."""
    return _user


@pytest.fixture
def other_tenant_user(world):
    """A user of the other government (its Sekda)."""
    from sikerja.organization.demo import persona_key
    from sikerja.organization.models import Employee

    ids = {persona_key(name): pk for name, pk in world.other_personas.items()}
    return Employee.objects.select_related("user").get(pk=ids["sekda"]).user


@pytest.fixture
def operator(world):
    """The services' Actor for the BKPSDM operator of the main government."""
    from sikerja.organization.selectors import viewer_for

    viewer = viewer_for(_user("bkpsdm"), TODAY)
    assert viewer is not None
    return viewer.actor


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch):
    """Edges that read the clock (views, commands) see the test day."""
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts and ends in the default language: a request through LocaleMiddleware
    (an English cookie) leaves its language active in the thread, and a later test reading
    a message outside a request would otherwise get English."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _no_scope_cache():
    """Tests build the caller's scope on every request (organization.access), so that their
    query budgets do not depend on which request came first; `scope_cache` turns the cache on.
    A test that changes rows without the services (which give the government a new stamp)
    would otherwise also meet a scope cached by an earlier test under the same stamp."""
    from sikerja.organization.access import scope_cache_resize

    scope_cache_resize(0)
    yield
    scope_cache_resize(0)


@pytest.fixture
def scope_cache(_no_scope_cache):
    """The caller's scope cached between requests, as in production, starting empty."""
    from sikerja.organization.access import scope_cache_resize

    scope_cache_resize()


@pytest.fixture(scope="session")
def _letter_root(tmp_path_factory):
    return tmp_path_factory.mktemp("letters")


@pytest.fixture(autouse=True)
def _letter_storage(settings, _letter_root):
    """Letters' PDFs go to a temporary directory, not the checkout's var/."""
    settings.SIKERJA_LETTER_ROOT = _letter_root


@pytest.fixture(scope="session")
def _evidence_root(tmp_path_factory):
    return tmp_path_factory.mktemp("evidence")


@pytest.fixture(autouse=True)
def _evidence_storage(settings, _evidence_root):
    """Evidence files (the demo's too) go to a temporary directory, not the checkout's var/."""
    settings.SIKERJA_EVIDENCE_ROOT = _evidence_root
