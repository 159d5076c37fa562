"""Many simultaneous POSTs with one Idempotency-Key write once (real parallel connections)."""

from __future__ import annotations

import json
import threading

import pytest
from django.db import connection
from django.test import Client

from sikerja.accounts.tokens import api_token_create
from sikerja.api.models import IdempotencyKey
from sikerja.organization.models import Placement
from tests.api.bodies import plh_body

REQUESTS = 8
ROUNDS = 3


def _post_all(token: str, body: dict[str, object], key: str) -> list[tuple[int, bytes, str]]:
    barrier = threading.Barrier(REQUESTS)
    answers: list[tuple[int, bytes, str]] = []

    def post() -> None:
        try:
            barrier.wait()
            response = Client().post(
                "/api/v1/placements",
                json.dumps(body),
                content_type="application/json",
                headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
            )
            answers.append(
                (response.status_code, response.content, response.get("Idempotent-Replayed", ""))
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_case", range(ROUNDS))
def test_concurrent_posts_with_one_key_create_one_placement(
    round_case, world, persona, user_of, today, now
):
    del round_case
    token = api_token_create(user=user_of("bkpsdm"), label="race", at=now)
    body = plh_body(persona, today)
    before = Placement.objects.filter(government_id=world.government_id).count()

    answers = _post_all(token, body, "race-key")

    created = [content for status, content, replayed in answers if (status, replayed) == (201, "")]
    replayed = [content for status, content, flag in answers if (status, flag) == (201, "true")]
    in_flight = [content for status, content, _ in answers if status == 409]
    assert len(created) == 1
    assert len(created) + len(replayed) + len(in_flight) == REQUESTS
    assert set(replayed) <= set(created)
    assert {json.loads(content)["code"] for content in in_flight} <= {"idempotency_in_progress"}
    assert Placement.objects.filter(government_id=world.government_id).count() == before + 1
    assert IdempotencyKey.objects.get().status == 201
