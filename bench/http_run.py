"""The HTTP stage: Sikerja through gunicorn under a mixed read/write load, next to its floors.

    make bench-http   # = python scripts/with_postgres.py -- python bench/http_run.py

Builds a seeded demo pemda in an empty PostgreSQL database, then, for 2 and 4 gunicorn workers,
serves and loads with wrk (32 connections): a bare WSGI "hello" and a Django "hello" (production
settings and middleware) as the floors, then Sikerja with a read-only mix and with the mixed
read/write mix. Prints a table and writes bench/results-http.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from http_stage import (  # noqa: E402 - after the path
    BARE_WSGI,
    DJANGO_HELLO,
    SIKERJA,
    Result,
    measure,
    wrk_path,
)

HTTP_CREATED = 201
P95_TARGET_MS = 200.0  # issue target: mixed read/write p95 under 200 ms at concurrency 32


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--employees", type=int, default=5_000, help="employees of the demo (5,000)")
    add("--pack", default="surakarta-2023", help="regulation pack (surakarta-2023)")
    add("--seed", type=int, default=1, help="seed of the demo and the samples (1)")
    add("--workers", default="2,4", help="gunicorn worker counts (2,4)")
    add("--connections", type=int, default=32, help="concurrent connections (32)")
    add("--seconds", type=int, default=15, help="measured seconds per run (15)")
    add("--writes", type=int, default=10, help="percent of writes in the mixed load (10)")
    add("--output", type=Path, default=BENCH_DIR / "results-http.json", help="JSON results")
    return parser.parse_args(argv)


def environment() -> dict[str, str]:
    """The production settings' environment, shared by this process and the servers."""
    if not os.environ.get("SIKERJA_DATABASE_URL"):
        sys.exit("no database: run through scripts/with_postgres.py (make bench-http)")
    env = {
        "DJANGO_SETTINGS_MODULE": "sikerja.config.settings.prod",
        "SIKERJA_SECRET_KEY": secrets.token_urlsafe(50),
        "SIKERJA_AUDIT_KEY": secrets.token_urlsafe(32),
        "SIKERJA_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SIKERJA_SSL_REDIRECT": "false",
        "SIKERJA_LOG_LEVEL": "ERROR",  # refusals (4xx) are logged as warnings
        "SIKERJA_VAR_DIR": tempfile.mkdtemp(prefix="sikerja-bench-http-"),  # collected static
    }
    os.environ.update(env)
    return dict(os.environ)


