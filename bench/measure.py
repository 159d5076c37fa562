"""Timing primitives: samples in milliseconds, nearest-rank percentiles, queries per call, and a
threaded load where every thread has its own database connection (Django's are per thread).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, connections, reset_queries
from django.test.utils import CaptureQueriesContext


@dataclass
class Stat:
    """One measured scenario: samples (ms) and what they are compared with."""

    group: str
    name: str
    samples: list[float]
    queries: tuple[int, int] | None = None  # fewest and most queries seen per call
    floor: str = ""  # name of the floor the ratio is taken against
    target: str = ""
    ok: bool | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def pct(self, p: float) -> float:
        return percentile(self.samples, p)


def percentile(samples: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100); NaN for no samples."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def timed(
    fn: Callable[[Any], object],
    args: Iterable[Any],
    *,
    budget_s: float = math.inf,
    min_n: int = 10,
    warmup: int = 3,
) -> list[float]:
    """Call fn(arg) for each arg, returning the durations in ms; stop early past the budget
    (after at least min_n calls). The first `warmup` args are also called once untimed."""
    items = list(args)
    for arg in items[:warmup]:
        fn(arg)
    samples: list[float] = []
    start = time.perf_counter()
    for arg in items:
        t0 = time.perf_counter()
        fn(arg)
        samples.append((time.perf_counter() - t0) * 1000)
        if len(samples) >= min_n and time.perf_counter() - start > budget_s:
            break
    return samples


def once(fn: Callable[[], Any]) -> tuple[Any, float]:
    """(fn(), duration in ms)."""
    t0 = time.perf_counter()
    value = fn()
    return value, (time.perf_counter() - t0) * 1000


def queries_per_call(fn: Callable[[Any], object], args: Iterable[Any]) -> tuple[int, int]:
    """Fewest and most queries one call makes over the args (CaptureQueriesContext)."""
    counts = []
    for arg in args:
        reset_queries()  # the WSGI handler resets the log at request start; begin it empty
        with CaptureQueriesContext(connection) as ctx:
            fn(arg)
        counts.append(len(ctx.captured_queries))
    return (min(counts), max(counts)) if counts else (0, 0)


@dataclass
class LoadResult:
    samples: list[float]
    wall_s: float
    errors: int
    first_error: str = ""

    @property
    def throughput(self) -> float:
        return len(self.samples) / self.wall_s if self.wall_s else math.nan


def load(
    fn: Callable[[Any], object], args: Sequence[Any], *, threads: int, warm: bool = True
) -> LoadResult:
    """Split args round-robin over `threads` threads started together; time every call.

    Each thread opens its own database connection before the start (and, with `warm`, makes
    one untimed call with its first arg), and closes the connection at the end.
    """
    shares = [list(args[i::threads]) for i in range(threads)]
    results: list[list[float]] = [[] for _ in range(threads)]
    errors = [0] * threads
    messages: list[str] = []
    barrier = threading.Barrier(threads + 1)

    def work(index: int) -> None:
        try:
            try:
                connection.ensure_connection()
                if warm and shares[index]:
                    fn(shares[index][0])
            finally:
                barrier.wait()
            for arg in shares[index]:
                t0 = time.perf_counter()
                try:
                    fn(arg)
                except Exception as exc:  # counted and reported, the run goes on
                    errors[index] += 1
                    messages.append(f"{type(exc).__name__}: {exc}")
                    continue
                results[index].append((time.perf_counter() - t0) * 1000)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    barrier.wait()
    start = time.perf_counter()
    for worker in workers:
        worker.join()
    wall = time.perf_counter() - start
    samples = [s for share in results for s in share]
    return LoadResult(samples, wall, sum(errors), messages[0] if messages else "")
