"""Fixtures of the web tests: logged-in clients for the demo personas."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client


@pytest.fixture(autouse=True)
def _empty_cache():
    """Throttle counters live in the cache: each test starts without any."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client_of(world, user_of, other_tenant_user):
    """client_of("kabid") -> a test Client logged in as that persona ("other_tenant" too)."""

    def build(name: str) -> Client:
        client = Client()
        user = other_tenant_user if name == "other_tenant" else user_of(name)
        client.force_login(user)
        return client

    return build


@pytest.fixture
def world(world, db):
    """The shared world, built first; `db` is named here so that pytest-django sets up the
    test database even when only tests/web is run (it looks for `db` among a test's fixtures
    before the session starts, and the root `world` asks for `db` only at run time)."""
    return world


@pytest.fixture
def other_tenant_user(world):
    """The other government's Sekda (its persona names may carry the government's kode)."""
    from sikerja.organization.demo import persona_key
    from sikerja.organization.models import Employee

    ids = {persona_key(name): employee_id for name, employee_id in world.other_personas.items()}
    return Employee.objects.select_related("user").get(pk=ids["sekda"]).user
