"""Who may call the API: Bearer tokens and browser sessions (with CSRF), and nobody else."""

from __future__ import annotations

import hashlib

from django.contrib.auth import get_user_model
from django.test import Client

from sikerja.accounts.models import ApiToken
from sikerja.accounts.tokens import api_token_create
from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Placement
from tests.api.bodies import plh_body
from tests.clients import ApiClient

UNAUTHENTICATED = {
    "code": "unauthenticated",
    "message": (
        "Autentikasi diperlukan: masuk terlebih dahulu atau kirim Authorization: Bearer <token>."
    ),
    "rule": "",
    "citation": "",
    "fields": {},
}


def test_a_call_without_credentials_is_unauthenticated(anonymous):
    response = anonymous.get("/agencies")

    assert response.status_code == 401
    assert response.json() == UNAUTHENTICATED
    assert response["WWW-Authenticate"] == 'Bearer realm="sikerja"'


def test_a_wrong_token_is_unauthenticated(anonymous):
    client = ApiClient(Client(), {"Authorization": "Bearer skj_not-a-real-token"})

    response = client.get("/agencies")

    assert response.status_code == 401
    assert response.json() == UNAUTHENTICATED


def test_a_token_authenticates_as_its_user(token_as, user_of, persona):
    client = token_as(user_of("kepala_dinas"))

    response = client.get(f"/employees/{persona('kepala_dinas').nip}")

    assert response.status_code == 200
    assert response.json()["nip"] == persona("kepala_dinas").nip


def test_a_revoked_token_no_longer_authenticates(token_as, user_of, now):
    client = token_as(user_of("kabid"))
    ApiToken.objects.filter(user=user_of("kabid")).update(revoked_at=now)

    response = client.get("/agencies")

    assert response.status_code == 401


def test_the_token_of_a_deactivated_user_no_longer_authenticates(token_as, user_of):
    client = token_as(user_of("kabid"))
    get_user_model().objects.filter(username="kabid").update(is_active=False)

    response = client.get("/agencies")

    assert response.status_code == 401


def test_a_token_is_stored_as_its_hash_with_an_audit_event(user_of, now, world):
    user = user_of("bkpsdm")
    events_before = AuditEvent.objects.filter(government_id=world.government_id).count()

    raw = api_token_create(user=user, label="Sinkronisasi e-Kinerja", at=now)

    token = ApiToken.objects.get(user=user)
    assert raw.startswith("skj_")
    assert len(raw) == 47
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert token.prefix == raw[:8]
    assert token.label == "Sinkronisasi e-Kinerja"
    assert not ApiToken.objects.filter(token_hash=raw).exists()
    event = AuditEvent.objects.filter(government_id=world.government_id).order_by("-seq").first()
    assert AuditEvent.objects.filter(government_id=world.government_id).count() == events_before + 1
    assert (event.action, event.object_type, event.object_id) == (
        "api_token.created",
        "accounts.apitoken",
        str(token.pk),
    )
    assert (event.actor_user_id, event.actor_label) == (user.pk, "bkpsdm")


def test_a_login_without_a_government_account_may_call_nothing(world):
    user = get_user_model().objects.create_user("tamu", password="x")
    client = Client()
    client.force_login(user)

    response = ApiClient(client).get("/agencies")

    assert response.status_code == 403
    assert response.json()["code"] == "no_account"


def test_a_session_post_without_the_csrf_token_is_refused_and_writes_nothing(
    user_of, persona, today
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_of("bkpsdm"))
    placements_before = Placement.objects.count()

    response = ApiClient(client).post("/placements", plh_body(persona, today))

    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    assert Placement.objects.count() == placements_before


def test_a_token_post_needs_no_csrf_token(user_of, persona, today, now):
    raw = api_token_create(user=user_of("bkpsdm"), label="", at=now)
    client = ApiClient(Client(enforce_csrf_checks=True), {"Authorization": f"Bearer {raw}"})

    response = client.post("/placements", plh_body(persona, today))

    assert response.status_code == 201
    assert response.json()["kind"] == "PLH"
