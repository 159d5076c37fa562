"""One JSON shape for every API error: `{code, message, rule, citation, fields}`.

Domain refusals (`DomainError`) keep their code, rule, citation and status, and, where someone
else may do what was refused, who (`instead`: name and position) and what to do next
(`next_step`). Input that fails
the schemas becomes `invalid_input` (400) with a message per field; a missing or bad credential
becomes `unauthenticated` (401); a body over the size limit `request_too_large` (413);
`Http404` becomes the same `not_found` a selector raises; an
unexpected exception is logged and answered with `server_error` (500).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from enum import StrEnum
from functools import partial
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from sikerja.core.errors import DomainError, NotFound

logger = logging.getLogger(__name__)

# The body's location in a ninja error, followed by the operation's parameter name.
_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


class ApiErrorCode(StrEnum):
    INVALID_INPUT = "invalid_input"
    UNAUTHENTICATED = "unauthenticated"
    PERMISSION_DENIED = "permission_denied"
    CSRF_FAILED = "csrf_failed"
    NO_ACCOUNT = "no_account"
    IDEMPOTENCY_IN_PROGRESS = "idempotency_in_progress"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    THROTTLED = "throttled"
    REQUEST_TOO_LARGE = "request_too_large"
    HTTP_ERROR = "http_error"
    SERVER_ERROR = "server_error"


def error_body(
    code: str,
    message: str,
    *,
    rule: str = "",
    citation: str = "",
    fields: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The shared error shape (the same keys as `DomainError.as_dict`)."""
    return {
        "code": code,
        "message": message,
        "rule": rule,
        "citation": citation,
        "fields": fields or {},
    }


def not_found_response() -> JsonResponse:
    """The API's 404 for a URL no route matches (same body as a hidden object)."""
    return JsonResponse(NotFound().as_dict(), status=404)


def _field_message(error: dict[str, Any]) -> str:
    kind = str(error.get("type", ""))
    if kind == "missing":
        return _("Wajib diisi.")
    if kind.startswith("date"):
        return _("Tanggal tidak valid; gunakan format YYYY-MM-DD.")
    if kind.startswith(("int", "float", "decimal")):
        return _("Harus berupa angka.")
    if kind.startswith("bool"):
        return _("Harus true atau false.")
    if kind in {"json_invalid", "model_attributes_type", "dict_type"}:
        return _("Isi permintaan harus berupa objek JSON yang sah.")
    if kind in {"enum", "literal_error"}:
        expected = str(error.get("ctx", {}).get("expected", "")).replace(" or ", " atau ")
        return _("Nilai tidak dikenal; pilihan: %(expected)s.") % {"expected": expected}
    if kind.startswith(("string_too_long", "too_long")):
        return _("Terlalu panjang.")
    return _("Nilai tidak valid.")


def _field_name(location: Sequence[Any]) -> str:
    parts = [str(part) for part in location]
    source = parts.pop(0) if parts and parts[0] in _SOURCES else ""
    # A body schema parameter puts its own name ("payload") before the field's.
    if source == "body" and len(parts) > 1:
        parts = parts[1:]
    return ".".join(parts) or source or "body"


def validation_fields(errors: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Per-field Indonesian messages from ninja's validation errors (first message wins)."""
    fields: dict[str, str] = {}
    for error in errors:
        fields.setdefault(_field_name(error.get("loc", ())), _field_message(error))
    return fields


def _on_domain_error(request: HttpRequest, exc: DomainError, api: NinjaAPI) -> HttpResponse:
    return api.create_response(request, exc.as_dict(), status=exc.status)


def _on_validation_error(request: HttpRequest, exc: ValidationError, api: NinjaAPI) -> HttpResponse:
    body = error_body(
        ApiErrorCode.INVALID_INPUT,
        _("Masukan tidak valid."),
        fields=validation_fields(exc.errors),
    )
    return api.create_response(request, body, status=400)


def _on_authentication_error(
    request: HttpRequest, exc: AuthenticationError, api: NinjaAPI
) -> HttpResponse:
    del exc
    body = error_body(
        ApiErrorCode.UNAUTHENTICATED,
        _(
            "Autentikasi diperlukan: masuk terlebih dahulu atau kirim Authorization: Bearer <token>."
        ),
    )
    response = api.create_response(request, body, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="sikerja"'
    return response


def _on_http_error(request: HttpRequest, exc: HttpError, api: NinjaAPI) -> HttpResponse:
    status = exc.status_code
    if isinstance(exc.__cause__, DomainError):  # the parser's refusal, wrapped by ninja
        return _on_domain_error(request, exc.__cause__, api)
    if status == 400:  # ninja raises a 400 HttpError only for an unreadable body
        body = error_body(
            ApiErrorCode.INVALID_INPUT,
            _("Isi permintaan tidak dapat dibaca."),
            fields={"body": _("Isi permintaan harus berupa objek JSON yang sah.")},
        )
    elif status == 429:
        body = error_body(ApiErrorCode.THROTTLED, _("Terlalu banyak permintaan; coba lagi nanti."))
    elif status == 403:
        body = error_body(ApiErrorCode.PERMISSION_DENIED, _("Akses ditolak."))
    else:
        body = error_body(ApiErrorCode.HTTP_ERROR, str(exc))
    return api.create_response(request, body, status=status)


def request_too_large_body() -> dict[str, Any]:
    """The error body of a request over the size limit (413)."""
    return error_body(
        ApiErrorCode.REQUEST_TOO_LARGE,
        _("Isi permintaan melebihi batas ukuran."),
        fields={"body": _("Terlalu besar.")},
    )


def _on_too_large(request: HttpRequest, exc: RequestDataTooBig, api: NinjaAPI) -> HttpResponse:
    del exc
    return api.create_response(request, request_too_large_body(), status=413)


def _on_not_found(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    del exc
    return api.create_response(request, NotFound().as_dict(), status=404)


def _on_unexpected(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    logger.error("API error on %s %s", request.method, request.path, exc_info=exc)
    body = error_body(ApiErrorCode.SERVER_ERROR, _("Terjadi kesalahan pada server."))
    return api.create_response(request, body, status=500)


def install_error_handlers(api: NinjaAPI) -> None:
    """Route every exception an operation can raise to the shared error shape."""
    handlers: list[tuple[type[Exception], Any]] = [
        (DomainError, _on_domain_error),
        (ValidationError, _on_validation_error),
        (AuthenticationError, _on_authentication_error),
        (HttpError, _on_http_error),
        (RequestDataTooBig, _on_too_large),
        (Http404, _on_not_found),
        (Exception, _on_unexpected),
    ]
    for exc_class, handler in handlers:
        api.add_exception_handler(exc_class, partial(handler, api=api))
