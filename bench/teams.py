"""The team pages of issue "Tim kerja" at 1,000 and N employees, in process, with the product's
`/hello/` (under the real middleware) as the floor measured in the same run.

    .venv/bin/python scripts/with_postgres.py -- .venv/bin/python bench/teams.py
    .venv/bin/python scripts/with_postgres.py -- .venv/bin/python bench/teams.py --employees 8000

Builds a demo of 1,000 employees and one of N (default 50,000) in an empty PostgreSQL database,
adds the demo's sample teams to each (`teams.demo.demo_teams`: forming, active, lead vacant, at
work with an open obstacle, reporting, completed), then, at both sizes, through Django's
WSGIHandler (bench/wsgi_client.py) with a session cookie: the team page and the team-work page
of the team at work, the teams list and the report inbox, as the team's lead (the JF Ahli Muda),
the head of its owner unit (the Kepala Dinas: sees the team as its manager, resolved in bulk)
and the Kepala Bidang (appraises the lead, receives the lead's report, is asked to decide the
obstacle). Every figure is a ratio to the floor's p50 (wall and CPU of this thread), each
scenario reports its growth from 1,000 to N, and the query count of each scenario must be the
same at both sizes: the run fails (exit 1) when one is not. Writes bench/results-teams.json.

This is one process, one thread: it measures the cost of a request, not a server's throughput.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from hot_paths import Floor, _configure, _floor, _measure, _stat  # noqa: E402

VIEWERS = ("jf_ahli_muda", "kepala_dinas", "kabid")
PAGES = (
    ("team page", "/tim-kerja/{team}/"),
    ("team-work page", "/tim-kerja/{team}/pelaksanaan/"),
    ("teams list", "/tim-kerja/"),
    ("report inbox", "/tim-kerja/laporan/"),
)


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=50_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--pack", default="surakarta-2023")
    parser.add_argument("--n", type=int, default=100, help="calls per scenario (100)")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "results-teams.json")
    return parser.parse_args()


def _callers(result: Any, at: Any, on: Any) -> tuple[dict[str, Any], int]:
    """A session caller per viewer persona, and the demo's team at work."""
    from django.core.handlers.wsgi import WSGIHandler
    from scenarios_org import session_cookie
    from wsgi_client import Caller

    from sikerja.organization.demo import persona_key
    from sikerja.organization.models import Employee
    from sikerja.teams.demo import demo_teams

    outcomes = demo_teams(government=result.government, at=at, on=on)
    states = [o.state for o in outcomes]
    if len(outcomes) != 6 or outcomes[3].team_id is None:
        raise SystemExit(f"the demo teams are not all there: {states}")
    named = {persona_key(login): e for login, e in result.personas.items()}
    handler = WSGIHandler()
    callers = {
        key: Caller(
            handler, {"Cookie": session_cookie(Employee.objects.get(pk=named[key].pk).user)}
        )
        for key in VIEWERS
    }
    return callers, outcomes[3].team_id


def _scenarios(callers: dict[str, Any], team_id: int, n: int, floor: Floor) -> list[dict]:
    stats = []
    for viewer in VIEWERS:
        for page, pattern in PAGES:
            path = pattern.format(team=team_id)
            samples, queries, cpu = _measure(callers[viewer], [path] * (n + 3), n)
            stats.append(_stat(f"{page} ({viewer})", samples, queries, floor, cpu))
    return stats


def _check_paths(callers: dict[str, Any], team_id: int) -> None:
    """Every page answers 200 for every viewer (a hidden team would answer 404)."""
    from wsgi_client import call

    for viewer, caller in callers.items():
        for _page, pattern in PAGES:
            code, _body = call(caller.app, pattern.format(team=team_id), caller.headers)
            if code != 200:
                raise SystemExit(f"{pattern} answered {code} to {viewer}")


def main() -> None:
    args = _parse()
    _configure()
    from django.db import connection
    from scenarios_build import two_demos

    started = time.perf_counter()
    small, big, at, on = two_demos(pack=args.pack, small=args.small, big=args.employees)
    built = {"small": small, "big": big}
    sizes = {label: _callers(result, at, on) for label, result in built.items()}
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # what autovacuum does soon after a load, before measuring
    print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    load_start = os.getloadavg()
    floor = _floor(args.n)
    results: dict[str, Any] = {}
    for label, (callers, team_id) in sizes.items():
        _check_paths(callers, team_id)
        results[label] = _scenarios(callers, team_id, args.n, floor)
        print(f"{label} measured", file=sys.stderr)
    floor_after = _floor(args.n)
    pairs = list(zip(results["small"], results["big"], strict=True))
    growth = {s["name"]: round(b["p50_ms"] / s["p50_ms"], 2) for s, b in pairs}
    growth_cpu = {s["name"]: round(b["cpu_p50_ms"] / s["cpu_p50_ms"], 2) for s, b in pairs}
    grown = {
        s["name"]: [s["queries"], b["queries"]] for s, b in pairs if s["queries"] != b["queries"]
    }
    output = {
        "command": " ".join(sys.argv),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "database": connection.vendor,
            "loadavg_start": load_start,
            "loadavg_end": os.getloadavg(),
        },
        "employees": {"small": args.small, "big": args.employees},
        **{
            f"floor_django_hello{suffix}_p50_ms": {"before": round(a, 3), "after": round(b, 3)}
            for suffix, a, b in (
                ("", floor.wall, floor_after.wall),
                ("_cpu", floor.cpu, floor_after.cpu),
            )
        },
        "results": results,
        "growth_p50_small_to_big": growth,
        "growth_cpu_p50_small_to_big": growth_cpu,
        "queries_constant": not grown,
        "queries_grown": grown,
        "seconds": round(time.perf_counter() - started, 1),
    }
    args.output.write_text(json.dumps(output, indent=2) + "\n")
    print(
        f"floor /hello/ p50 {floor.wall:.3f} ms, CPU {floor.cpu:.3f} ms"
        f" (after: {floor_after.wall:.3f} ms, CPU {floor_after.cpu:.3f} ms)"
    )
    for label in ("small", "big"):
        size_n = {"small": args.small, "big": args.employees}[label]
        for stat in results[label]:
            grow = f" growth {growth[stat['name']]:.2f}x" if label == "big" else ""
            print(
                f"{size_n:>6} {stat['name'][:34]:34} p50 {stat['p50_ms']:7.2f}"
                f" p95 {stat['p95_ms']:7.2f} q {stat['queries']!s:8} x{stat['x_floor_p50']:6.1f}"
                f" CPU {stat['cpu_p50_ms']:6.2f} x{stat['cpu_x_floor_p50']:6.1f}{grow}"
            )
    if grown:
        print(f"query counts grew from {args.small} to {args.employees}: {grown}", file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
