"""The API's request parser: JSON bodies and query strings, refusing NUL characters.

PostgreSQL cannot store a NUL (U+0000) in text and fails the query (a 500), while SQLite stores
it silently; no field of Sikerja may hold one. The parser refuses it in every string of a JSON
body (keys included) and in every query or form value, as `invalid_input` naming the field, so
both databases answer the same 400.
"""

from __future__ import annotations

import json
from typing import Any, cast

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja.parser import Parser
from ninja.types import DictStrAny

from sikerja.api.errors import ApiErrorCode
from sikerja.core.errors import DomainError

NUL = "\x00"


def nul_refused(field: str) -> DomainError:
    """The refusal of a NUL character in a field."""
    return DomainError(
        code=ApiErrorCode.INVALID_INPUT,
        message=_("Masukan tidak valid."),
        fields={field: _("Karakter NUL tidak diperbolehkan.")},
    )


def _nul_path(value: Any, path: str) -> str | None:
    """The dotted path of the first string holding a NUL, or None."""
    if isinstance(value, str):
        return path if NUL in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            inner = f"{path}.{key}" if path else str(key)
            found = inner if NUL in str(key) else _nul_path(item, inner)
            if found is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _nul_path(item, f"{path}.{index}" if path else str(index))
            if found is not None:
                return found
    return None


class NulRefusingParser(Parser):
    """ninja's JSON parser, refusing NUL characters anywhere in the input."""

    def parse_body(self, request: HttpRequest) -> DictStrAny:
        data = json.loads(request.body)
        found = _nul_path(data, "")
        if found is not None:
            raise nul_refused(found or "body")
        return cast(DictStrAny, data)

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> DictStrAny:
        for key, values in data.lists():
            if NUL in key or any(isinstance(value, str) and NUL in value for value in values):
                raise nul_refused(key)
        return super().parse_querydict(data, list_fields, request)
