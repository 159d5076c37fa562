"""The order of a benchmark run: migrate, build, floors, scenarios, floors again."""

from __future__ import annotations

import argparse
import random
from typing import Any

import floors as floor_runs
import scenarios_assign as assign
import scenarios_build as build
import scenarios_org as org
from django.utils import timezone
from measure import Stat

from sikerja.organization.demo import DemoResult
from sikerja.organization.models import Employee


def _sample(result: DemoResult, count: int, seed: int) -> list[int]:
    ids = list(
        Employee.objects.filter(government=result.government)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return random.Random(seed).sample(ids, min(count, len(ids)))


def _floors(args: argparse.Namespace, ids: list[int]) -> list[Stat]:
    return floor_runs.measure(ids, n=len(ids), threads=args.threads, load_n=400)


def run_all(args: argparse.Namespace, phases: Any) -> tuple[list[Stat], dict[str, Stat], dict]:
    """Every scenario in order; returns the stats, the floors (by name) and facts of the run."""
    at, on = timezone.now(), timezone.localdate()
    phases.run("migrate", build.migrate)
    small, small_stat = phases.run(
        f"demo N={args.small:,}",
        lambda: build.demo(
            pack=args.pack,
            employees=args.small,
            seed=args.seed + 1,
            at=at,
            on=on,
            kode=build.SMALL_KODE,
            prefix=True,
        ),
    )
    big, big_stat = phases.run(
        f"demo N={args.employees:,}",
        lambda: build.demo(pack=args.pack, employees=args.employees, seed=args.seed, at=at, on=on),
    )
    ids = _sample(big, args.samples, args.seed)
    first = phases.run("floors", lambda: _floors(args, ids))
    floors = {stat.name: stat for stat in first}
    stats = [*first, small_stat, big_stat]
    stats += phases.run("resolver", lambda: org.resolver(args.pack, ids, on))
    operator = Employee.objects.select_related("user").get(pk=big.personas["bkpsdm"].pk).user
    endpoints, facts = org.endpoints(big.government, operator, ids[:200], on, at)
    alone = phases.run(
        "http", lambda: org.http_sequential(endpoints, n=args.http_n, budget_s=args.http_budget)
    )
    stats += alone
    stats += phases.run(
        "http under load",
        lambda: org.http_load(
            endpoints,
            alone,
            threads=args.threads,
            most=args.load_requests,
            budget_s=args.load_budget,
        ),
    )
    stats += phases.run("penugasan", lambda: _penugasan(args, small, big, at, on, facts))
    stats += phases.run(
        "xlsx import", lambda: build.xlsx_round_trip(government=big.government, at=at, on=on)
    )
    end = phases.run("floors again", lambda: _floors(args, ids))
    for stat in end:
        stat.group, stat.name, stat.floor = "floor-end", f"{stat.name} (end)", ""
    stats += end
    return stats, floors, facts


def _penugasan(
    args: argparse.Namespace,
    small: DemoResult,
    big: DemoResult,
    at: Any,
    on: Any,
    facts: dict[str, Any],
) -> list[Stat]:
    small_cast, big_cast = assign.cast_for(small, on), assign.cast_for(big, on)
    small_ids, small_submit = assign.submit(small_cast, args.small_requests, at, on)
    big_ids, big_submit = assign.submit(big_cast, args.requests, at, on)
    small_submit.name += f" @{args.small:,}"
    big_submit.name += f" @{args.employees:,}"
    facts["penugasan"] = {
        "requester_id": big_cast.requester.pk,
        "kepala_dinas_id": big_cast.kepala_dinas.pk,
        "kabid_id": big_cast.kabid.pk,
        "candidates_available": len(big_cast.candidates),
        "requests_small": len(small_ids),
        "requests_big": len(big_ids),
    }
    small_lists = assign.boxes(small_cast, on, at, f"{args.small:,}", n=50)
    big_lists = assign.boxes(big_cast, on, at, f"{args.employees:,}", n=50)
    assign.constant_queries(small_lists, big_lists)
    driven = assign.decisions(big_ids, at, on, threads=args.threads, alone=len(big_ids) // 3)
    pdf = assign.letter_pdfs(big_ids, n=args.pdfs)
    return [small_submit, big_submit, *small_lists, *big_lists, *driven, pdf]
