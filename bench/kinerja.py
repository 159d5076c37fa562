"""Pengelolaan kinerja in process: the rating pages and curve of a 1,000-person agency and the
agency dashboard at N employees, with the product's `/hello/` (under the real middleware) as the
floor measured in the same run.

    .venv/bin/python scripts/with_postgres.py -- nice -n 10 .venv/bin/python bench/kinerja.py
    .venv/bin/python scripts/with_postgres.py -- .venv/bin/python bench/kinerja.py --employees 5000

Builds a demo of 1,000 employees and one of N (default 50,000) in an empty PostgreSQL database
and gives every placed employee of both an approved SKP of the year and a drafted rating of its
fourth quarter (predikat from the pack's matrix, seeded), and every agency's root unit and the
units one level below it an organisational level (bench data, written in bulk). Then, at both
sizes, as the BKPSDM operator: the unit's ratings board (`/kinerja/unit/{root}/penilaian/`, the
curve chart and simulator of every rating in the agency) of the agency closest to 1,000 people;
the curve simulator's answer for three moved ratings (`board.board_simulate`, the server side of
the htmx call); the SKP rating form with its curves; `curve.unit_curve` alone; the agency
dashboard (page and API) of that agency and of the largest one; and the dashboard's htmx answer
that opens, in the largest agency, the unit just below the root with the most children. Every figure is also a ratio to
the floor's p50, in wall time and in this thread's CPU time, and each reports its queries per
call (the same at both sizes where the page is a constant-query page). Then, at N: EXPLAIN
(ANALYZE, BUFFERS) of the largest agency's dashboard counts, and the dashboard with and without
the count indexes of performance 0007, interleaved in the same database (`--ab-rounds`). Writes
bench/results-kinerja.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import sys
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

YEAR_KIND_INDEX = ("QUARTERLY", 4)
VALUES = ("DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI")
WEIGHTS = (2, 7, 1)


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=50_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--pack", default="surakarta-2023")
    parser.add_argument("--n", type=int, default=50, help="calls per scenario (50)")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "results-kinerja.json")
    parser.add_argument(
        "--ab-rounds",
        type=int,
        default=3,
        help="rounds of the dashboard with and without its count indexes, interleaved (3; 0 skips)",
    )
    parser.add_argument(
        "--no-explain",
        action="store_true",
        help="skip EXPLAIN (ANALYZE, BUFFERS) of the largest agency's dashboard counts",
    )
    return parser.parse_args()


def seed_ratings(government: Any, on: dt.date, seed: int) -> int:
    """An approved SKP and a drafted Q4 rating for every placed employee; levels for each
    agency's root unit and the units just below it. Returns the ratings written."""
    from sikerja.organization.models import OrgUnit, Placement
    from sikerja.performance import checks
    from sikerja.performance.models import Rating, Skp, UnitLevel
    from sikerja.performance.periods import period_bounds
    from sikerja.regulations.loader import load_pack

    pack = load_pack(government.pack_id)
    rng = random.Random(seed)
    kind, index = YEAR_KIND_INDEX
    start, end = period_bounds(on.year, kind, index)
    placements = list(
        Placement.objects.effective_on(on)
        .filter(government=government, kind="DEFINITIVE")
        .select_related("position")
        .order_by("employee_id")
        .distinct()
    )
    seen: set[int] = set()
    skps = []
    for placement in placements:
        if placement.employee_id in seen:
            continue
        seen.add(placement.employee_id)
        skps.append(
            Skp(
                government=government,
                employee_id=placement.employee_id,
                position=placement.position,
                unit_id=placement.position.unit_id,
                year=on.year,
                starts_on=dt.date(on.year, 1, 1),
                ends_on=dt.date(on.year, 12, 31),
                status=Skp.Status.APPROVED,
            )
        )
    Skp.objects.bulk_create(skps, batch_size=2000)
    ratings = []
    for skp in Skp.objects.filter(government=government, year=on.year).only(
        "pk", "unit_id", "employee_id"
    ):
        result, behaviour = rng.choices(VALUES, WEIGHTS, k=2)
        ratings.append(
            Rating(
                government=government,
                skp_id=skp.pk,
                unit_id=skp.unit_id,
                year=on.year,
                period_kind=kind,
                period_index=index,
                period_start=start,
                period_end=end,
                result_rating=result,
                behaviour_rating=behaviour,
                predikat=checks.predikat_for(pack, result, behaviour).value,
                drafted_by_id=skp.employee_id,
            )
        )
    Rating.objects.bulk_create(ratings, batch_size=2000)
    setter = skps[0].employee_id
    levels = [
        UnitLevel(
            government=government,
            unit=unit,
            year=on.year,
            period_kind=kind,
            period_index=index,
            level=rng.choice(("ISTIMEWA", "BAIK", "BAIK", "BUTUH_PERBAIKAN")),
            set_by_id=setter,
            set_at=dt.datetime(on.year, 12, 1, tzinfo=dt.UTC),
        )
        for unit in OrgUnit.objects.filter(government=government, depth__lte=1)
    ]
    UnitLevel.objects.bulk_create(levels, batch_size=2000)
    return len(ratings)


