"""What every app's API router shares: the error shape, its documented answers, pagination.

The shape is `DomainError.as_dict()`; the assembly (`sikerja.api`) installs the handlers that
answer with it, and the apps' routers only document it.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination
from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
# Bounds of `page` and `offset`: far beyond any pemda's data, well inside a 64-bit OFFSET (an
# unbounded page number overflows it: a 500 on SQLite and on PostgreSQL, now a 400).
MAX_PAGE = 1_000_000
MAX_OFFSET = 1_000_000_000


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value: object) -> object:
    """Pydantic also reads a number as a Unix time (`on=0` is 1970-01-01): only ISO dates pass."""
    if isinstance(value, dt.date) or (isinstance(value, str) and ISO_DATE.fullmatch(value)):
        return value
    raise PydanticCustomError("date_format", "date must be YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]
"""A date given as YYYY-MM-DD, for every date an API input takes."""


def choices_schema(enum: type[Enum], title: str) -> WithJsonSchema:
    """Document an enum field inline under its own title, with exactly the enum's values:
    `Annotated[Model.Choice, choices_schema(Model.Choice, "ModelChoice")]`.

    The API's OpenAPI components are keyed by the enum's class name, so two enums with one
    name (Delegation.Scope and the workflows' Scope) are documented as whichever came first.
    """
    values = [member.value for member in enum]
    return WithJsonSchema({"type": "string", "enum": values, "title": title})


class Pagination(PageNumberPagination):
    """ninja's page-number pagination with a bounded page number."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1)


class OfficialOut(Schema):
    """Someone who may do what was refused instead."""

    name: str
    position: str


class ErrorOut(Schema):
    """Every error: a stable code, a translated message, the pack rule and its citation; where
    someone else may do it, who (`instead`) and what to do next (`next_step`), present only
    then."""

    code: str = Field(examples=["rule_violation"])
    message: str
    rule: str = Field(examples=["V-38"])
    citation: str = Field(examples=["Perwali Surakarta 32/2023 Pasal 15 ayat (5)"])
    fields: dict[str, str]
    instead: list[OfficialOut] = Field(default_factory=list)
    next_step: str = ""


READ_ERRORS: dict[int, Any] = dict.fromkeys((400, 401, 403, 404), ErrorOut)
WRITE_ERRORS: dict[int, Any] = dict.fromkeys((400, 401, 403, 404, 409, 413, 422), ErrorOut)


def read_answers(schema: Any) -> dict[int, Any]:
    """The documented answers of a read: the schema, or the shared error shape."""
    return {200: schema, **READ_ERRORS}


def write_answers(status: int, schema: Any) -> dict[int, Any]:
    """The documented answers of a write: the written object, or the shared error shape."""
    return {status: schema, **WRITE_ERRORS}
