"""Rows of a fixed statement as model instances, for the reads every request makes.

Building a query through the ORM costs more than running it for the few reads every request
repeats (the session's user, the caller's account; bench/README.md, "Hot paths"). Those reads
are written out once as SQL over a model's concrete columns (`columns`), and their rows become
model instances with the database's own converters (`instance`), as the ORM would make them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.db.models.sql import Query

M = TypeVar("M", bound=Model)


def columns(model: type[Model], alias: str, connection: BaseDatabaseWrapper) -> str:
    """The model's concrete columns for a SELECT list, qualified by the table's `alias`."""
    quote = connection.ops.quote_name
    return ", ".join(f"{alias}.{quote(str(field.column))}" for field in model._meta.concrete_fields)


def width(model: type[Model]) -> int:
    """How many values of a row `columns` gives for the model."""
    return len(model._meta.concrete_fields)


def instance(model: type[M], values: Sequence[Any], connection: BaseDatabaseWrapper) -> M:
    """The model instance of a row's values for `columns(model)`, as the ORM would load it."""
    return loader(model, connection)(values)


def loader(model: type[M], connection: BaseDatabaseWrapper) -> Callable[[Sequence[Any]], M]:
    """`instance` for many rows of one statement: the converters are looked up once."""
    fields = model._meta.concrete_fields
    table = model._meta.db_table
    compiler = connection.ops.compiler("SQLCompiler")(Query(model), connection, connection.alias)
    converters = compiler.get_converters([field.get_col(table) for field in fields])
    names = [field.attname for field in fields]

    def load(values: Sequence[Any]) -> M:
        row = list(values)
        if converters:
            row = list(next(iter(compiler.apply_converters([row], converters))))
        return model.from_db(connection.alias, names, row)

    return load
