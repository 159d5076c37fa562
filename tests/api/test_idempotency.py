"""A retried POST with the same Idempotency-Key returns the first answer and writes once."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from sikerja.api.idempotency import IN_FLIGHT_SECONDS, key_hash
from sikerja.api.models import IdempotencyKey
from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Placement
from tests.api.bodies import plh_body


def _counts(world) -> tuple[int, int]:
    return (
        Placement.objects.filter(government_id=world.government_id).count(),
        AuditEvent.objects.filter(government_id=world.government_id).count(),
    )


def test_a_retry_with_the_same_key_replays_the_first_answer_without_writing(
    session_as, persona, today, world
):
    client = session_as("bkpsdm")
    body = plh_body(persona, today)
    before = _counts(world)

    first = client.post("/placements", body, **{"Idempotency-Key": "plh-kabid-1"})
    retry = client.post("/placements", body, **{"Idempotency-Key": "plh-kabid-1"})

    assert (first.status_code, retry.status_code) == (201, 201)
    assert retry.content == first.content
    assert retry["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert _counts(world) == (before[0] + 1, before[1] + 1)


def test_without_a_key_a_retry_is_a_new_request(session_as, persona, today, world):
    client = session_as("bkpsdm")
    body = plh_body(persona, today)
    before = _counts(world)

    first = client.post("/placements", body)
    retry = client.post("/placements", body)

    assert first.status_code == 201
    assert retry.status_code == 400
    assert retry.json()["code"] == "position_occupied"
    assert _counts(world) == (before[0] + 1, before[1] + 1)


def test_the_same_key_for_a_different_request_is_refused(session_as, persona, today, world):
    client = session_as("bkpsdm")
    body = plh_body(persona, today)
    client.post("/placements", body, **{"Idempotency-Key": "k-1"})
    before = _counts(world)

    response = client.post(
        "/placements",
        {**body, "decision_number": "800/13/BKPSDM/2026"},
        **{"Idempotency-Key": "k-1"},
    )

    assert response.status_code == 422
    assert response.json()["code"] == "idempotency_key_reused"
    assert list(response.json()["fields"]) == ["Idempotency-Key"]
    assert _counts(world) == before


def test_a_refusal_is_not_kept_so_a_corrected_retry_with_the_key_runs(
    session_as, persona, today, world
):
    client = session_as("bkpsdm")
    body = plh_body(persona, today)
    before = _counts(world)

    refused = client.post(
        "/placements", {**body, "valid_to": body["valid_from"]}, **{"Idempotency-Key": "k-2"}
    )
    corrected = client.post("/placements", body, **{"Idempotency-Key": "k-2"})

    assert refused.status_code == 400
    assert refused.json()["code"] == "date_range"
    assert corrected.status_code == 201
    assert _counts(world) == (before[0] + 1, before[1] + 1)


def test_keys_are_kept_per_user(session_as, token_as, user_of, persona, today, world):
    body = plh_body(persona, today)
    same_user_by_token = token_as(user_of("bkpsdm"))
    session_as("bkpsdm").post("/placements", body, **{"Idempotency-Key": "shared"})
    before = _counts(world)

    other_user = session_as("kabid").post("/placements", body, **{"Idempotency-Key": "shared"})
    replayed = same_user_by_token.post("/placements", body, **{"Idempotency-Key": "shared"})

    assert other_user.status_code == 403
    assert replayed.status_code == 201
    assert replayed["Idempotent-Replayed"] == "true"
    assert _counts(world) == before


def _claim_in_flight(user, key: str, *, age_seconds: int) -> IdempotencyKey:
    """A claim on the key by a request that has not answered yet (same request as plh_body)."""
    return IdempotencyKey.objects.create(
        user_id=user.pk,
        key_hash=key_hash(key),
        fingerprint="0" * 64,
        claimed_at=timezone.now() - dt.timedelta(seconds=age_seconds),
    )


def test_a_retry_while_the_first_request_runs_is_told_so_and_writes_nothing(
    session_as, user_of, persona, today, world
):
    claim = _claim_in_flight(user_of("bkpsdm"), "k-3", age_seconds=1)
    client = session_as("bkpsdm")
    body = plh_body(persona, today)
    client.post("/placements", body, **{"Idempotency-Key": "probe"})
    fingerprint = IdempotencyKey.objects.get(key_hash=key_hash("probe")).fingerprint
    IdempotencyKey.objects.filter(pk=claim.pk).update(fingerprint=fingerprint)
    before = _counts(world)

    response = client.post("/placements", body, **{"Idempotency-Key": "k-3"})

    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_in_progress"
    assert _counts(world) == before
    assert IdempotencyKey.objects.get(pk=claim.pk).status is None


def test_a_claim_left_in_flight_by_a_dead_worker_is_taken_over(
    session_as, user_of, persona, today, world
):
    claim = _claim_in_flight(user_of("bkpsdm"), "k-4", age_seconds=IN_FLIGHT_SECONDS + 1)
    before = _counts(world)

    response = session_as("bkpsdm").post(
        "/placements", plh_body(persona, today), **{"Idempotency-Key": "k-4"}
    )

    assert response.status_code == 201
    assert _counts(world) == (before[0] + 1, before[1] + 1)
    kept = IdempotencyKey.objects.get(pk=claim.pk)
    assert (kept.status, bytes(kept.body)) == (201, response.content)


def test_a_refusal_releases_the_claim(session_as, user_of, persona, today, world):
    body = plh_body(persona, today)

    session_as("bkpsdm").post(
        "/placements", {**body, "valid_to": body["valid_from"]}, **{"Idempotency-Key": "k-5"}
    )

    assert not IdempotencyKey.objects.filter(user_id=user_of("bkpsdm").pk).exists()
