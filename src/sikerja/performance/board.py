"""Reads of a unit's ratings board: every rating of a period counted in the unit's curve
(drafted and signed, in the unit and the units below it, as `curve.unit_curve` counts them), the
curve against its allowed bands, and the curve simulator's answer (SPEC §10.3; issue item 6).

A board is three queries whatever the unit's size: the unit, its level, its ratings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from django.db.models import Model, QuerySet

from sikerja.core.errors import NotFound
from sikerja.organization.models import OrgUnit
from sikerja.organization.rules import Viewer
from sikerja.performance import rules
from sikerja.performance.models import Rating, UnitLevel
from sikerja.performance.simulator import (
    CitesCurve,
    CurveState,
    Move,
    curve_state,
    moves_of,
    simulate,
)
from sikerja.regulations.loader import LoadedPack, load_pack

M = TypeVar("M", bound=Model)
RATING_FIELDS = ("pk", "result_rating", "behaviour_rating", "predikat", "status")
ROW_FIELDS = (
    "skp_id",
    "skp__employee__front_title",
    "skp__employee__name",
    "skp__employee__back_title",
    "skp__position__title",
    "unit__name",
)


class BoardRating(NamedTuple):
    """One rating on the board: what the curve needs, and what its row shows (a tuple, not a
    model instance: a board of a thousand ratings is read and drawn without building one)."""

    pk: int
    result_rating: str
    behaviour_rating: str
    predikat: str
    status: str
    skp_id: int = 0
    front_title: str = ""
    name: str = ""
    back_title: str = ""
    position: str = ""
    unit_name: str = ""

    @property
    def full_name(self) -> str:
        front = f"{self.front_title} " if self.front_title else ""
        back = f", {self.back_title}" if self.back_title else ""
        return f"{front}{self.name}{back}"


@dataclass(frozen=True)
class Period:
    """An appraisal period of a year: its kind (QUARTERLY, ANNUAL, …) and its index."""

    year: int
    kind: str
    index: int


@dataclass(frozen=True)
class UnitBoard(CitesCurve):
    """A unit's ratings of a period, its organisational level (None until set) and its curve."""

    unit: OrgUnit
    period: Period
    level: UnitLevel | None
    ratings: list[BoardRating]
    curve: CurveState | None
    pack: LoadedPack

    @property
    def pairs(self) -> dict[int, tuple[str, str]]:
        return {r.pk: (r.result_rating, r.behaviour_rating) for r in self.ratings}


def one_visible(queryset: QuerySet[M], pk: int) -> M:
    """The row of a viewer's scoped queryset, with its government. Raises NotFound."""
    found = queryset.select_related("government").filter(pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def unit_board_for(
    *, viewer: Viewer, unit_id: int, period: Period, light: bool = False
) -> UnitBoard:
    """The board of a unit the viewer may open (rules.unit_ratings_visible_to); `light` reads
    only what the curve needs of each rating (the simulator's htmx answer shows no rows).

    Raises NotFound (missing or hidden alike).
    """
    unit = one_visible(rules.unit_ratings_visible_to(viewer), unit_id)
    level = UnitLevel.objects.filter(
        unit=unit, year=period.year, period_kind=period.kind, period_index=period.index
    ).first()
    found = Rating.objects.filter(
        government_id=unit.government_id,
        unit__path__startswith=unit.path,
        year=period.year,
        period_kind=period.kind,
        period_index=period.index,
    )
    rows = (
        found.values_list(*RATING_FIELDS)
        if light
        else found.values_list(*RATING_FIELDS, *ROW_FIELDS).order_by(
            "unit__path", "skp__employee__name", "pk"
        )
    )
    ratings = [BoardRating(*row) for row in rows]
    pack = load_pack(unit.government.pack_id)
    curve = (
        curve_state(pack, level.level, (r.predikat for r in ratings)) if level is not None else None
    )
    return UnitBoard(unit, period, level, ratings, curve, pack)


@dataclass(frozen=True)
class Simulation:
    """The board with some ratings moved, and the curve they would make (nothing saved)."""

    board: UnitBoard
    moves: list[Move]
    curve: CurveState | None


def board_simulate(
    *,
    viewer: Viewer,
    unit_id: int,
    period: Period,
    asked: Mapping[int, str],
    light: bool = False,
) -> Simulation:
    """The curve of the unit if the asked ratings (rating id → a pair "RESULT|BEHAVIOUR" or a
    predikat, drafted as its nearest pair) were drafted so. Reads only.

    Raises NotFound, ValidationFailed (a rating value the matrix does not know).
    """
    board = unit_board_for(viewer=viewer, unit_id=unit_id, period=period, light=light)
    moves = moves_of(board.pack, board.pairs, asked)
    if board.level is None:
        return Simulation(board, moves, None)
    current = {r.pk: r.predikat for r in board.ratings}
    return Simulation(board, moves, simulate(board.pack, board.level.level, current, moves))
