"""Password logins: Django's ModelBackend, reading a session's user with one fixed statement.

Every page reads the logged-in user after the session. Django's backend builds that read
through the ORM on every request, which cost more than running it (bench/README.md, "Hot
paths"); this backend runs the same SELECT by primary key as a fixed statement, turns the row
into the user with the database's own converters (`core.fixed`), and answers as Django's does
(no user, or one that may not log in: None). Logins, permissions and the session's hash check
are Django's.

Sessions made before this backend name Django's ModelBackend, which stays listed after it for
them (`settings.AUTHENTICATION_BACKENDS`); a password this backend refuses is refused outright
(PermissionDenied ends Django's round of backends), so the same check never runs twice.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import connections, router
from django.http import HttpRequest

from sikerja.core import fixed


class PasswordBackend(ModelBackend):
    """Django's ModelBackend with a cheaper `get_user` (AUTHENTICATION_BACKENDS)."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        user = super().authenticate(request, username, password, **kwargs)
        if user is None and password is not None:
            raise PermissionDenied  # Django answers None and signals the failed login
        return user

    def get_user(self, user_id: Any) -> User | None:
        model = get_user_model()
        connection = connections[router.db_for_read(model)]
        pk_field = model._meta.pk
        assert pk_field is not None  # noqa: S101 - every model has one
        key = pk_field.to_python(user_id)
        low, high = connection.ops.integer_field_range(pk_field.get_internal_type())
        if not isinstance(key, int) or not low <= key <= high:
            return None  # no such user, as the ORM answers
        table = connection.ops.quote_name(model._meta.db_table)
        pk = connection.ops.quote_name(str(pk_field.column))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {fixed.columns(model, table, connection)} FROM {table}"  # noqa: S608 - the model's own
                f" WHERE {table}.{pk} = %s",
                [key],
            )
            row = cursor.fetchone()
        if row is None:
            return None
        user = fixed.instance(model, row, connection)
        return user if self.user_can_authenticate(user) else None
