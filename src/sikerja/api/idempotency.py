"""`Idempotency-Key` for mutating calls: a retried request returns the first answer, once written.

A key is claimed before the operation runs, by inserting the unique (user, key) row
(`IdempotencyKey`) in the same database as the data, outside the operation's transaction: of
concurrent requests with one key exactly one inserts it and runs, on SQLite and PostgreSQL
alike. The others are answered from the row: the winner's stored response once it has one
(header `Idempotent-Replayed: true`), a 409 while it is still in flight, a 422 when the key came
with a different request (method, path and body). The first successful (2xx) response is kept
for 24 hours. A refusal or an error releases the claim: it wrote nothing, so a retry may run
again. A claim left in flight for longer than `IN_FLIGHT_SECONDS` (a worker that died) may be
taken over by the next request.

The assembly (`install`) applies this to every unsafe operation of every app's router, and
documents the header on each of them, so no route can forget it. Two wrappers cooperate through
the request: the operation wrapper (after authentication, so the caller is known) claims the
key; the view wrapper (around ninja's rendering) stores the rendered response or releases the
claim.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, RawPostDataException
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from sikerja.api.errors import ApiErrorCode
from sikerja.api.models import IdempotencyKey
from sikerja.core.errors import DomainError

HEADER = "Idempotency-Key"
TTL = dt.timedelta(hours=24)
IN_FLIGHT_SECONDS = 60
MAX_KEY_LENGTH = 200
OPENAPI_PARAMETER = {
    "in": "header",
    "name": HEADER,
    "required": False,
    "schema": {"type": "string", "maxLength": MAX_KEY_LENGTH},
    "description": "Kunci unik per permintaan; permintaan ulang dengan kunci sama tidak menulis dua kali.",
}

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_PENDING = "_sikerja_idempotency"


def key_hash(key: str) -> str:
    """The stored form of a key (keys may carry whatever the client put in them)."""
    return hashlib.sha256(key.encode()).hexdigest()


def _content(request: HttpRequest) -> bytes:
    """The request's content: its body, or, once the multipart parser has read the stream of an
    upload, its fields and each file's name and SHA-256."""
    try:
        return request.body
    except RawPostDataException:
        pass
    parts = [f"{name}={value}" for name, values in sorted(request.POST.lists()) for value in values]
    for name, files in sorted(request.FILES.lists()):
        for upload in files:
            digest = hashlib.sha256()
            for chunk in upload.chunks():
                digest.update(chunk)
            upload.seek(0)
            parts.append(f"{name}:{upload.name}:{digest.hexdigest()}")
    return "\n".join(parts).encode()


def _fingerprint(request: HttpRequest) -> str:
    material = b"\n".join(
        [(request.method or "").encode(), request.path.encode(), _content(request)]
    )
    return hashlib.sha256(material).hexdigest()


def _replay(claim: IdempotencyKey) -> HttpResponse:
    response = HttpResponse(bytes(claim.body), status=claim.status, content_type=claim.content_type)
    response["Idempotent-Replayed"] = "true"
    return response


def _insert(user_id: int, digest: str, fingerprint: str, now: dt.datetime) -> int | None:
    """Insert the claim; its id, or None when another request holds the key."""
    try:
        with transaction.atomic():
            claim = IdempotencyKey.objects.create(
                user_id=user_id, key_hash=digest, fingerprint=fingerprint, claimed_at=now
            )
    except IntegrityError:
        return None
    return claim.pk


def _take_over(claim: IdempotencyKey, fingerprint: str, now: dt.datetime) -> bool:
    """Check-and-set a stale or expired claim to this request; False if another got it first."""
    taken = IdempotencyKey.objects.filter(pk=claim.pk, claimed_at=claim.claimed_at).update(
        fingerprint=fingerprint, claimed_at=now, status=None, content_type="", body=b""
    )
    return taken == 1


def _answer_loser(claim: IdempotencyKey, fingerprint: str) -> HttpResponse:
    if claim.fingerprint != fingerprint:
        raise DomainError(
            code=ApiErrorCode.IDEMPOTENCY_KEY_REUSED,
            message=_("Idempotency-Key ini sudah dipakai untuk permintaan lain."),
            fields={HEADER: _("Gunakan kunci baru untuk permintaan yang berbeda.")},
            status=422,
        )
    if claim.status is not None:
        return _replay(claim)
    raise _in_progress()


def _is_dead(claim: IdempotencyKey, now: dt.datetime) -> bool:
    if claim.status is None:
        return claim.claimed_at <= now - dt.timedelta(seconds=IN_FLIGHT_SECONDS)
    return claim.claimed_at <= now - TTL


def _claim(request: HttpRequest, key: str) -> HttpResponse | None:
    """The earlier answer for the key, or None once this request holds the claim."""
    if len(key) > MAX_KEY_LENGTH:
        raise DomainError(
            code=ApiErrorCode.INVALID_INPUT,
            message=_("Idempotency-Key terlalu panjang."),
            fields={HEADER: _("Paling banyak %(n)d karakter.") % {"n": MAX_KEY_LENGTH}},
        )
    user_id = request.auth.user_id  # type: ignore[attr-defined]
    digest, fingerprint, now = key_hash(key), _fingerprint(request), timezone.now()
    claim_id = _insert(user_id, digest, fingerprint, now)
    if claim_id is None:
        claim = IdempotencyKey.objects.filter(user_id=user_id, key_hash=digest).first()
        if claim is None:  # released between the insert and the read: the key is free again
            claim_id = _insert(user_id, digest, fingerprint, now)
        elif _is_dead(claim, now) and _take_over(claim, fingerprint, now):
            claim_id = claim.pk
        else:
            return _answer_loser(claim, fingerprint)
        if claim_id is None:
            raise _in_progress()
    setattr(request, _PENDING, claim_id)
    return None


def _in_progress() -> DomainError:
    return DomainError(
        code=ApiErrorCode.IDEMPOTENCY_IN_PROGRESS,
        message=_("Permintaan dengan Idempotency-Key ini sedang diproses."),
        status=409,
    )


def _finish(claim_id: int, response: HttpResponse | None) -> None:
    """Keep a successful response on the claim; release the claim after anything else."""
    claims = IdempotencyKey.objects.filter(pk=claim_id)
    if response is not None and 200 <= response.status_code < 300:
        claims.update(
            status=response.status_code,
            content_type=response["Content-Type"],
            body=response.content,
        )
    else:
        claims.delete()


def _store_after(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(run)
    def store(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse | None = None
        try:
            response = run(request, *args, **kwargs)
        finally:
            claim_id = getattr(request, _PENDING, None)
            if claim_id is not None:
                _finish(claim_id, response)
        return response

    return store


def _lookup_before(func: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(func)
    def lookup(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        key = request.headers.get(HEADER, "").strip() if request.method in UNSAFE_METHODS else ""
        if key:
            replayed = _claim(request, key)
            if replayed is not None:
                return replayed
        return func(request, *args, **kwargs)

    return lookup


def install(api: NinjaAPI) -> None:
    """Make every unsafe operation of the API honour `Idempotency-Key`."""
    api.add_decorator(_lookup_before, mode="operation")
    api.add_decorator(_store_after, mode="view")


def document(schema: dict[str, Any]) -> dict[str, Any]:
    """Name the `Idempotency-Key` header on every unsafe operation of an OpenAPI schema."""
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            if method.upper() in UNSAFE_METHODS:
                operation.setdefault("parameters", []).append(OPENAPI_PARAMETER)
    return schema
