"""Django's database sessions, read with one written-out statement.

Every page and download reads its session first. Django's store builds that read through the
ORM on every request, which cost more than running it (bench/README.md, "Hot paths"); this
store runs the same SELECT (the key, not expired) as a fixed statement on the same table and
leaves everything else (saving, expiry, flushing, the cookie) to Django's store. Sessions
written before keep working: the table and the encoding are Django's.
"""

from __future__ import annotations

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import connections, router
from django.utils import timezone


class SessionStore(DatabaseSessionStore):
    """Django's database session store with a cheaper read (SESSION_ENGINE)."""

    def _get_session_from_db(self) -> AbstractBaseSession | None:
        model = self.model
        connection = connections[router.db_for_read(model)]
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT session_data FROM {table}"  # noqa: S608 - the model's table
                " WHERE session_key = %s AND expire_date > %s",
                [self.session_key, now],
            )
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return model(session_key=self.session_key or "", session_data=row[0])
