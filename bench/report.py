"""The results: an aligned table on stdout and a JSON file with the machine's description."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from measure import Stat

COLUMNS = ("group", "scenario", "n", "p50 ms", "p95 ms", "p99 ms", "q/call", "floor", "x p50")
TAIL = ("x p95", "target", "ok", "note")


def _ms(value: float) -> str:
    if math.isnan(value):
        return "-"
    if value < 1:
        return f"{value:.3f}"
    if value < 100:
        return f"{value:.2f}"
    return f"{value:,.1f}"


def _queries(stat: Stat) -> str:
    if stat.queries is None:
        return ""
    low, high = stat.queries
    return str(low) if low == high else f"{low}-{high}"


def _ok(stat: Stat) -> str:
    return "" if stat.ok is None else ("yes" if stat.ok else "NO")


def ratios(stat: Stat, floors: dict[str, Stat]) -> tuple[float, float]:
    """(p50, p95) of the stat over those of its floor; NaN without a floor."""
    floor = floors.get(stat.floor)
    if floor is None or not stat.samples or not floor.samples:
        return math.nan, math.nan
    return stat.pct(50) / floor.pct(50), stat.pct(95) / floor.pct(95)


def _row(stat: Stat, floors: dict[str, Stat]) -> list[str]:
    by50, by95 = ratios(stat, floors)
    return [
        stat.group,
        stat.name,
        str(len(stat.samples)),
        _ms(stat.pct(50)),
        _ms(stat.pct(95)),
        _ms(stat.pct(99)),
        _queries(stat),
        stat.floor,
        "" if math.isnan(by50) else f"{by50:,.1f}",
        "" if math.isnan(by95) else f"{by95:,.1f}",
        stat.target,
        _ok(stat),
        stat.note,
    ]


def table(stats: list[Stat], floors: dict[str, Stat]) -> str:
    """Every stat as one aligned row; numbers right-aligned, the note last and unpadded."""
    header = [*COLUMNS, *TAIL]
    rows = [header] + [_row(stat, floors) for stat in stats]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    numeric = {2, 3, 4, 5, 6, 8, 9}
    lines = []
    for index, row in enumerate(rows):
        cells = [
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(row[:-1])
        ]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def as_json(stat: Stat, floors: dict[str, Stat]) -> dict[str, Any]:
    by50, by95 = ratios(stat, floors)

    def number(value: float) -> float | None:
        return None if math.isnan(value) else round(value, 4)

    return {
        "group": stat.group,
        "name": stat.name,
        "n": len(stat.samples),
        "p50_ms": number(stat.pct(50)),
        "p95_ms": number(stat.pct(95)),
        "p99_ms": number(stat.pct(99)),
        "max_ms": number(max(stat.samples)) if stat.samples else None,
        "queries_per_call": list(stat.queries) if stat.queries else None,
        "floor": stat.floor or None,
        "ratio_p50": number(by50),
        "ratio_p95": number(by95),
        "target": stat.target or None,
        "ok": stat.ok,
        "note": stat.note,
        **stat.extra,
    }


def write_json(
    path: Path, stats: list[Stat], floors: dict[str, Stat], info: dict[str, Any]
) -> None:
    body = {**info, "results": [as_json(stat, floors) for stat in stats]}
    path.write_text(json.dumps(body, indent=2, ensure_ascii=False, default=str) + "\n")