def agency_near(government: Any, on: dt.date, people: int) -> tuple[int, int]:
    """(agency id, people placed) of the agency whose headcount is closest to `people`."""
    from django.db.models import Count

    from sikerja.organization.models import Placement

    rows = (
        Placement.objects.effective_on(on)
        .filter(government=government)
        .values("position__unit__agency_id")
        .annotate(n=Count("employee_id", distinct=True))
    )
    best = min(rows, key=lambda r: (abs(r["n"] - people), r["position__unit__agency_id"]))
    return best["position__unit__agency_id"], best["n"]


class Size:
    """The callers and targets of one demo government."""

    def __init__(self, result: Any, at: dt.datetime, on: dt.date) -> None:
        from django.core.handlers.wsgi import WSGIHandler
        from django.db.models import Count
        from scenarios_org import largest_agency, session_cookie
        from wsgi_client import Caller

        from sikerja.accounts.tokens import api_token_create
        from sikerja.organization.demo import persona_key
        from sikerja.organization.models import Employee, OrgUnit
        from sikerja.organization.selectors import viewer_for
        from sikerja.performance.models import Rating

        named = {persona_key(login): e for login, e in result.personas.items()}
        operator = Employee.objects.get(pk=named["bkpsdm"].pk).user
        handler = WSGIHandler()
        raw = api_token_create(user=operator, label="bench", at=at)
        self.api = Caller(handler, {"Authorization": f"Bearer {raw}"})
        self.page = Caller(handler, {"Cookie": session_cookie(operator)})
        self.htmx = Caller(handler, {"Cookie": session_cookie(operator), "HX-Request": "true"})
        self.viewer = viewer_for(operator, on)
        self.government = result.government
        self.agency_id, self.people = agency_near(result.government, on, 1_000)
        self.largest_id, self.largest_people = largest_agency(result.government, on)
        self.root_id = OrgUnit.objects.get(agency_id=self.agency_id, depth=0).pk
        self.branch_id = (
            OrgUnit.objects.filter(agency_id=self.largest_id, depth=1)
            .annotate(n=Count("children"))
            .order_by("-n", "path")
            .values_list("pk", flat=True)
            .first()
        )
        kind, index = YEAR_KIND_INDEX
        ratings = Rating.objects.filter(
            unit__agency_id=self.agency_id, period_kind=kind, period_index=index
        )
        self.ratings = ratings.count()
        first = ratings.order_by("pk").values_list("pk", "skp_id").first()
        self.moved = list(ratings.order_by("pk").values_list("pk", flat=True)[:3])
        self.rating_skp = first[1] if first else 0
        self.year = on.year


def _scenarios(size: Size, n: int, floor: Any) -> list[dict]:
    from hot_paths import _measure, _stat

    kind, index = YEAR_KIND_INDEX
    period = f"year={size.year}&period_kind={kind}&period_index={index}"
    cases = [
        (
            f"GET /kinerja/unit/{{root}}/penilaian/ board+curve ({size.ratings} ratings)",
            size.page,
            f"/kinerja/unit/{size.root_id}/penilaian/?{period}",
        ),
        (
            "GET /kinerja/skp/{id}/penilaian/ rating form with its curves",
            size.page,
            f"/kinerja/skp/{size.rating_skp}/penilaian/?period_kind={kind}&period_index={index}",
        ),
        (
            f"GET /kinerja/perangkat-daerah/{{id}}/ dashboard ({size.people}-person agency)",
            size.page,
            f"/kinerja/perangkat-daerah/{size.agency_id}/?{period}",
        ),
        (
            f"GET /kinerja/perangkat-daerah/{{id}}/ dashboard (largest, {size.largest_people})",
            size.page,
            f"/kinerja/perangkat-daerah/{size.largest_id}/?{period}",
        ),
        (
            f"GET /kinerja/perangkat-daerah/{{id}}/?unit= htmx rows of a unit (largest, {size.largest_people})",
            size.htmx,
            f"/kinerja/perangkat-daerah/{size.largest_id}/?{period}&unit={size.branch_id}",
        ),
        (
            f"GET /api/v1/performance/agencies/{{id}}/dashboard ({size.people}-person agency)",
            size.api,
            f"/api/v1/performance/agencies/{size.agency_id}/dashboard?{period}",
        ),
        (
            f"GET /api/v1/performance/agencies/{{id}}/dashboard (largest, {size.largest_people})",
            size.api,
            f"/api/v1/performance/agencies/{size.largest_id}/dashboard?{period}",
        ),
    ]
    stats = []
    for name, caller, path in cases:
        samples, queries, cpu = _measure(caller, [path] * (n + 3), n)
        stats.append(_stat(name, samples, queries, floor, cpu))
    stats.extend(_in_process(size, n, floor))
    return stats


