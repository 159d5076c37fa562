"""Reads of an agency's performance dashboard: per unit, the predikat of a period (counts and
shares, counted as the unit's curve counts them: the unit and the units below it), the unit's
organisational level, whether its curve holds (`simulator.curve_state_counted`, the sign-off's
clauses), and the progress of SKP approval and of the ratings (SPEC §10.3; issue item 8).

One level at a time: a unit (the agency's root unless asked) and one page of its children, so a
school district's nine hundred schools are not drawn at once; a child's own children are read
on request. The ratings and SKPs are counted in the database: the unit's whole subtree grouped
by predikat and status (a few rows whatever the agency's size), then only the shown children's
subtrees grouped by branch of the materialised path (as many rows as the page). Nine queries
(eight for the root, two fewer for a unit without children): the agency, the unit, its
ancestors, the page of children, their levels, and two GROUP BYs each of ratings and SKPs.
The counts are answered from the indexes `rating_period_unit_counts` and
`skp_year_unit_status` alone (index-only scans; bench/README.md, kinerja section).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Substr

from sikerja.core.errors import NotFound
from sikerja.organization.models import PATH_STEP, Agency, OrgUnit
from sikerja.organization.rules import Viewer
from sikerja.performance import rules
from sikerja.performance.board import Period, one_visible
from sikerja.performance.curve import LEVEL_LABELS, PREDIKAT_LABELS
from sikerja.performance.models import Rating, Skp, UnitLevel
from sikerja.performance.simulator import PERCENT, SCALE, CitesCurve, curve_state_counted
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.performance import OrgLevel, Predikat

LABELS = {p: str(label) for p, label in PREDIKAT_LABELS.items()}
COLOURS = {
    Predikat.SANGAT_BAIK: "#1b5e20",
    Predikat.BAIK: "#1f5f99",
    Predikat.BUTUH_PERBAIKAN: "#b98900",
    Predikat.KURANG: "#c05800",
    Predikat.SANGAT_KURANG: "#b3261e",
}
SEGMENT = PATH_STEP + 1  # one unit of a materialised path: its zero-padded id and a "."
PAGE = 25  # children per page
MAX_PAGE = 100


@dataclass
class UnitRow:
    """One unit of the agency: its subtree's predikat, level, curve and progress."""

    unit_id: int
    name: str
    depth: int
    children: int = 0
    level: str | None = None
    counts: Counter[str] = field(default_factory=Counter)
    signed: int = 0
    skps: int = 0
    approved: int = 0
    breaches: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def drafted(self) -> int:
        return self.total - self.signed

    @property
    def holds(self) -> bool | None:
        """Whether the curve holds; None while the unit's level is not set."""
        return None if self.level is None else not self.breaches

    @property
    def level_label(self) -> str:
        return str(LEVEL_LABELS[OrgLevel(self.level)]) if self.level else ""

    @cached_property
    def shares(self) -> list[tuple[str, str, int, float, int]]:
        """(predikat, label, count, percent, rounded percent) in the matrix's order; read once
        the counts are summed."""
        total = self.total or 1
        return [
            (
                p.value,
                LABELS[p],
                self.counts[p],
                PERCENT * self.counts[p] / total,
                round(PERCENT * self.counts[p] / total),
            )
            for p in Predikat
        ]

    @cached_property
    def segments(self) -> list[tuple[float, float, str, str]]:
        """The stacked bar of the chart: (x, width, colour, label) per predikat present."""
        x, parts = 0.0, []
        for value, label, count, share, _rounded in self.shares:
            if count:
                parts.append(
                    (round(x, 1), round(share * SCALE, 1), COLOURS[Predikat(value)], label)
                )
                x += share * SCALE
        return parts


@dataclass(frozen=True)
class AgencyDashboard(CitesCurve):
    """A unit of an agency for a period (its whole subtree counted) and one page of its
    children, in tree order, with the curve rule they are held to."""

    agency: Agency
    period: Period
    unit: UnitRow
    rows: list[UnitRow]
    trail: list[tuple[int, str]]  # the unit's ancestors in the agency, root first
    offset: int
    limit: int
    pack: LoadedPack

    @property
    def all_rows(self) -> list[UnitRow]:
        """The unit, then its children on this page (what the chart draws)."""
        return [self.unit, *self.rows]

    @property
    def more(self) -> bool:
        return self.offset + len(self.rows) < self.unit.children

    @property
    def legend(self) -> list[tuple[str, str]]:
        return [(str(PREDIKAT_LABELS[p]), colour) for p, colour in COLOURS.items()]


def _units(agency: Agency) -> QuerySet[OrgUnit]:
    return (
        OrgUnit.objects.filter(agency=agency)
        .annotate(n_children=Count("children"))
        .only("government_id", "agency_id", "name", "path", "depth")
    )


