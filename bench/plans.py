"""PostgreSQL's plans for the hot paths' queries, at the size of a large pemda.

    .venv/bin/python scripts/with_postgres.py -- .venv/bin/python bench/plans.py
    .venv/bin/python scripts/with_postgres.py -- .venv/bin/python bench/plans.py --employees 8000

Builds a demo of N employees (default 50,000) in an empty PostgreSQL database, runs ANALYZE, and
prints `EXPLAIN (ANALYZE)` of: a page of the employee list and its count for the demo's personas,
in the one-query shape (`rules.employees_visible_to`, the IN over the scope OR-ed with the
chain) and in the list's shape (`rules.employees_placed_in_scope`, an EXISTS alone, and
`rules.chain_outside_scope`). Each plan ends with its execution time; the summary lines
(`plan …`) give them side by side.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import sys
import tempfile
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

PERSONAS = ("kepala_dinas", "kabid", "subkoordinator", "sekda", "bkpsdm")
PAGE = 100


def _configure() -> None:
    if not os.environ.get("SIKERJA_DATABASE_URL"):
        raise SystemExit("needs SIKERJA_DATABASE_URL (run through scripts/with_postgres.py)")
    os.environ["DJANGO_SETTINGS_MODULE"] = "sikerja.config.settings.base"
    os.environ["SIKERJA_SECRET_KEY"] = secrets.token_urlsafe(50)
    os.environ["SIKERJA_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    os.environ.setdefault("SIKERJA_VAR_DIR", tempfile.mkdtemp(prefix="sikerja-plans-"))
    import django

    django.setup()


def explain(label: str, sql: str, params: Any) -> float:
    """Print the plan of one statement; return its execution time in milliseconds."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS OFF) " + sql, params)
        lines = [row[0] for row in cursor.fetchall()]
    print(f"== {label}\n" + "\n".join(lines) + "\n")
    found = re.search(r"Execution Time: ([0-9.]+) ms", lines[-1])
    return float(found.group(1)) if found else float("nan")


def _queryset(label: str, queryset: Any) -> float:
    sql, params = queryset.query.sql_with_params()
    return explain(label, sql, params)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=50_000)
    parser.add_argument("--pack", default="surakarta-2023")
    args = parser.parse_args()
    _configure()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from sikerja.organization import rules
    from sikerja.organization.demo import generate, persona_key
    from sikerja.organization.models import Employee
    from sikerja.organization.selectors import viewer_for

    call_command("migrate", interactive=False, verbosity=0)
    at, on = timezone.now(), timezone.localdate()
    demo = generate(pack_id=args.pack, employees=args.employees, seed=1, at=at, on=on)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    named = {persona_key(login): employee.pk for login, employee in demo.personas.items()}
    summary = []
    for persona in PERSONAS:
        viewer = viewer_for(Employee.objects.get(pk=named[persona]).user, on)
        if viewer is None:
            raise SystemExit(f"the demo's {persona} has no viewer")
        before = rules.employees_visible_to(viewer, on).order_by("name", "pk")
        placed = rules.employees_placed_in_scope(viewer, on).order_by("name", "pk")
        few = rules.chain_outside_scope(viewer, on).order_by("name", "pk")
        times = {
            "one query, page": _queryset(f"{persona}: one query, page", before[:PAGE]),
            "one query, count": _queryset(f"{persona}: one query, count", before.values("pk")),
            "EXISTS, page": _queryset(f"{persona}: EXISTS, page", placed[:PAGE]),
            "EXISTS, count": _queryset(f"{persona}: EXISTS, count", placed.values("pk")),
            "chain outside": _queryset(f"{persona}: chain outside", few)
            if viewer.chain_ids and not viewer.sees_government
            else 0.0,
        }
        summary.append(
            f"plan {persona:15} " + "  ".join(f"{k} {v:7.2f} ms" for k, v in times.items())
        )
    print("\n".join(summary))


if __name__ == "__main__":
    main()
