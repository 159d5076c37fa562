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
