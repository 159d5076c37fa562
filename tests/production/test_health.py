"""/healthz (liveness: no database) and /readyz (readiness: database and migrations), public."""

from __future__ import annotations

import json

import pytest
from django.db import OperationalError, connection
from django.db.migrations.executor import MigrationExecutor


def test_liveness_answers_without_login_and_without_touching_the_database(client):
    """No `db` fixture: any query would raise here."""
    response = client.get("/healthz")

    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"


def _ready(client) -> tuple[int, dict[str, object]]:
    response = client.get("/readyz")
    return response.status_code, json.loads(response.content)


@pytest.mark.django_db
def test_readiness_answers_ok_on_a_migrated_database_without_login(client):
    status, body = _ready(client)

    assert (status, body) == (200, {"status": "ok", "database": "ok", "unapplied_migrations": 0})


@pytest.mark.django_db
def test_readiness_refuses_while_migrations_are_unapplied(client, monkeypatch):
    real_plan = MigrationExecutor.migration_plan

    def plan_with_two_unapplied(self, targets, clean_start=False):
        assert real_plan(self, targets, clean_start) == []
        return [("first", False), ("second", False)]

    monkeypatch.setattr(MigrationExecutor, "migration_plan", plan_with_two_unapplied)

    status, body = _ready(client)

    assert (status, body) == (
        503,
        {"status": "unavailable", "database": "ok", "unapplied_migrations": 2},
    )


@pytest.mark.django_db
def test_readiness_refuses_when_the_database_does_not_answer(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)

    status, body = _ready(client)

    assert (status, body) == (503, {"status": "unavailable", "database": "unreachable"})


def test_health_endpoints_accept_only_get(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405