def _unit(agency: Agency, unit_id: int | None) -> OrgUnit:
    found = _units(agency).filter(Q(pk=unit_id) if unit_id is not None else Q(parent__isnull=True))
    unit = found.first()
    if unit is None:
        raise NotFound()
    return unit


def _branch(unit: OrgUnit) -> Substr:
    """The path of the unit's child whose subtree holds the row: the first SEGMENT characters
    below the unit's path."""
    return Substr(F("unit__path"), 1, len(unit.path) + SEGMENT)


def _grouped(
    queryset: QuerySet[Any], unit: OrgUnit, children: list[OrgUnit], fields: tuple[str, ...]
) -> Iterator[tuple[int | None, tuple[Any, ...]]]:
    """Counts of the unit's whole subtree grouped by `fields` (the row None: the unit), then
    of each shown child's subtree (by its id): two GROUP BY queries, the second only over the
    shown children's subtrees, so what comes back is as long as the page, not the agency."""
    scoped = queryset.filter(unit__agency_id=unit.agency_id).order_by()
    whole = scoped.filter(unit__path__startswith=unit.path)
    for counted in whole.values_list(*fields).annotate(n=Count("*")):
        yield None, counted
    if not children:
        return
    shown = Q()
    for child in children:
        shown |= Q(unit__path__startswith=child.path)
    branches = (
        scoped.filter(shown)
        .annotate(branch=_branch(unit))
        .values_list("branch", *fields)
        .annotate(n=Count("*"))
    )
    for branch, *counted in branches:
        yield int(branch[-SEGMENT:-1]), tuple(counted)


def _add_ratings(
    rows: dict[int, UnitRow], unit: OrgUnit, children: list[OrgUnit], key: dict[str, object]
) -> None:
    ratings = Rating.objects.filter(government_id=unit.government_id, **key)
    for child, (predikat, status, n) in _grouped(ratings, unit, children, ("predikat", "status")):
        row = rows[unit.pk if child is None else child]
        row.counts[predikat] += n
        row.signed += n if status == Rating.Status.SIGNED else 0


def _add_skps(rows: dict[int, UnitRow], unit: OrgUnit, children: list[OrgUnit], year: int) -> None:
    skps = Skp.objects.filter(government_id=unit.government_id, year=year)
    for child, (status, n) in _grouped(skps, unit, children, ("status",)):
        row = rows[unit.pk if child is None else child]
        row.skps += n
        row.approved += n if status == Skp.Status.APPROVED else 0


def _row(unit: OrgUnit) -> UnitRow:
    return UnitRow(unit.pk, unit.name, unit.depth, unit.n_children)  # type: ignore[attr-defined]


def _trail(unit: OrgUnit) -> list[tuple[int, str]]:
    """The unit's ancestors in its agency, root first (no query for the root)."""
    ids = [int(unit.path[i : i + PATH_STEP]) for i in range(0, len(unit.path), SEGMENT)][:-1]
    names = dict(
        OrgUnit.objects.filter(agency_id=unit.agency_id, pk__in=ids).values_list("pk", "name")
    )
    return [(pk, names[pk]) for pk in ids if pk in names]


def agency_dashboard_for(
    *,
    viewer: Viewer,
    agency_id: int,
    period: Period,
    unit_id: int | None = None,
    offset: int = 0,
    limit: int = PAGE,
) -> AgencyDashboard:
    """The dashboard of an agency the viewer may open (rules.performance_agencies_visible_to):
    a unit of it (its root unless `unit_id` names one), counted over its whole subtree, and
    the children from `offset` (at most `limit`, up to MAX_PAGE), each counted over its own.

    Raises NotFound (agency or unit missing or hidden alike).
    """
    agency = one_visible(rules.performance_agencies_visible_to(viewer), agency_id)
    unit = _unit(agency, unit_id)
    limit, offset = max(1, min(limit, MAX_PAGE)), max(0, offset)
    children = list(_units(agency).filter(parent=unit).order_by("path")[offset : offset + limit])
    rows = {unit.pk: _row(unit)} | {child.pk: _row(child) for child in children}
    key = {"year": period.year, "period_kind": period.kind, "period_index": period.index}
    levels = UnitLevel.objects.filter(
        government_id=agency.government_id, unit_id__in=list(rows), **key
    ).values_list("unit_id", "level")
    for shown_id, level in levels:
        rows[shown_id].level = level
    _add_ratings(rows, unit, children, key)
    _add_skps(rows, unit, children, period.year)
    pack = load_pack(agency.government.pack_id)
    for row in rows.values():
        if row.level is not None:
            row.breaches = curve_state_counted(pack, row.level, row.counts).messages
    shown = [rows[child.pk] for child in children]
    return AgencyDashboard(agency, period, rows[unit.pk], shown, _trail(unit), offset, limit, pack)
