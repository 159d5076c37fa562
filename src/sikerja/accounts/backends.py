"""Password logins: Django's ModelBackend, reading a session's user with one fixed statement.

Every page reads the logged-in user after the session. Django's backend builds that read
through the ORM on every request, which cost more than running it (bench/README.md, "Hot
paths"); this backend runs the same SELECT by primary key as a fixed statement, turns the row
into the user with the database's own converters, and answers as Django's does (no user, or
one that may not log in: None). Logins, permissions and the session's hash check are Django's.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.db import connections, router
from django.db.models.sql import Query


class PasswordBackend(ModelBackend):
    """Django's ModelBackend with a cheaper `get_user` (AUTHENTICATION_BACKENDS)."""

    def get_user(self, user_id: Any) -> User | None:
        model = get_user_model()
        using = router.db_for_read(model)
        connection = connections[using]
        fields = model._meta.concrete_fields
        table = model._meta.db_table
        columns = ", ".join(connection.ops.quote_name(str(field.column)) for field in fields)
        pk_field = model._meta.pk
        assert pk_field is not None  # noqa: S101 - every model has one
        pk = connection.ops.quote_name(str(pk_field.column))
        key = pk_field.get_db_prep_value(pk_field.to_python(user_id), connection)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {columns} FROM {connection.ops.quote_name(table)}"  # noqa: S608 - the model's own
                f" WHERE {pk} = %s",
                [key],
            )
            row = cursor.fetchone()
        if row is None:
            return None
        compiler = connection.ops.compiler("SQLCompiler")(Query(model), connection, using)
        converters = compiler.get_converters([field.get_col(table) for field in fields])
        values = next(iter(compiler.apply_converters([row], converters))) if converters else row
        user = model.from_db(using, [field.attname for field in fields], list(values))
        return user if self.user_can_authenticate(user) else None
