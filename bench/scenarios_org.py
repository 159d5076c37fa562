"""Organisation scenarios: role resolution, and the read endpoints through the WSGI handler,
one at a time and under a threaded load."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.handlers.wsgi import WSGIHandler
from django.db.models import Count
from django.test import Client
from measure import Stat, load, queries_per_call, timed
from wsgi_client import Caller

from sikerja.accounts.tokens import api_token_create
from sikerja.organization.models import Employee, Government, Placement
from sikerja.organization.resolver import Resolver
from sikerja.regulations.loader import load_pack

APPRAISER_P95_MS = 1.0  # issue target: one query and p95 <= 1 ms


@dataclass(frozen=True)
class Endpoint:
    name: str
    paths: list[str]
    caller: Caller


def largest_agency(government: Government, on: dt.date) -> tuple[int, int]:
    """(agency id, current placements) of the agency with the most people placed on the day."""
    row = (
        Placement.objects.effective_on(on)
        .filter(government=government)
        .values("position__unit__agency_id")
        .annotate(n=Count("id"))
        .order_by("-n", "position__unit__agency_id")
        .first()
    )
    if row is None:
        raise RuntimeError("the demo government has no placements")
    return row["position__unit__agency_id"], row["n"]


def resolver(pack: str, employee_ids: Sequence[int], on: dt.date) -> list[Stat]:
    """Appraiser, unit head and roles_for over the sampled employees (queries per call too)."""
    roles = Resolver(load_pack(pack))
    ids = list(employee_ids)
    stats = []
    calls: list[tuple[str, Callable[[int], object], int, str]] = [
        (
            "Resolver.appraiser",
            lambda pk: roles.appraiser(pk, on),
            len(ids),
            "1 query, p95 <= 1 ms",
        ),
        ("Resolver.unit_head", lambda pk: roles.unit_head(pk, on), 200, ""),
        ("Resolver.roles_for", lambda pk: roles.roles_for(pk, on), 200, ""),
    ]
    for name, fn, counted, target in calls:
        stat = Stat(
            "resolver",
            name,
            timed(fn, ids),
            queries=queries_per_call(fn, ids[:counted]),
            floor="raw_sql_pk",
            target=target,
        )
        if target:
            stat.ok = stat.queries == (1, 1) and stat.pct(95) <= APPRAISER_P95_MS
        stats.append(stat)
    return stats


def session_cookie(user: AbstractBaseUser) -> str:
    """A logged-in session for the user, as the Cookie header a browser would send."""
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}"


def endpoints(
    government: Government,
    operator: AbstractBaseUser,
    employee_ids: Sequence[int],
    on: dt.date,
    at: dt.datetime,
) -> tuple[list[Endpoint], dict[str, int]]:
    """The read endpoints, called as the demo's BKPSDM operator (token for the API, session
    for the page); and facts about what they were called on."""
    agency_id, placed = largest_agency(government, on)
    nips = dict(Employee.objects.filter(pk__in=employee_ids).values_list("pk", "nip"))
    people = [nips[pk] for pk in employee_ids if pk in nips]
    handler = WSGIHandler()
    token = api_token_create(user=operator, label="bench", at=at)
    api = Caller(handler, {"Authorization": f"Bearer {token}"})
    page = Caller(handler, {"Cookie": session_cookie(operator)})
    many = len(people)
    found = [
        Endpoint(
            "GET /api/v1/agencies/{id}/tree", [f"/api/v1/agencies/{agency_id}/tree"] * many, api
        ),
        Endpoint("GET /api/v1/employees/{nip}", [f"/api/v1/employees/{n}" for n in people], api),
        Endpoint(
            "GET /api/v1/employees/{nip}/roles",
            [f"/api/v1/employees/{n}/roles" for n in people],
            api,
        ),
        Endpoint(
            "GET /api/v1/agencies/{id}/kedudukan",
            [f"/api/v1/agencies/{agency_id}/kedudukan"] * many,
            api,
        ),
        Endpoint("GET /api/v1/employees?page=1", ["/api/v1/employees?page=1"] * many, api),
        Endpoint("GET /organisasi/{id}/ (session)", [f"/organisasi/{agency_id}/"] * many, page),
    ]
    return found, {"largest_agency_id": agency_id, "largest_agency_placements": placed}


def http_sequential(found: list[Endpoint], *, n: int, budget_s: float) -> list[Stat]:
    """Each endpoint n times in a row, or fewer (at least 5) once past the time budget.

    The untimed first calls (1 for a fixed path, 3 for per-employee paths) count the queries
    and the response size, and warm up.
    """
    stats = []
    for endpoint in found:
        sizes: list[int] = []
        fixed = len(set(endpoint.paths[:3])) == 1
        queries = queries_per_call(
            lambda path, c=endpoint.caller, seen=sizes: seen.append(len(c(path))),
            endpoint.paths[: 1 if fixed else 3],
        )
        samples = timed(endpoint.caller, endpoint.paths[:n], budget_s=budget_s, min_n=5, warmup=0)
        stats.append(
            Stat(
                "http",
                endpoint.name,
                samples,
                queries=queries,
                floor="django_hello",
                note=f"{max(sizes) / 1000:,.1f} kB",
                extra={"response_bytes": max(sizes)},
            )
        )
    return stats


def load_count(p50_ms: float, *, threads: int, most: int, budget_s: float) -> int:
    """How many requests the threaded run sends: `most`, or fewer for a slow endpoint so that
    it fits the budget, at least 1 per thread; a multiple of the thread count."""
    fits = budget_s * 1000 / p50_ms if p50_ms > 0 else most
    count = max(threads, min(most, int(fits)))
    return math.ceil(count / threads) * threads


def http_load(
    found: list[Endpoint], sequential: list[Stat], *, threads: int, most: int, budget_s: float
) -> list[Stat]:
    """Each endpoint under `threads` threads sending a fixed number of requests together."""
    stats = []
    for endpoint, alone in zip(found, sequential, strict=True):
        count = load_count(alone.pct(50), threads=threads, most=most, budget_s=budget_s)
        paths = (endpoint.paths * math.ceil(count / len(endpoint.paths)))[:count]
        result = load(endpoint.caller, paths, threads=threads, warm=False)
        errors = f", {result.errors} errors ({result.first_error})" if result.errors else ""
        stats.append(
            Stat(
                "http-load",
                f"{endpoint.name} x{threads}",
                result.samples,
                floor=f"django_hello x{threads}",
                note=f"{threads} thr, {count} req, {result.throughput:,.1f} req/s{errors}",
                extra={
                    "requests": count,
                    "throughput_rps": result.throughput,
                    "wall_s": result.wall_s,
                    "errors": result.errors,
                    "sequential_rps": 1000 / alone.pct(50) if alone.pct(50) else None,
                },
            )
        )
    return stats
