"""What one request of each kind in the HTTP mixed load costs, in process, next to the Django
hello measured in the same run: where the mix's time goes (bench/http_run.py builds the mix).

    .venv/bin/python scripts/with_postgres.py -- .venv/bin/python bench/mixed_cpu.py
    .venv/bin/python scripts/with_postgres.py -- .venv/bin/python bench/mixed_cpu.py --employees 8000

Builds the demo the HTTP stage builds (5,000 employees by default, seed 1) in an empty
PostgreSQL database under the production settings, then calls each kind of request of the mix
through Django's WSGIHandler as the BKPSDM operator (Bearer token, or session for the home page):
employee detail and roles of sampled employees, the agencies, the first page of employees, the
home page, and the write, `POST /api/v1/assignments` by the kabid persona (each one in a
transaction rolled back, so every call writes the same). For each: the CPU time of this thread
per call (p50; the database server's work is not in it), the queries per call, the ratio to the
hello's CPU, and the kind's share of the mix's CPU (its count in the mix times its cost).
Writes bench/results-mixed-cpu.json.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from http_run import build, environment  # noqa: E402 - after the path above

# Requests of each kind in one round of bench/http_run.py's mixed load: 200 sampled employees
# (detail and roles each), 20 each of the agencies, the first page and the home page, and one
# write after every 9 reads (10% writes).
MIX = {"detail": 200, "roles": 200, "agencies": 20, "employees": 20, "home": 20, "write": 51}


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=5_000)
    parser.add_argument("--pack", default="surakarta-2023")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--n", type=int, default=60, help="calls per kind (60)")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "results-mixed-cpu.json")
    return parser.parse_args()


def _environ(method: str, path: str, headers: dict[str, str], body: bytes = b"") -> dict:
    from wsgi_client import environ

    env = environ(path, {"Host": "127.0.0.1", **headers})  # one of the allowed hosts
    env.update(
        REQUEST_METHOD=method, CONTENT_LENGTH=str(len(body)), **{"wsgi.input": io.BytesIO(body)}
    )
    if body:
        env["CONTENT_TYPE"] = "application/json"
    return env


def _caller(app: Any, method: str, headers: dict[str, str]) -> Callable[[Any], int]:
    def call(item: Any) -> int:
        path, body = item if isinstance(item, tuple) else (item, b"")
        status: list[str] = []
        result = app(_environ(method, path, headers, body), lambda s, *_: status.append(s))
        b"".join(result)
        result.close()
        return int(status[0][:3])

    return call


def _cpu(fn: Callable[[Any], int], items: list[Any], n: int, expected: int) -> tuple[float, int]:
    """(CPU p50 ms, queries of one call) over n calls, each answer checked."""
    from django.db import connection
    from measure import percentile

    samples = []
    for index in range(n + 3):
        item = items[index % len(items)]
        connection.force_debug_cursor = True
        t0 = time.thread_time()
        code = fn(item)
        elapsed = (time.thread_time() - t0) * 1000
        queries = len(connection.queries_log)
        connection.force_debug_cursor = False
        if code != expected:
            raise RuntimeError(f"{item!r} answered {code}, not {expected}")
        if index >= 3:  # warm-up
            samples.append(elapsed)
    return percentile(samples, 50), queries


def _rolled_back(fn: Callable[[Any], int]) -> Callable[[Any], int]:
    from django.db import transaction

    def call(item: Any) -> int:
        with transaction.atomic():
            code = fn(item)
            transaction.set_rollback(True)
        return code

    return call


def _kinds(built: dict[str, Any], seed: int) -> dict[str, tuple[Callable[[Any], int], list, int]]:
    import scenarios_assign as assign
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import Client
    from http_run import accepted, write_bodies

    from sikerja.accounts.tokens import api_token_create
    from sikerja.organization.models import Employee

    demo, at, on = built["demo"], built["at"], built["on"]
    operator = Employee.objects.select_related("user").get(pk=demo.personas["bkpsdm"].pk).user
    token = {"Authorization": f"Bearer {api_token_create(user=operator, label='mix', at=at)}"}
    browser = Client()
    browser.force_login(operator)
    cookie = {"Cookie": f"sessionid={browser.cookies['sessionid'].value}"}
    nips = list(Employee.objects.filter(government=demo.government).values_list("nip", flat=True))
    sample = random.Random(seed).sample(nips, min(200, len(nips)))
    cast = assign.cast_for(demo, on)
    requester = api_token_create(user=cast.kabid.user, label="mix", at=at)
    bodies = accepted(write_bodies(cast, on), requester)
    writes = [("/api/v1/assignments", body.encode()) for body in bodies]
    app = WSGIHandler()
    api = _caller(app, "GET", token)
    post = _caller(app, "POST", {"Authorization": f"Bearer {requester}"})
    return {
        "detail": (api, [f"/api/v1/employees/{nip}" for nip in sample], 200),
        "roles": (api, [f"/api/v1/employees/{nip}/roles" for nip in sample], 200),
        "agencies": (api, ["/api/v1/agencies"], 200),
        "employees": (api, ["/api/v1/employees?page=1"], 200),
        "home": (_caller(app, "GET", cookie), ["/"], 200),
        "write": (_rolled_back(post), writes, 201),
    }


def _hello(n: int) -> float:
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    with override_settings(ROOT_URLCONF="hello_urls"):
        hello = _caller(WSGIHandler(), "GET", {})
        return _cpu(hello, ["/hello/"], max(n, 300), 200)[0]


def main() -> int:
    args = _parse()
    environment()
    started = time.perf_counter()
    built = build(args)
    kinds = _kinds(built, args.seed)
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    # A server closes stale connections around each request; here the writes run inside a
    # transaction that is rolled back, which that would break (the test client does the same).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    floor = _hello(args.n)
    rows = []
    for name, (fn, items, expected) in kinds.items():
        cpu, queries = _cpu(fn, items, args.n, expected)
        rows.append({"kind": name, "cpu_p50_ms": round(cpu, 3), "queries": queries})
    total = sum(row["cpu_p50_ms"] * MIX[row["kind"]] for row in rows)
    print(f"hello CPU p50 {floor:.3f} ms; mix of {sum(MIX.values())} requests per round")
    for row in rows:
        row["x_hello"] = round(row["cpu_p50_ms"] / floor, 1)
        row["share_of_mix"] = round(row["cpu_p50_ms"] * MIX[row["kind"]] / total, 3)
        print(
            f"{row['kind']:10} CPU p50 {row['cpu_p50_ms']:7.2f} ms  x{row['x_hello']:6.1f}"
            f"  queries {row['queries']:3}  {MIX[row['kind']]:4} in the mix"
            f"  {row['share_of_mix']:6.1%} of its CPU"
        )
    body = {
        "command": " ".join(sys.argv),
        "employees": args.employees,
        "loadavg_end": os.getloadavg(),
        "hello_cpu_p50_ms": round(floor, 3),
        "mix": MIX,
        "results": rows,
        "seconds": round(time.perf_counter() - started, 1),
    }
    args.output.write_text(json.dumps(body, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
