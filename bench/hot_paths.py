"""The hot paths of issue "twice the throughput, pages that stay flat", in process, with the
product's `/hello/` (under the real middleware) as the floor measured in the same run.

    .venv/bin/python scripts/with_postgres.py -- .venv/bin/python bench/hot_paths.py
    .venv/bin/python scripts/with_postgres.py -- .venv/bin/python bench/hot_paths.py --employees 8000
    .venv/bin/python scripts/with_postgres.py -- .venv/bin/python bench/hot_paths.py --n 30 \
        --only organisasi --only employees --only pegawai --only home

Builds a demo of 1,000 employees and one of N (default 50,000) in an empty PostgreSQL database,
then, at both sizes, through Django's WSGIHandler (bench/wsgi_client.py): employee detail and
roles as the operator (Bearer token) and the roles as the demo's Kepala Dinas; the employee list
(API and page); the organisation page with the agency's root unit chosen (the largest agency),
as kept and as the first view after a change builds it (the government given a new access
stamp before each call, untimed); the penugasan inbox page of the Kepala Dinas; the home page
of the operator; and, at the small size, the letter PDF download
(typeset and stored when the letter is issued, so the first download and later ones read the
stored file, and a client that holds the ETag gets 304), with the typesetting timed alone. Every figure is also a ratio to the floor's p50, and each list
reports its growth from 1,000 to N. `--only TEXT` (repeatable) measures only the scenarios
whose name holds one of the texts, and no letters. Writes bench/results-hot-paths.json.

This is one process, one thread: it measures the cost of a request, not a server's throughput.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import random
import secrets
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=50_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--pack", default="surakarta-2023")
    parser.add_argument("--n", type=int, default=100, help="calls per scenario (100)")
    parser.add_argument("--letters", type=int, default=6, help="penugasan driven to letters (6)")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "results-hot-paths.json")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="measure only the scenarios whose name holds this text (repeatable); no letters",
    )
    return parser.parse_args()


def _configure() -> None:
    if not os.environ.get("SIKERJA_DATABASE_URL"):
        raise SystemExit("needs SIKERJA_DATABASE_URL (run through scripts/with_postgres.py)")
    os.environ["DJANGO_SETTINGS_MODULE"] = "sikerja.config.settings.base"
    os.environ["SIKERJA_SECRET_KEY"] = secrets.token_urlsafe(50)
    os.environ["SIKERJA_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    os.environ.setdefault("SIKERJA_VAR_DIR", tempfile.mkdtemp(prefix="sikerja-bench-"))
    import django

    django.setup()


class Floor:
    """The floor's p50: wall time, and the CPU time of this thread (what a request costs the
    process itself, which other jobs on a shared machine disturb far less than wall time)."""

    def __init__(self, wall: list[float], cpu: list[float]) -> None:
        from measure import percentile

        self.wall, self.cpu = percentile(wall, 50), percentile(cpu, 50)


def _stat(
    name: str,
    samples: list[float],
    queries: tuple[int, int] | None,
    floor: Floor,
    cpu: list[float] | None = None,
) -> dict:
    from measure import percentile

    p50 = percentile(samples, 50)
    stat = {
        "name": name,
        "n": len(samples),
        "p50_ms": round(p50, 3),
        "p95_ms": round(percentile(samples, 95), 3),
        "p99_ms": round(percentile(samples, 99), 3),
        "queries": list(queries) if queries else None,
        "x_floor_p50": round(p50 / floor.wall, 1),
    }
    if cpu:
        stat["cpu_p50_ms"] = round(percentile(cpu, 50), 3)
        stat["cpu_x_floor_p50"] = round(percentile(cpu, 50) / floor.cpu, 1)
    return stat


def _cpu_timed(caller: Any, paths: list[str]) -> list[float]:
    """CPU milliseconds of this thread per call (the database server's work is not in it)."""
    samples = []
    for path in paths:
        t0 = time.thread_time()
        caller(path)
        samples.append((time.thread_time() - t0) * 1000)
    return samples


def _measure(
    caller: Any, paths: list[str], n: int
) -> tuple[list[float], tuple[int, int], list[float]]:
    from measure import queries_per_call, timed

    queries = queries_per_call(caller, paths[:3])
    return timed(caller, paths[:n], warmup=3), queries, _cpu_timed(caller, paths[:n])


def _measure_cold(
    caller: Any, path: str, government_id: int, n: int
) -> tuple[list[float], tuple[int, int], list[float]]:
    """A page as the first view after a change builds it: before each call (untimed) the
    government gets a new access stamp, as every service that changes its units, positions or
    placements gives it, so the caller's scope, the kept counts and the kept page are all
    built again. Wall ms, queries (fewest, most over three calls) and CPU ms of each call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sikerja.organization.access import access_changed

    counts = []
    for _ in range(3):
        access_changed(government_id=government_id)
        with CaptureQueriesContext(connection) as ctx:
            caller(path)
        counts.append(len(ctx.captured_queries))
    wall, cpu = [], []
    for _ in range(n):
        access_changed(government_id=government_id)
        t0, c0 = time.perf_counter(), time.thread_time()
        caller(path)
        cpu.append((time.thread_time() - c0) * 1000)
        wall.append((time.perf_counter() - t0) * 1000)
    return wall, (min(counts), max(counts)), cpu


def _floor(n: int) -> Floor:
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings
    from measure import timed
    from wsgi_client import Caller

    with override_settings(ROOT_URLCONF="hello_urls"):
        hello = Caller(WSGIHandler())
        paths = ["/hello/"] * max(n, 200)
        return Floor(timed(hello, paths), _cpu_timed(hello, paths))


class Size:
    """The callers and paths of one demo government."""

    def __init__(self, result: Any, at: dt.datetime, on: dt.date) -> None:
        from django.core.handlers.wsgi import WSGIHandler
        from scenarios_org import largest_agency, session_cookie
        from wsgi_client import Caller

        from sikerja.accounts.tokens import api_token_create
        from sikerja.organization.demo import persona_key
        from sikerja.organization.models import Employee, OrgUnit, Placement

        named = {persona_key(login): e for login, e in result.personas.items()}
        users = {key: Employee.objects.get(pk=e.pk).user for key, e in named.items()}
        handler = WSGIHandler()

        def token(key: str) -> Caller:
            raw = api_token_create(user=users[key], label="bench", at=at)
            return Caller(handler, {"Authorization": f"Bearer {raw}"})

        self.operator_api = token("bkpsdm")
        self.head_api = token("kepala_dinas")
        self.operator_page = Caller(handler, {"Cookie": session_cookie(users["bkpsdm"])})
        self.head_page = Caller(handler, {"Cookie": session_cookie(users["kepala_dinas"])})
        head_agency = (
            Placement.objects.effective_on(on)
            .filter(employee=named["kepala_dinas"], position__is_head=True)
            .values_list("position__unit__agency_id", flat=True)
            .first()
        )
        in_agency = list(
            Placement.objects.effective_on(on)
            .filter(position__unit__agency_id=head_agency)
            .values_list("employee__nip", flat=True)
        )
        random.Random(1).shuffle(in_agency)
        self.nips = in_agency
        self.agency_id, self.placed = largest_agency(result.government, on)
        self.root_id = OrgUnit.objects.get(agency_id=self.agency_id, depth=0).pk
        self.government = result.government


def _scenarios(size: Size, n: int, floor: Floor, only: list[str]) -> list[dict]:
    def wanted(name: str) -> bool:
        return not only or any(part in name for part in only)

    nips = (size.nips * (n // max(1, len(size.nips)) + 1))[: n + 3]
    cases = [
        ("GET /api/v1/employees/{nip} (operator)", size.operator_api, "/api/v1/employees/{}"),
        (
            "GET /api/v1/employees/{nip}/roles (operator)",
            size.operator_api,
            "/api/v1/employees/{}/roles",
        ),
        (
            "GET /api/v1/employees/{nip}/roles (Kepala Dinas)",
            size.head_api,
            "/api/v1/employees/{}/roles",
        ),
    ]
    stats = []
    for name, caller, pattern in cases:
        if not wanted(name):
            continue
        samples, queries, cpu = _measure(caller, [pattern.format(nip) for nip in nips], n)
        stats.append(_stat(name, samples, queries, floor, cpu))
    fixed = [
        ("GET /api/v1/employees?page=1 (operator)", size.operator_api, "/api/v1/employees?page=1"),
        ("GET /api/v1/employees?page=1 (Kepala Dinas)", size.head_api, "/api/v1/employees?page=1"),
        ("GET /pegawai/ (operator)", size.operator_page, "/pegawai/"),
        ("GET /pegawai/ (Kepala Dinas)", size.head_page, "/pegawai/"),
        (
            "GET /organisasi/{id}/?unit={root} (operator, largest agency)",
            size.operator_page,
            f"/organisasi/{size.agency_id}/?unit={size.root_id}",
        ),
        ("GET /penugasan/ inbox (Kepala Dinas)", size.head_page, "/penugasan/"),
        ("GET / home (operator)", size.operator_page, "/"),
    ]
    for name, caller, path in fixed:
        if not wanted(name):
            continue
        samples, queries, cpu = _measure(caller, [path] * (n + 3), n)
        stats.append(_stat(name, samples, queries, floor, cpu))
    cold = "GET /organisasi/{id}/?unit={root} first view after a change (operator)"
    if wanted(cold):
        path = f"/organisasi/{size.agency_id}/?unit={size.root_id}"
        samples, queries, cpu = _measure_cold(size.operator_page, path, size.government.pk, n)
        stats.append(_stat(cold, samples, queries, floor, cpu))
    return stats


def _letters(
    result: Any, size: Size, count: int, at: dt.datetime, on: dt.date, floor: Floor
) -> list[dict]:
    """Letters of `count` driven penugasan, downloaded as the operator: first, stored, 304.

    Each letter's PDF is typeset when it is issued (after the deciding transaction commits), so
    the first download already reads the stored file; the render is timed here on its own."""
    from measure import percentile
    from scenarios_assign import SUBJECT, cast_for, drive, submit
    from wsgi_client import call

    from sikerja.documents.models import Letter
    from sikerja.workflows.models import WorkflowInstance

    ids, _ = submit(cast_for(result, on), count, at, on)
    for pk in ids:
        drive(pk, at, on, lambda _name, fn: fn())
    instances = WorkflowInstance.objects.filter(subject_type=SUBJECT, subject_id__in=ids)
    letters = list(
        Letter.objects.filter(workflow_instance_id__in=list(instances.values_list("pk", flat=True)))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    from measure import queries_per_call

    page = size.operator_page
    paths = [f"/surat/{pk}/pdf/" for pk in letters]
    first, stored, revalidated = [], [], []
    for pk in letters:
        path = f"/surat/{pk}/pdf/"
        t0 = time.perf_counter()
        body = page(path)
        first.append((time.perf_counter() - t0) * 1000)
        etag = f'"{hashlib.sha256(body).hexdigest()}"'
        for _ in range(10):
            t0 = time.perf_counter()
            page(path)
            stored.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            code, _body = call(page.app, path, {**page.headers, "If-None-Match": etag})
            revalidated.append((time.perf_counter() - t0) * 1000)
            if code != 304:
                raise RuntimeError(f"If-None-Match answered {code}")
    stats = [
        _stat(
            f"GET /surat/{{id}}/pdf/ first download ({len(first)} letters, stored at issue)",
            first,
            None,
            floor,
        ),
        _stat(
            "GET /surat/{id}/pdf/ stored",
            stored,
            queries_per_call(page, paths[:3]),
            floor,
            _cpu_timed(page, (paths * 10)[:50]),
        ),
        _stat("GET /surat/{id}/pdf/ If-None-Match (304)", revalidated, None, floor),
    ]
    from sikerja.documents.models import Letter as LetterModel
    from sikerja.documents.render import letter_pdf

    renders = []
    for letter in LetterModel.objects.select_related("government", "agency").filter(pk__in=letters):
        t0 = time.perf_counter()
        letter_pdf(letter)
        renders.append((time.perf_counter() - t0) * 1000)
    stats.append(
        _stat("typesetting one letter (paid once, after the issuing commit)", renders, None, floor)
    )
    stats[0]["note"] = f"read from storage (typeset at issue); p50 {percentile(first, 50):.0f} ms"
    return stats


def main() -> None:
    args = _parse()
    _configure()
    from django.db import connection
    from scenarios_build import two_demos

    started = time.perf_counter()
    small, big, at, on = two_demos(pack=args.pack, small=args.small, big=args.employees)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # what autovacuum does soon after a load, before measuring
    print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    floor = _floor(args.n)
    sizes = {"small": Size(small, at, on), "big": Size(big, at, on)}
    results: dict[str, Any] = {}
    for label, size in sizes.items():
        results[label] = _scenarios(size, args.n, floor, args.only)
        print(f"{label} measured", file=sys.stderr)
    if not args.only:
        results["letters"] = _letters(small, sizes["small"], args.letters, at, on, floor)
    floor_after = _floor(args.n)
    growth = {
        stat["name"]: round(big_stat["p50_ms"] / stat["p50_ms"], 2)
        for stat, big_stat in zip(results["small"], results["big"], strict=True)
    }
    growth_cpu = {
        stat["name"]: round(big_stat["cpu_p50_ms"] / stat["cpu_p50_ms"], 2)
        for stat, big_stat in zip(results["small"], results["big"], strict=True)
    }
    output = {
        "command": " ".join(sys.argv),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "database": connection.vendor,
            "loadavg_end": os.getloadavg(),
        },
        "employees": {"small": args.small, "big": args.employees},
        "floor_django_hello_p50_ms": {
            "before": round(floor.wall, 3),
            "after": round(floor_after.wall, 3),
        },
        "floor_django_hello_cpu_p50_ms": {
            "before": round(floor.cpu, 3),
            "after": round(floor_after.cpu, 3),
        },
        "results": results,
        "growth_p50_small_to_big": growth,
        "growth_cpu_p50_small_to_big": growth_cpu,
        "seconds": round(time.perf_counter() - started, 1),
    }
    args.output.write_text(json.dumps(output, indent=2) + "\n")
    print(
        f"floor /hello/ p50 {floor.wall:.3f} ms, CPU {floor.cpu:.3f} ms"
        f" (after: {floor_after.wall:.3f} ms, CPU {floor_after.cpu:.3f} ms)"
    )
    for label in [key for key in ("small", "big", "letters") if key in results]:
        size_n = {"small": args.small, "big": args.employees, "letters": args.small}[label]
        for stat in results[label]:
            grow = growth.get(stat["name"]) if label == "big" else None
            grow_cpu = growth_cpu.get(stat["name"]) if label == "big" else None
            cpu = (
                f" CPU {stat['cpu_p50_ms']:7.2f} x{stat['cpu_x_floor_p50']:6.1f}"
                if "cpu_p50_ms" in stat
                else ""
            )
            print(
                f"{size_n:>6} {stat['name'][:54]:54} p50 {stat['p50_ms']:8.2f} p95 {stat['p95_ms']:8.2f}"
                f" q {stat['queries']!s:8} x{stat['x_floor_p50']:6.1f}{cpu}"
                + (f" growth {grow:.2f}x, CPU {grow_cpu:.2f}x" if grow and grow_cpu else "")
            )


if __name__ == "__main__":
    main()
