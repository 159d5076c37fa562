"""`Idempotency-Key` for mutating calls: a retried request returns the first answer, once written.

The first successful (2xx) response to a key is kept in Django's cache for 24 hours under the
caller's user id and the key, with a fingerprint of the method, path and body. A retry with the
same key and the same request gets that response back (header `Idempotent-Replayed: true`)
without calling the service again; the same key with a different request is refused. Refusals
are not kept: they wrote nothing, so a retry may run again. While the first request is still
running, a concurrent retry is told so (409) instead of writing a second time.

The assembly (`install`) applies this to every unsafe operation of every app's router, and
documents the header on each of them, so no route can forget it. Two wrappers cooperate through
the request: the operation wrapper (after authentication, so the caller is known) looks the key
up; the view wrapper (around ninja's rendering) stores the rendered response and releases the
in-flight marker.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from sikerja.api.errors import ApiErrorCode
from sikerja.core.errors import DomainError

HEADER = "Idempotency-Key"
TTL_SECONDS = 24 * 60 * 60
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


def _cache_key(user_id: int, key: str) -> str:
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"api-idempotency:{user_id}:{digest}"


def _fingerprint(request: HttpRequest) -> str:
    material = b"\n".join([(request.method or "").encode(), request.path.encode(), request.body])
    return hashlib.sha256(material).hexdigest()


def _replay(stored: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(
        stored["body"], status=stored["status"], content_type=stored["content_type"]
    )
    response["Idempotent-Replayed"] = "true"
    return response


def _lookup(request: HttpRequest, key: str) -> HttpResponse | None:
    """The stored response for the key, or None after marking the key as in flight."""
    if len(key) > MAX_KEY_LENGTH:
        raise DomainError(
            code=ApiErrorCode.INVALID_INPUT,
            message=_("Idempotency-Key terlalu panjang."),
            fields={HEADER: _("Paling banyak %(n)d karakter.") % {"n": MAX_KEY_LENGTH}},
        )
    cache_key = _cache_key(request.auth.user_id, key)  # type: ignore[attr-defined]
    fingerprint = _fingerprint(request)
    stored = cache.get(cache_key)
    if stored is not None:
        if stored["fingerprint"] != fingerprint:
            raise DomainError(
                code=ApiErrorCode.IDEMPOTENCY_KEY_REUSED,
                message=_("Idempotency-Key ini sudah dipakai untuk permintaan lain."),
                fields={HEADER: _("Gunakan kunci baru untuk permintaan yang berbeda.")},
                status=422,
            )
        return _replay(stored)
    if not cache.add(f"{cache_key}:in-flight", 1, IN_FLIGHT_SECONDS):
        raise DomainError(
            code=ApiErrorCode.IDEMPOTENCY_IN_PROGRESS,
            message=_("Permintaan dengan Idempotency-Key ini sedang diproses."),
            status=409,
        )
    setattr(request, _PENDING, (cache_key, fingerprint))
    return None


def _store_after(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(run)
    def store(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = run(request, *args, **kwargs)
        pending = getattr(request, _PENDING, None)
        if pending is None:
            return response
        cache_key, fingerprint = pending
        if 200 <= response.status_code < 300:
            stored = {
                "fingerprint": fingerprint,
                "status": response.status_code,
                "content_type": response["Content-Type"],
                "body": response.content,
            }
            cache.set(cache_key, stored, TTL_SECONDS)
        cache.delete(f"{cache_key}:in-flight")
        return response

    return store


def _lookup_before(func: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(func)
    def lookup(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        key = request.headers.get(HEADER, "").strip() if request.method in UNSAFE_METHODS else ""
        if key:
            replayed = _lookup(request, key)
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