def _in_process(size: Size, n: int, floor: Any) -> list[dict]:
    """The curve and the simulator's answer called directly (no middleware, no template)."""
    from hot_paths import _measure, _stat

    from sikerja.performance.board import Period, board_simulate
    from sikerja.performance.curve import unit_curve
    from sikerja.regulations.loader import load_pack

    kind, index = YEAR_KIND_INDEX
    pack = load_pack(size.government.pack_id)
    period = Period(size.year, kind, index)
    moves = dict.fromkeys(size.moved, "BAIK")

    def simulate(_arg: object) -> object:
        return board_simulate(
            viewer=size.viewer, unit_id=size.root_id, period=period, asked=moves, light=True
        )

    def curve(_arg: object) -> object:
        return unit_curve(pack, size.root_id, size.year, kind, index)

    stats = []
    for name, fn in (
        (f"board_simulate: 3 moves, {size.ratings} ratings (htmx answer, server side)", simulate),
        ("curve.unit_curve of the agency's root unit", curve),
    ):
        samples, queries, cpu = _measure(fn, [None] * (n + 3), n)
        stats.append(_stat(name, samples, queries, floor, cpu))
    return stats


def explain_dashboard(size: Size) -> list[dict]:
    """EXPLAIN (ANALYZE, BUFFERS) of the GROUP BY queries the largest agency's dashboard runs
    (the whole-subtree counts of ratings and SKPs and the shown children's), captured from the
    dashboard's own call so the statements are exactly the product's."""
    from django.db import connection

    from sikerja.performance.board import Period
    from sikerja.performance.dashboard import agency_dashboard_for

    kind, index = YEAR_KIND_INDEX
    captured: list[tuple[str, tuple]] = []

    def keep(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if "GROUP BY" in sql and ("performance_rating" in sql or "performance_skp" in sql):
            captured.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        agency_dashboard_for(
            viewer=size.viewer, agency_id=size.largest_id, period=Period(size.year, kind, index)
        )
    plans = []
    with connection.cursor() as cursor:
        for sql, params in captured:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
            plan = [row[0] for row in cursor.fetchall()]
            plans.append({"sql": sql[:400], "plan": plan})
    return plans


COUNT_INDEXES = ("rating_period_unit_counts", "skp_year_unit_status")  # performance 0007


def _set_count_indexes(present: bool, definitions: dict[str, str]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for name, definition in definitions.items():
            created = definition.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1)
            cursor.execute(created if present else f"DROP INDEX IF EXISTS {name}")
        cursor.execute("ANALYZE performance_rating, performance_skp")


def ab_count_indexes(size: Size, n: int, rounds: int) -> dict:
    """The dashboard with and without the count indexes of performance 0007, in the same
    database and interleaved (with, without, with, ...) so the machine's load falls on both
    alike: wall p50 / p95 of each case over all rounds, and the plans of its counts."""
    from django.db import connection
    from measure import percentile, timed

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)",
            [list(COUNT_INDEXES)],
        )
        definitions = dict(cursor.fetchall())
    if set(definitions) != set(COUNT_INDEXES):
        return {"skipped": "the count indexes are not in this database (before performance 0007)"}
    kind, index = YEAR_KIND_INDEX
    period = f"year={size.year}&period_kind={kind}&period_index={index}"
    cases = {
        f"page, largest ({size.largest_people})": (
            size.page,
            f"/kinerja/perangkat-daerah/{size.largest_id}/?{period}",
        ),
        f"API, largest ({size.largest_people})": (
            size.api,
            f"/api/v1/performance/agencies/{size.largest_id}/dashboard?{period}",
        ),
        f"page, {size.people}-person agency": (
            size.page,
            f"/kinerja/perangkat-daerah/{size.agency_id}/?{period}",
        ),
        f"API, {size.people}-person agency": (
            size.api,
            f"/api/v1/performance/agencies/{size.agency_id}/dashboard?{period}",
        ),
    }
    walls: dict[str, dict[str, list[float]]] = {"with": {}, "without": {}}
    plans: dict[str, list[dict]] = {}
    for _round in range(rounds):
        for state in ("with", "without"):
            _set_count_indexes(state == "with", definitions)
            plans.setdefault(state, explain_dashboard(size))
            for name, (caller, path) in cases.items():
                walls[state].setdefault(name, []).extend(timed(caller, [path] * n, warmup=3))
    _set_count_indexes(True, definitions)
    return {
        "rounds": rounds,
        "calls_per_round": n,
        "wall_ms": {
            state: {
                name: {
                    "p50": round(percentile(samples, 50), 2),
                    "p95": round(percentile(samples, 95), 2),
                }
                for name, samples in by_case.items()
            }
            for state, by_case in walls.items()
        },
        "plans": plans,
    }


