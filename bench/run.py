"""Sikerja benchmarks: every scenario next to its floors, measured in the same run.

    make bench      # = python scripts/with_postgres.py -- python bench/run.py
    python bench/run.py --sqlite /tmp/bench.sqlite3 --employees 5000

Builds a seeded demo pemda of N employees (and a second one of 1,000) in an empty database,
migrated here, then measures the floors, role resolution, the read endpoints (alone and under a
threaded load), penugasan and the XLSX import. Prints a table and writes bench/results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import secrets
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
SETTINGS = "sikerja.config.settings.base"


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--employees", type=int, default=50_000, help="employees of the big demo (50,000)")
    add("--pack", default="surakarta-2023", help="regulation pack (surakarta-2023)")
    add("--seed", type=int, default=1, help="seed of the demo and of the samples (1)")
    add("--small", type=int, default=1_000, help="employees of the small demo (1,000)")
    add("--sqlite", metavar="PATH", help="run on a new SQLite file instead of PostgreSQL")
    add("--samples", type=int, default=2_000, help="employees sampled for resolution (2,000)")
    add("--http-n", type=int, default=200, help="sequential requests per endpoint (200)")
    add("--http-budget", type=float, default=15.0, help="seconds per endpoint, alone (15)")
    add("--threads", type=int, default=4, help="threads of the load runs (4)")
    add("--load-requests", type=int, default=200, help="requests per endpoint under load (200)")
    add("--load-budget", type=float, default=12.0, help="seconds per endpoint under load (12)")
    add("--requests", type=int, default=48, help="penugasan requests at the big size (48)")
    add("--small-requests", type=int, default=10, help="penugasan requests at 1k (10)")
    add("--pdfs", type=int, default=30, help="letters rendered to PDF (30)")
    add(
        "--prepared",
        action="store_true",
        help="PostgreSQL only: server-side binding and prepared statements (prepare_threshold 5)",
    )
    add("--output", type=Path, default=BENCH_DIR / "results.json", help="JSON results file")
    return parser.parse_args(argv)


def configure(args: argparse.Namespace) -> None:
    """Environment for the settings module, before Django starts."""
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    os.environ["SIKERJA_SECRET_KEY"] = secrets.token_urlsafe(50)
    os.environ["SIKERJA_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    if args.sqlite:
        path = Path(args.sqlite).resolve()
        if path.exists():
            sys.exit(f"{path} exists; the benchmark needs a new, empty database file")
        path.parent.mkdir(parents=True, exist_ok=True)
        os.environ.pop("SIKERJA_DATABASE_URL", None)
        os.environ["SIKERJA_SQLITE_PATH"] = str(path)
    elif not os.environ.get("SIKERJA_DATABASE_URL"):
        sys.exit("no database: run through scripts/with_postgres.py (make bench) or pass --sqlite")
    sys.path.insert(0, str(BENCH_DIR))


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Phases:
    """Progress on stderr, and the seconds each phase took."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.seconds: dict[str, float] = {}

    def run(self, name: str, fn: Callable[[], Any]) -> Any:
        print(f"[{time.perf_counter() - self.start:7.1f} s] {name} …", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        value = fn()
        self.seconds[name] = round(time.perf_counter() - t0, 2)
        return value


PREPARED = {"server_side_binding": True, "prepare_threshold": 5}


def prepare_statements() -> None:
    """Switch the default connection (not yet opened) to psycopg's prepared statements: the
    settings keep Django's default (client-side binding, nothing prepared)."""
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "postgresql" or connection.connection is not None:
        sys.exit("--prepared needs PostgreSQL and a connection not yet opened")
    settings.DATABASES["default"].setdefault("OPTIONS", {}).update(PREPARED)


def database_info() -> dict[str, Any]:
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
    else:
        version = sqlite3.sqlite_version
    options = settings.DATABASES["default"].get("OPTIONS", {})
    chosen = {key: options[key] for key in PREPARED if key in options}
    return {"vendor": connection.vendor, "version": version, "options": chosen}


def machine(args: argparse.Namespace) -> dict[str, Any]:
    import django

    return {
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": database_info(),
        "employees": args.employees,
        "small_employees": args.small,
        "pack": args.pack,
        "seed": args.seed,
        "threads": args.threads,
    }


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    configure(args)
    load_start = os.getloadavg()
    started = now()
    import django

    django.setup()
    if args.prepared:
        prepare_statements()
    from pipeline import run_all

    phases = Phases()
    stats, floors, facts = run_all(args, phases)
    info = {
        "started": started,
        "finished": now(),
        "wall_s": round(time.perf_counter() - phases.start, 1),
        "loadavg_start": load_start,
        "loadavg_end": os.getloadavg(),
        "machine": machine(args),
        "facts": facts,
        "phases_s": phases.seconds,
        "args": {k: str(v) for k, v in vars(args).items()},
    }
    from report import table, write_json

    print(table(stats, floors))
    print(
        f"\nN={args.employees:,} on {info['machine']['database']['vendor']} "
        f"{info['machine']['database']['version']}, {os.cpu_count()} CPUs, "
        f"load average {load_start[0]:.2f} at start, {info['loadavg_end'][0]:.2f} at end, "
        f"{info['wall_s']} s in all. Ratios: p50 (x p50) and p95 (x p95) over the floor's."
    )
    write_json(args.output, stats, floors, info)
    print(f"written {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
