"""Clients for the API tests: a logged-in session per persona, or a Bearer token."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from sikerja.api.tokens import api_token_create

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
    """Idempotency keys live in the cache; no test sees another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anonymous(world) -> ApiClient:
    return ApiClient(Client())


@pytest.fixture
def session_as(world, user_of) -> Callable[[str], ApiClient]:
    """session_as("kabid") -> a client logged in as that persona (browser session)."""

    def make(name: str) -> ApiClient:
        client = Client()
        client.force_login(user_of(name))
        return ApiClient(client)

    return make


@pytest.fixture
def token_as(world, now) -> Callable[[Any], ApiClient]:
    """token_as(user) -> a client sending `Authorization: Bearer <new token of that user>`."""

    def make(user: Any) -> ApiClient:
        raw = api_token_create(user=user, label="test", at=now)
        return ApiClient(Client(), {"Authorization": f"Bearer {raw}"})

    return make
