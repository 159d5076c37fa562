"""Django's `flush`, made to work with the audit log's append-only guard on SQLite."""

from __future__ import annotations

from typing import Any

from django.core.management.commands import flush
from django.db import connections, transaction

from sikerja.audit.models import AuditChainHead, AuditEvent


class Command(flush.Command):
    """Empty the database, deleting audit chain heads before audit events on SQLite.

    On SQLite a trigger refuses to delete an audit event while its government's chain head
    exists (migration 0002), so that an ordinary DELETE cannot cut a live chain. Django's flush
    deletes tables in set order, which is random per process: whenever the event table came
    first, flush, and with it the teardown of every transactional test, would fail. This
    override, found by name before Django's own (as staticfiles overrides `runserver`),
    deletes the heads first in the same transaction. PostgreSQL flushes with TRUNCATE, which
    fires no row trigger, so there it defers to Django unchanged.
    """

    def handle(self, **options: Any) -> None:
        database = options["database"]
        connection = connections[database]
        if connection.vendor != "sqlite":
            super().handle(**options)
            return
        with transaction.atomic(using=database):
            # The tables Django's flush will empty (fewer when a test sets available_apps).
            tables = connection.introspection.django_table_names(
                only_existing=True, include_views=False
            )
            clears_audit = AuditEvent._meta.db_table in tables
            if clears_audit:
                AuditChainHead.objects.using(database).all().delete()
            super().handle(**options)
            # An interactive "no" leaves the events in place; their heads must stay too.
            if clears_audit and AuditEvent.objects.using(database).exists():
                transaction.set_rollback(True, using=database)
