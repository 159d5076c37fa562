"""Health endpoints for the load balancer and the orchestrator: no login, no personal data.

- `/healthz` (liveness): the process answers; touches no database, so a database outage does
  not get every worker restarted.
- `/readyz` (readiness): the database answers and every migration on disk is applied; 503
  otherwise, so a server started before `migrate` (or on a lost database) gets no traffic.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

HTTP_SERVICE_UNAVAILABLE = 503


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process is up."""
    del request
    return JsonResponse({"status": "ok"})


def unapplied_migrations() -> int:
    """How many migrations on disk the database has not applied (a query on the migration
    table; raises DatabaseError when the database does not answer)."""
    executor = MigrationExecutor(connection)
    targets = executor.loader.graph.leaf_nodes()
    return len(executor.migration_plan(targets))


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: the database answers and has no unapplied migration; 503 otherwise."""
    del request
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        pending = unapplied_migrations()
    except DatabaseError:
        logger.exception("readiness: the database does not answer")
        return JsonResponse(
            {"status": "unavailable", "database": "unreachable"}, status=HTTP_SERVICE_UNAVAILABLE
        )
    if pending:
        return JsonResponse(
            {"status": "unavailable", "database": "ok", "unapplied_migrations": pending},
            status=HTTP_SERVICE_UNAVAILABLE,
        )
    return JsonResponse({"status": "ok", "database": "ok", "unapplied_migrations": 0})