def main() -> None:
    args = _parse()
    from hot_paths import _configure, _floor

    _configure()
    from django.db import connection
    from scenarios_build import two_demos

    started = time.perf_counter()
    load_start = os.getloadavg()
    small, big, at, on = two_demos(pack=args.pack, small=args.small, big=args.employees)
    seeded = {
        "small": seed_ratings(small.government, on, 2),
        "big": seed_ratings(big.government, on, 1),
    }
    # VACUUM, not only ANALYZE: bulk-written tables have no visibility map until (auto)vacuum
    # passes, and whether it has by the time of measuring is luck; a settled table is what a
    # government has after the first day, and index-only scans depend on it.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    built = time.perf_counter() - started
    print(f"built and rated in {built:.0f} s", file=sys.stderr)
    floor = _floor(args.n)
    sizes = {"small": Size(small, at, on), "big": Size(big, at, on)}
    results = {label: _scenarios(size, args.n, floor) for label, size in sizes.items()}
    floor_after = _floor(args.n)
    explain = [] if args.no_explain else explain_dashboard(sizes["big"])
    ab = ab_count_indexes(sizes["big"], args.n, args.ab_rounds) if args.ab_rounds else {}
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
        "ratings_seeded": seeded,
        "agencies": {
            label: {
                "near_1000": {"id": s.agency_id, "people": s.people, "ratings": s.ratings},
                "largest": {"id": s.largest_id, "people": s.largest_people},
            }
            for label, s in sizes.items()
        },
        "floor_django_hello_p50_ms": {
            "before": round(floor.wall, 3),
            "after": round(floor_after.wall, 3),
        },
        "floor_django_hello_cpu_p50_ms": {
            "before": round(floor.cpu, 3),
            "after": round(floor_after.cpu, 3),
        },
        "results": results,
        "explain_largest_dashboard": explain,
        "count_indexes_ab": ab,
        "seconds": {"build": round(built, 1), "all": round(time.perf_counter() - started, 1)},
    }
    args.output.write_text(json.dumps(output, indent=2) + "\n")
    print(
        f"floor /hello/ p50 {floor.wall:.3f} ms, CPU {floor.cpu:.3f} ms (after: {floor_after.wall:.3f}, CPU {floor_after.cpu:.3f})"
    )
    for label, stats in results.items():
        for stat in stats:
            print(
                f"{label:5} {stat['name'][:70]:70} p50 {stat['p50_ms']:8.2f} p95 {stat['p95_ms']:8.2f}"
                f" q {stat['queries']!s:8} x{stat['x_floor_p50']:7.1f} CPU x{stat.get('cpu_x_floor_p50', 0):7.1f}"
            )
    for shown in explain:
        print("\n".join(shown["plan"]), file=sys.stderr)
    for state, by_case in ab.get("wall_ms", {}).items():
        for name, stat in by_case.items():
            print(
                f"{state:7} count indexes: dashboard {name:40} p50 {stat['p50']:8.2f} p95 {stat['p95']:8.2f}"
            )


if __name__ == "__main__":
    main()
