"""Performance management as pure functions of pack data (SPEC §10): the predikat matrix, the
distribution curve, and which pack states a performance rule.

A regional pack states a `P-*` rule of its own (in `<id>.performance.toml`) to add to or
replace the national baseline's rule of the same id; otherwise the national baseline's rule
applies (every seed defers to PermenPANRB 6/2022: e.g. Perbup Kotim 51/2023 Pasal 14 ayat (2)).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Generic, TypeVar

from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.base import RuleParams
from sikerja.regulations.schema.enums import Strength
from sikerja.regulations.schema.performance import (
    Band,
    DistributionCurves,
    OrgLevel,
    Predikat,
    PredikatMatrix,
    Rating,
)

NATIONAL = "national"
P = TypeVar("P", bound=RuleParams)


@dataclass(frozen=True)
class StatedRule(Generic[P]):
    """A performance rule's typed parameters, with the pack that states it and its citation."""

    rule_id: str
    params: P
    pack_id: str
    citation: str
    strength: Strength


def stated_rule(pack: LoadedPack, rule_id: str, model: type[P]) -> StatedRule[P]:
    """The rule as the government's pack states it, else as the national baseline does.

    Raises UnknownRule when neither states it with parameters of `model`.
    """
    stating = pack if pack.has_rule(rule_id) else load_pack(NATIONAL)
    params = stating.rule_params(rule_id, model)
    return StatedRule(
        rule_id, params, stating.id, stating.cite_rule(rule_id), stating.strength(rule_id)
    )


def predikat_of(matrix: PredikatMatrix, *, result: Rating, behaviour: Rating) -> Predikat:
    """The predikat of a rating of work results and a rating of work behaviour (SPEC §10.2)."""
    return matrix.predikat_of(result, behaviour)


@dataclass(frozen=True)
class CurveBreach:
    """One clause of a unit's curve its employees' predikat do not keep."""

    level: OrgLevel
    band_index: int
    predikat: tuple[Predikat, ...]
    clause: str
    limit: Fraction | int
    count: int
    total: int


def _clauses(band: Band, count: int, total: int, counts: Counter[Predikat]) -> list[str]:
    """The clauses of one band that do not hold; shares compared exactly, as fractions."""
    share = Fraction(count, total)
    broken = []
    if band.min is not None and share < Fraction(band.min):
        broken.append("min")
    if band.max is not None and share > Fraction(band.max):
        broken.append("max")
    if band.min_count is not None and count < band.min_count:
        broken.append("min_count")
    if band.largest_group and any(n > count for p, n in counts.items() if p not in band.predikat):
        broken.append("largest_group")
    return broken


def _limit(band: Band, clause: str, count: int) -> Fraction | int:
    if clause == "min":
        return Fraction(band.min or 0)
    if clause == "max":
        return Fraction(band.max or 0)
    if clause == "min_count":
        return band.min_count or 0
    return count


def curve_breaches(
    curves: DistributionCurves, level: OrgLevel, predikat: Iterable[Predikat]
) -> list[CurveBreach]:
    """Every clause of the level's curve the given predikat break (SPEC §10.3); none for an
    empty unit (there is no distribution to keep)."""
    return curve_breaches_counted(curves, level, Counter(predikat))


def curve_breaches_counted(
    curves: DistributionCurves, level: OrgLevel, counts: Counter[Predikat]
) -> list[CurveBreach]:
    """`curve_breaches` over the number of employees per predikat (a unit of thousands is not
    expanded to one entry per employee)."""
    total = sum(counts.values())
    if total == 0:
        return []
    breaches: list[CurveBreach] = []
    for index, band in enumerate(curves.curves[level]):
        count = sum(counts[p] for p in set(band.predikat))
        breaches.extend(
            CurveBreach(
                level, index, band.predikat, clause, _limit(band, clause, count), count, total
            )
            for clause in _clauses(band, count, total, counts)
        )
    return breaches
