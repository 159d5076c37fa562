"""What every app's API router shares: the error shape, its documented answers, page sizes.

The shape is `DomainError.as_dict()`; the assembly (`sikerja.api`) installs the handlers that
answer with it, and the apps' routers only document it.
"""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class ErrorOut(Schema):
    """Every error: a stable code, a translated message, the pack rule and its citation."""

    code: str = Field(examples=["rule_violation"])
    message: str
    rule: str = Field(examples=["V-38"])
    citation: str = Field(examples=["Perwali Surakarta 32/2023 Pasal 15 ayat (5)"])
    fields: dict[str, str]


READ_ERRORS: dict[int, Any] = dict.fromkeys((400, 401, 403, 404), ErrorOut)
WRITE_ERRORS: dict[int, Any] = dict.fromkeys((400, 401, 403, 404, 409, 422), ErrorOut)


def read_answers(schema: Any) -> dict[int, Any]:
    """The documented answers of a read: the schema, or the shared error shape."""
    return {200: schema, **READ_ERRORS}


def write_answers(status: int, schema: Any) -> dict[int, Any]:
    """The documented answers of a write: the written object, or the shared error shape."""
    return {status: schema, **WRITE_ERRORS}
