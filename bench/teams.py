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
obstacle); the unit workload page (V-61, V-62) of the unit each head heads (the Kepala Dinas's
whole Dinas, the Kepala Bidang's Bidang) and the training-need proposals list; and a progress
entry with a 1 MB PDF as evidence, posted by the lead to API v1 (multipart, a bearer token).
Every figure is a ratio to the floor's p50 (wall and CPU of this thread), each
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
# The unit workload page (V-61, V-62) of the unit each head heads: the Kepala Dinas's whole
# Dinas, the Kepala Bidang's Bidang; and the training-need proposals list (V-62).
WORKLOAD_VIEWERS = ("kepala_dinas", "kabid")
WORKLOAD = "/tim-kerja/beban-kerja/{unit}/"
TRAINING_LIST = "/tim-kerja/usulan-pelatihan/"
EVIDENCE_BYTES = 1024 * 1024  # the "progress entry with a 1 MB evidence file"


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


def _units(result: Any, on: Any) -> dict[str, int]:
    """The unit each workload viewer heads on the day."""
    from sikerja.organization.demo import persona_key
    from sikerja.organization.models import Placement

    named = {persona_key(login): e for login, e in result.personas.items()}
    return {
        key: Placement.objects.effective_on(on)
        .filter(employee_id=named[key].pk, position__is_head=True)
        .values_list("position__unit_id", flat=True)
        .get()
        for key in WORKLOAD_VIEWERS
    }


class ProgressPoster:
    """POST a progress entry with a 1 MB PDF to API v1 as the team's lead (multipart, a bearer
    token), through the same WSGIHandler; a non-201 answer raises."""

    def __init__(self, result: Any, team_id: int, at: Any) -> None:
        from django.core.handlers.wsgi import WSGIHandler
        from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

        from sikerja.accounts.tokens import api_token_create
        from sikerja.organization.demo import persona_key
        from sikerja.organization.models import Employee

        named = {persona_key(login): e for login, e in result.personas.items()}
        lead = Employee.objects.get(pk=named["jf_ahli_muda"].pk).user
        self.token = api_token_create(user=lead, label="bench", at=at)
        self.app = WSGIHandler()
        self.path = f"/api/v1/teams/{team_id}/progress"
        pdf = b"%PDF-1.4\n" + b"0" * (EVIDENCE_BYTES - 16) + b"\n%%EOF\n"
        self.body = encode_multipart(
            BOUNDARY,
            {
                "summary": "Pendataan minggu ini",
                "percent_complete": "50",
                "files": _upload(pdf),
            },
        )
        self.content_type = MULTIPART_CONTENT

    def __call__(self, _path: str) -> bytes:
        import io

        from wsgi_client import environ

        env = environ(self.path, {"Authorization": f"Bearer {self.token}"})
        env.update(
            REQUEST_METHOD="POST",
            CONTENT_TYPE=self.content_type,
            CONTENT_LENGTH=str(len(self.body)),
        )
        env["wsgi.input"] = io.BytesIO(self.body)
        status: list[str] = []
        result = self.app(env, lambda line, _h, _e=None: status.append(line) or (lambda _d: None))
        try:
            body = b"".join(result)
        finally:
            result.close()
        if not status[0].startswith("201"):
            raise RuntimeError(f"POST {self.path} answered {status[0]}: {body[:300]!r}")
        return body


def _upload(content: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("bukti-1mb.pdf", content, content_type="application/pdf")


def _scenarios(size: tuple[Any, ...], n: int, floor: Floor) -> list[dict]:
    callers, team_id, units, poster = size
    stats = []
    for viewer in VIEWERS:
        for page, pattern in PAGES:
            path = pattern.format(team=team_id)
            samples, queries, cpu = _measure(callers[viewer], [path] * (n + 3), n)
            stats.append(_stat(f"{page} ({viewer})", samples, queries, floor, cpu))
    for viewer in WORKLOAD_VIEWERS:
        path = WORKLOAD.format(unit=units[viewer])
        samples, queries, cpu = _measure(callers[viewer], [path] * (n + 3), n)
        stats.append(_stat(f"workload page ({viewer})", samples, queries, floor, cpu))
    samples, queries, cpu = _measure(callers["kepala_dinas"], [TRAINING_LIST] * (n + 3), n)
    stats.append(_stat("training proposals (kepala_dinas)", samples, queries, floor, cpu))
    samples, queries, cpu = _measure(poster, ["post"] * (n + 3), n)
    stats.append(_stat("progress entry, 1 MB PDF (jf_ahli_muda)", samples, queries, floor, cpu))
    return stats


def _check_paths(size: tuple[Any, ...]) -> None:
    """Every page answers 200 for every viewer (a hidden team would answer 404)."""
    from wsgi_client import call

    callers, team_id, units, _poster = size
    wanted = [(v, p.format(team=team_id)) for v in callers for _page, p in PAGES]
    wanted += [(v, WORKLOAD.format(unit=units[v])) for v in WORKLOAD_VIEWERS]
    wanted += [("kepala_dinas", TRAINING_LIST)]
    for viewer, path in wanted:
        code, _body = call(callers[viewer].app, path, callers[viewer].headers)
        if code != 200:
            raise SystemExit(f"{path} answered {code} to {viewer}")


def main() -> None:
    args = _parse()
    _configure()
    from django.db import connection
    from scenarios_build import two_demos

    started = time.perf_counter()
    small, big, at, on = two_demos(pack=args.pack, small=args.small, big=args.employees)
    built = {"small": small, "big": big}
    sizes = {}
    for label, result in built.items():
        callers, team_id = _callers(result, at, on)
        poster = ProgressPoster(result, team_id, at)
        sizes[label] = (callers, team_id, _units(result, on), poster)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # what autovacuum does soon after a load, before measuring
    print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    load_start = os.getloadavg()
    floor = _floor(args.n)
    results: dict[str, Any] = {}
    for label, size in sizes.items():
        _check_paths(size)
        results[label] = _scenarios(size, args.n, floor)
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
