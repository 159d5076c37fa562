"""Refuse, before any view runs, requests no view can serve: too large, or a NUL in the URL.

A body over the limit (its declared Content-Length) is answered 413; a NUL character in the path
or query string 400 (PostgreSQL cannot hold one, SQLite would store it). Under /api/ the answer
has the API's error shape; pages get a short text. Non-file bodies are limited by Django's
DATA_UPLOAD_MAX_MEMORY_SIZE, multipart uploads by MAX_UPLOAD_BYTES. A body sent without a
length is still cut off by Django when read (RequestDataTooBig, 413 in the API).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from sikerja.api.errors import ApiErrorCode, error_body, request_too_large_body

API_PREFIX = "/api/"
REQUEST_TOO_LARGE = 413
BAD_REQUEST = 400


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _limit(request: HttpRequest) -> int | None:
    if request.content_type == "multipart/form-data":
        return int(settings.MAX_UPLOAD_BYTES)
    # Django allows None here: no limit.
    limit: int | None = getattr(settings, "DATA_UPLOAD_MAX_MEMORY_SIZE", None)
    return limit


def _nul_field(request: HttpRequest) -> str | None:
    """The field holding a NUL: `url` (the path), a query parameter's name, or None."""
    if "\x00" in request.path:
        return "url"
    if b"\x00" not in unquote_to_bytes(request.META.get("QUERY_STRING", "")):
        return None
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return key.replace("\x00", "") or "url"
    return "url"


class InputLimitsMiddleware:
    """Answer 413 for a body over the limit and 400 for a NUL in the URL."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = _limit(request)
        if limit is not None and _declared_length(request) > limit:
            return _answer(request, request_too_large_body(), REQUEST_TOO_LARGE)
        field = _nul_field(request)
        if field is not None:
            body = error_body(
                ApiErrorCode.INVALID_INPUT,
                _("Masukan tidak valid."),
                fields={field: _("Karakter NUL tidak diperbolehkan.")},
            )
            return _answer(request, body, BAD_REQUEST)
        return self.get_response(request)


def _answer(request: HttpRequest, body: dict[str, Any], status: int) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return JsonResponse(body, status=status)
    return HttpResponse(body["message"], status=status, content_type="text/plain; charset=utf-8")
