"""Clients of the edge tests, shared by the shell's and the apps' test packages.

`conftest.py` files import the fixtures they need from here: `client_of` (HTML pages), and
`anonymous`, `session_as`, `token_as` (API v1, speaking JSON).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from sikerja.accounts.tokens import api_token_create

API = "/api/v1"


class ApiClient:
    """A django.test.Client that speaks JSON to /api/v1."""

    def __init__(self, client: Client, headers: dict[str, str] | None = None) -> None:
        self.client = client
        self.headers = headers or {}

    def get(self, path: str, **params: Any):
        return self.client.get(API + path, params, headers=self.headers)

    def post(self, path: str, body: Any = None, *, raw: str | None = None, **headers: str):
        content = raw if raw is not None else json.dumps(body or {}, default=str)
        return self.client.post(
            API + path,
            content,
            content_type="application/json",
            headers={**self.headers, **headers},
        )

    def call(self, method: str, path: str, body: Any = None):
        if method == "GET":
            return self.get(path)
        return self.post(path, body)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Throttle counters and idempotency keys live in the cache: each test starts without any."""
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
def anonymous(world) -> ApiClient:
    return ApiClient(Client())


@pytest.fixture
def session_as(world, user_of) -> Callable[[str], ApiClient]:
    """session_as("kabid") -> an API client logged in as that persona (browser session)."""

    def make(name: str) -> ApiClient:
        client = Client()
        client.force_login(user_of(name))
        return ApiClient(client)

    return make


@pytest.fixture
def token_as(world, now) -> Callable[[Any], ApiClient]:
    """token_as(user) -> an API client sending `Authorization: Bearer <new token of that user>`."""

    def make(user: Any) -> ApiClient:
        raw = api_token_create(user=user, label="test", at=now)
        return ApiClient(Client(), {"Authorization": f"Bearer {raw}"})

    return make
