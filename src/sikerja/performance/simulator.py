"""The curve simulator and the curve's chart (SPEC §10.3; issue item 6): what a unit's curve
would be if some of its employees' drafted predikat moved, as pure functions of pack data.

The clauses are checked by `checks.breaches`, the very function the sign-off's curve check uses
(through `curve.unit_curve`), so the simulator can never hold a curve the sign-off refuses.
Nothing here reads the database or writes anything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from itertools import product

from sikerja.performance import checks
from sikerja.performance.curve import LEVEL_LABELS, PREDIKAT_LABELS, describe
from sikerja.performance.models import Rating
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.performance import CurveBreach
from sikerja.regulations.schema.performance import Band, OrgLevel, Predikat

PERCENT = 100
SEPARATOR = "|"
SCALE = 3  # px per percent in the chart (300 px for 100 %)


class CitesCurve:
    """A page held to the pack's curve rule (P-DISTRIBUTION): its id and citation."""

    pack: LoadedPack

    @property
    def rule(self) -> str:
        return checks.curve_of(self.pack).rule_id

    @property
    def citation(self) -> str:
        return checks.curve_of(self.pack).citation


@dataclass(frozen=True)
class BandBar:
    """One clause group of the curve as the chart draws it: the group's share now (percent)
    and the band it must stay in (percent; `low` 0 and `high` 100 where the clause is open)."""

    label: str
    count: int
    share: float
    low: float
    high: float
    min_count: int | None
    holds: bool

    @property
    def bar_width(self) -> float:
        """The share's bar in the chart (SCALE px per percent)."""
        return round(self.share * SCALE, 1)

    @property
    def band_x(self) -> float:
        return round(self.low * SCALE, 1)

    @property
    def band_width(self) -> float:
        return round((self.high - self.low) * SCALE, 1)


@dataclass(frozen=True)
class CurveState:
    """A unit's curve for one set of predikat: counts, the clauses broken and the chart's bars."""

    level: OrgLevel
    counts: dict[Predikat, int]
    breaches: tuple[CurveBreach, ...]
    bars: tuple[BandBar, ...]

    @property
    def holds(self) -> bool:
        return not self.breaches

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def level_label(self) -> str:
        return str(LEVEL_LABELS[self.level])

    @property
    def rows(self) -> list[tuple[str, int, int]]:
        """(label, count, percent) per predikat, in the matrix's order."""
        total = self.total or 1
        return [
            (str(PREDIKAT_LABELS[p]), n, round(PERCENT * n / total)) for p, n in self.counts.items()
        ]

    @property
    def messages(self) -> list[str]:
        return [describe(breach) for breach in self.breaches]


def _bar(
    band: Band, index: int, counts: Counter[Predikat], total: int, broken: set[int]
) -> BandBar:
    count = sum(counts[p] for p in set(band.predikat))
    return BandBar(
        label=" / ".join(str(PREDIKAT_LABELS[p]) for p in band.predikat),
        count=count,
        share=float(Fraction(PERCENT * count, total or 1)),
        low=float(band.min or 0) * PERCENT,
        high=float(band.max if band.max is not None else 1) * PERCENT,
        min_count=band.min_count,
        holds=index not in broken,
    )


def curve_state(pack: LoadedPack, level: str, predikat: Iterable[str]) -> CurveState:
    """The curve of a unit at `level` whose employees hold `predikat` (one entry each)."""
    return curve_state_counted(pack, level, Counter(predikat))


def curve_state_counted(pack: LoadedPack, level: str, counted: Mapping[str, int]) -> CurveState:
    """The curve of a unit at `level` with `counted` employees per predikat."""
    counts = Counter({Predikat(p): n for p, n in counted.items()})
    breaches = tuple(checks.breaches_counted(pack, level, counted))
    broken = {breach.band_index for breach in breaches}
    bands = checks.curve_of(pack).params.curves[OrgLevel(level)]
    total = sum(counts.values())
    return CurveState(
        level=OrgLevel(level),
        counts={p: counts[p] for p in Predikat},
        breaches=breaches,
        bars=tuple(_bar(band, i, counts, total, broken) for i, band in enumerate(bands)),
    )


@dataclass(frozen=True)
class Move:
    """One employee's rating moved in the simulator: the new pair of ratings and its predikat."""

    rating_id: int
    result_rating: str
    behaviour_rating: str
    predikat: Predikat

    @property
    def label(self) -> str:
        return str(PREDIKAT_LABELS[self.predikat])


def nearest_pair(pack: LoadedPack, current: tuple[str, str], predikat: str) -> tuple[str, str]:
    """The pair of ratings the pack's matrix turns into `predikat` that changes the fewest of
    the current two, keeping the result rating before the behaviour rating where it can, and
    moving by the fewest steps (above, meets, below).

    Raises ValidationFailed for a predikat the matrix never gives.
    """
    cells = [
        (result, behaviour)
        for result, behaviour in product(Rating.Value.values, Rating.Value.values)
        if checks.predikat_for(pack, result, behaviour).value == predikat
    ]
    if not cells:
        checks.choice_check(predikat, (), "predikat")
    rank = {value: index for index, value in enumerate(Rating.Value.values)}

    def distance(cell: tuple[str, str]) -> tuple[int, bool, int]:
        changed = (cell[0] != current[0]) + (cell[1] != current[1])
        steps = abs(rank[cell[0]] - rank[current[0]]) + abs(rank[cell[1]] - rank[current[1]])
        return changed, cell[0] != current[0], steps

    return min(cells, key=distance)


def moves_of(
    pack: LoadedPack, current: Mapping[int, tuple[str, str]], asked: Mapping[int, str]
) -> list[Move]:
    """The asked ratings that differ from the current ones, with the predikat the pack's matrix
    gives them (P-PREDIKAT). Each asks a pair of ratings ("RESULT|BEHAVIOUR") or a predikat
    (its nearest pair). Ratings not on the board are ignored.

    Raises ValidationFailed for a value the matrix does not know.
    """
    moves = []
    for rating_id, value in sorted(asked.items()):
        if rating_id not in current:
            continue
        pair = pair_of(value) or nearest_pair(pack, current[rating_id], value)
        if current[rating_id] == pair:
            continue
        predikat = checks.predikat_for(pack, *pair)
        moves.append(Move(rating_id, pair[0], pair[1], predikat))
    return moves


def simulate(
    pack: LoadedPack, level: str, current: Mapping[int, str], moves: Iterable[Move]
) -> CurveState:
    """The curve if the moves were applied to the current predikat (rating id → predikat)."""
    predikat = dict(current)
    for move in moves:
        predikat[move.rating_id] = move.predikat.value
    return curve_state(pack, level, predikat.values())


def predikat_choices() -> list[tuple[str, str]]:
    """The simulator's choices: the five predikat, in the matrix's order."""
    return [(p.value, str(PREDIKAT_LABELS[p])) for p in Predikat]


def pair_of(value: str) -> tuple[str, str] | None:
    """A choice's pair of ratings ("RESULT|BEHAVIOUR"), or None for anything else."""
    result, separator, behaviour = value.partition(SEPARATOR)
    return (result, behaviour) if separator and result and behaviour else None
