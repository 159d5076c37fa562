"""What every app's API router shares: the error shape, its documented answers, pagination.

The shape is `DomainError.as_dict()`; the assembly (`sikerja.api`) installs the handlers that
answer with it, and the apps' routers only document it.
"""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
# Bounds of `page` and `offset`: far beyond any pemda's data, well inside a 64-bit OFFSET (an
# unbounded page number overflows it: a 500 on SQLite and on PostgreSQL, now a 400).
MAX_PAGE = 1_000_000
MAX_OFFSET = 1_000_000_000


class Pagination(PageNumberPagination):
    """ninja's page-number pagination with a bounded page number."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1)


class ErrorOut(Schema):
    """Every error: a stable code, a translated message, the pack rule and its citation."""

    code: str = Field(examples=["rule_violation"])
    message: str
    rule: str = Field(examples=["V-38"])
    citation: str = Field(examples=["Perwali Surakarta 32/2023 Pasal 15 ayat (5)"])
    fields: dict[str, str]


READ_ERRORS: dict[int, Any] = dict.fromkeys((400, 401, 403, 404), ErrorOut)
WRITE_ERRORS: dict[int, Any] = dict.fromkeys((400, 401, 403, 404, 409, 413, 422), ErrorOut)


def read_answers(schema: Any) -> dict[int, Any]:
    """The documented answers of a read: the schema, or the shared error shape."""
    return {200: schema, **READ_ERRORS}


def write_answers(status: int, schema: Any) -> dict[int, Any]:
    """The documented answers of a write: the written object, or the shared error shape."""
    return {status: schema, **WRITE_ERRORS}