def build(args: argparse.Namespace) -> dict[str, Any]:
    """Migrate, generate the demo, and return who and what the mixes use."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from sikerja.organization.demo import generate

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    at, on = timezone.now(), timezone.localdate()
    demo = generate(pack_id=args.pack, employees=args.employees, seed=args.seed, at=at, on=on)
    return {"demo": demo, "at": at, "on": on}


def _line(method: str, path: str, kind: str, credential: str, body: str = "") -> str:
    return "\t".join([method, path, kind, credential, body])


def accepted(bodies: list[str], token: str) -> list[str]:
    """The request bodies the API accepts (201), each tried once in a rolled-back transaction:
    a refusal (a 400 such as not_first_actor) would measure nothing."""
    from django.db import transaction
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Bearer {token}")
    kept = []
    for body in bodies:
        with transaction.atomic():
            response = client.post("/api/v1/assignments", body, content_type="application/json")
            transaction.set_rollback(True)
        if response.status_code == HTTP_CREATED:
            kept.append(body)
    return kept


def write_bodies(cast: Any, on: dt.date) -> list[str]:
    """The write's request bodies: one penugasan request for each of the first 100 candidates
    (`scenarios_assign.cast_for`), starting in a week, for three months."""
    import scenarios_assign as assign

    start, end = on + dt.timedelta(days=7), on + dt.timedelta(days=97)
    return [
        json.dumps(
            {
                **assign.CONTENT,
                "candidate_nips": [candidate.nip],
                "starts_on": start.isoformat(),
                "ends_on": end.isoformat(),
            }
        )
        for candidate in cast.candidates[:100]
    ]


def mixes(built: dict[str, Any], args: argparse.Namespace) -> dict[str, list[str]]:
    """Request lines of the read-only and mixed loads (format: bench/http_mixed.lua)."""
    import scenarios_assign as assign
    from django.db import connections
    from django.test import Client

    from sikerja.accounts.tokens import api_token_create
    from sikerja.organization.models import Employee

    demo, at, on = built["demo"], built["at"], built["on"]
    operator = Employee.objects.select_related("user").get(pk=demo.personas["bkpsdm"].pk).user
    token = api_token_create(user=operator, label="bench-http", at=at)
    browser = Client()
    browser.force_login(operator)
    cookie = f"sessionid={browser.cookies['sessionid'].value}"
    nips = list(Employee.objects.filter(government=demo.government).values_list("nip", flat=True))
    rng = random.Random(args.seed)
    reads = []
    for nip in rng.sample(nips, min(200, len(nips))):
        reads += [
            _line("GET", f"/api/v1/employees/{nip}", "bearer", token),
            _line("GET", f"/api/v1/employees/{nip}/roles", "bearer", token),
        ]
    reads += [_line("GET", "/api/v1/agencies", "bearer", token)] * 20
    reads += [_line("GET", "/api/v1/employees?page=1", "bearer", token)] * 20
    reads += [_line("GET", "/", "cookie", cookie)] * 20
    rng.shuffle(reads)
    cast = assign.cast_for(demo, on)
    # The kabid asks for people of his own PD (a request within the PD; the agency head named
    # by the cross-unit flow has no login in the demo).
    requester = api_token_create(user=cast.kabid.user, label="bench-http", at=at)
    writes = [
        _line("POST", "/api/v1/assignments", "bearer", requester, body)
        for body in accepted(write_bodies(cast, on), requester)
    ]
    if not writes and args.writes:
        sys.exit("no candidate the kabid may ask for: no write to measure")
    every = max(1, round(100 / args.writes) - 1) if args.writes else 0
    mixed = []
    for index, read in enumerate(reads):
        mixed.append(read)
        if every and index % every == every - 1:
            mixed.append(writes[(index // every) % len(writes)])
    connections.close_all()
    return {"hello": [_line("GET", "/hello/", "-", "")], "read": reads, "mixed": mixed}


def run(args: argparse.Namespace, env: dict[str, str], files: dict[str, Path]) -> list[Result]:
    results = []
    for workers in [int(w) for w in args.workers.split(",")]:
        for target, mix in (
            (BARE_WSGI, "hello"),
            (DJANGO_HELLO, "hello"),
            (SIKERJA, "read"),
            (SIKERJA, "mixed"),
        ):
            print(f"  {target.name} {mix} x{workers} …", file=sys.stderr, flush=True)
            results.append(
                measure(
                    target,
                    mix,
                    files[mix],
                    workers=workers,
                    connections=args.connections,
                    seconds=args.seconds,
                    env=env,
                )
            )
    return results


def table(results: list[Result]) -> str:
    header = f"{'target':<14}{'mix':<7}{'workers':>8}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
    header += f"{'p99 ms':>9}{'4xx':>6}{'errors':>8}  statuses"
    rows = [
        f"{r.target:<14}{r.mix:<7}{r.workers:>8}{r.rps:>9,.0f}{r.p50_ms:>9.2f}"
        f"{r.p95_ms:>9.2f}{r.p99_ms:>9.2f}{r.refused:>6}{r.errors:>8}  {r.statuses}"
        for r in results
    ]
    return "\n".join([header, "-" * len(header), *rows])


def postgres_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = str(cursor.fetchone()[0])
    connection.close()
    return version


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    env = environment()
    wrk = wrk_path()
    load_start, started, t0 = os.getloadavg(), dt.datetime.now(dt.UTC), time.perf_counter()
    print("build …", file=sys.stderr, flush=True)
    built = build(args)
    files = {}
    for name, lines in mixes(built, args).items():
        files[name] = BENCH_DIR.parent / "var" / f"bench-http-{name}.txt"
        files[name].parent.mkdir(exist_ok=True)
        files[name].write_text("\n".join(lines) + "\n")
    version = postgres_version()
    results = run(args, env, files)
    checked = [r for r in results if r.target == SIKERJA.name and r.mix == "mixed"]
    met = all(r.errors == 0 and r.p95_ms < P95_TARGET_MS for r in checked)
    print(table(results))
    print(
        f"\nN={args.employees:,} on PostgreSQL {version}, {os.cpu_count()} CPUs, "
        f"{args.connections} connections, {args.seconds} s per run; mixed = "
        f"{args.writes}% writes. Target (0 errors, mixed p95 < {P95_TARGET_MS:.0f} ms): "
        f"{'met' if met else 'NOT met'}."
    )
    body = {
        "started": started.isoformat(timespec="seconds"),
        "wall_s": round(time.perf_counter() - t0, 1),
        "loadavg_start": load_start,
        "loadavg_end": os.getloadavg(),
        "machine": {
            "cpu_count": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "database": {"vendor": "postgresql", "version": version},
            "wrk": subprocess.run(
                [wrk, "--version"], capture_output=True, text=True
            ).stdout.splitlines()[0:1],
        },
        "args": {k: str(v) for k, v in vars(args).items()},
        "mix_sizes": {name: len(path.read_text().splitlines()) for name, path in files.items()},
        "target": {"p95_ms_below": P95_TARGET_MS, "errors": 0, "met": met},
        "results": [r.as_json() for r in results],
    }
    args.output.write_text(json.dumps(body, indent=2) + "\n")
    print(f"written {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
