"""The floors every scenario is compared with, measured in the same process and run:

- raw_sql_pk: one `SELECT … FROM organization_employee WHERE id = %s` through Django's cursor;
- wsgi_hello: a bare WSGI callable answering "hello", called with a minimal environ;
- django_hello: a view answering "hello" through Django's WSGIHandler and the project's real
  middleware (settings.MIDDLEWARE), with a one-route URLconf from bench/hello_urls.py;
- django_hello_x4: the same under the threaded load used for the HTTP endpoints.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test.utils import override_settings
from hello_wsgi import application as wsgi_hello
from measure import Stat, load, queries_per_call, timed
from wsgi_client import Caller, call

RAW_SQL = "SELECT id, nip, name FROM organization_employee WHERE id = %s"
HELLO_URLCONF = "hello_urls"


def raw_sql_pk(employee_id: int) -> object:
    with connection.cursor() as cursor:
        cursor.execute(RAW_SQL, [employee_id])
        return cursor.fetchone()


def measure(employee_ids: Sequence[int], *, n: int, threads: int, load_n: int) -> list[Stat]:
    """The floors over n calls each (raw SQL over the given employee ids)."""
    ids = list(employee_ids[:n])
    stats = [
        Stat(
            "floor",
            "raw_sql_pk",
            timed(raw_sql_pk, ids),
            queries=queries_per_call(raw_sql_pk, ids[:50]),
        ),
        Stat("floor", "wsgi_hello", timed(lambda _: call(wsgi_hello, "/"), range(n))),
    ]
    with override_settings(ROOT_URLCONF=HELLO_URLCONF):
        hello = Caller(WSGIHandler())
        paths = ["/hello/"] * n
        stats.append(
            Stat(
                "floor",
                "django_hello",
                timed(hello, paths),
                queries=queries_per_call(hello, paths[:20]),
                floor="wsgi_hello",
            )
        )
        under_load = load(hello, ["/hello/"] * load_n, threads=threads, warm=False)
        stats.append(
            Stat(
                "floor",
                f"django_hello x{threads}",
                under_load.samples,
                floor="django_hello",
                note=f"{threads} thr, {load_n} req, {under_load.throughput:,.0f} req/s",
                extra={"throughput_rps": under_load.throughput, "errors": under_load.errors},
            )
        )
    return stats
