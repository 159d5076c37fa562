"""Reads of an agency's performance dashboard: per unit, the predikat of a period (counts and
shares, counted as the unit's curve counts them: the unit and the units below it), the unit's
organisational level, whether its curve holds (`simulator.curve_state_counted`, the sign-off's clauses),
and the progress of SKP approval and of the ratings (SPEC §10.3; issue item 8).

Five queries whatever the agency's size: the agency, its units, their levels, the ratings
grouped by unit, predikat and status, and the year's SKPs grouped by unit and status; the sums
up the unit tree are made in memory from the units' materialised paths.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count

from sikerja.organization.models import Agency, OrgUnit
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


@dataclass
class UnitRow:
    """One unit of the agency: its subtree's predikat, level, curve and progress."""

    unit_id: int
    name: str
    depth: int
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
    """An agency's units for a period, in tree order, with the curve rule they are held to."""

    agency: Agency
    period: Period
    rows: list[UnitRow]
    pack: LoadedPack

    @property
    def legend(self) -> list[tuple[str, str]]:
        return [(str(PREDIKAT_LABELS[p]), colour) for p, colour in COLOURS.items()]


def _ancestors(units: list[OrgUnit]) -> dict[int, list[int]]:
    """Each unit's own id and its ancestors' inside the agency (from the materialised path)."""
    known = {unit.pk for unit in units}
    return {
        unit.pk: [int(part) for part in unit.path.strip(".").split(".") if int(part) in known]
        for unit in units
    }


def _add_ratings(
    rows: dict[int, UnitRow], up: dict[int, list[int]], filters: dict[str, object]
) -> None:
    grouped = (
        Rating.objects.filter(**filters)
        .values_list("unit_id", "predikat", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for unit_id, predikat, status, n in grouped:
        for ancestor in up.get(unit_id, ()):
            rows[ancestor].counts[predikat] += n
            rows[ancestor].signed += n if status == Rating.Status.SIGNED else 0


def _add_skps(
    rows: dict[int, UnitRow], up: dict[int, list[int]], agency: Agency, year: int
) -> None:
    grouped = (
        Skp.objects.filter(government_id=agency.government_id, unit__agency=agency, year=year)
        .values_list("unit_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for unit_id, status, n in grouped:
        for ancestor in up.get(unit_id, ()):
            rows[ancestor].skps += n
            rows[ancestor].approved += n if status == Skp.Status.APPROVED else 0


def agency_dashboard_for(*, viewer: Viewer, agency_id: int, period: Period) -> AgencyDashboard:
    """The dashboard of an agency the viewer may open (rules.performance_agencies_visible_to):
    its units with a level set (where a curve applies), and its root and the units just below
    it with an SKP of the year in their subtree (a school district's hundreds of schools do not
    each get a row unless their level is set).

    Raises NotFound (missing or hidden alike).
    """
    agency = one_visible(rules.performance_agencies_visible_to(viewer), agency_id)
    units = list(
        OrgUnit.objects.filter(agency=agency).only("name", "path", "depth").order_by("path")
    )
    rows = {unit.pk: UnitRow(unit.pk, unit.name, unit.depth) for unit in units}
    up = _ancestors(units)
    key = {"year": period.year, "period_kind": period.kind, "period_index": period.index}
    levels = UnitLevel.objects.filter(
        government_id=agency.government_id, unit__agency=agency, **key
    ).values_list("unit_id", "level")
    for unit_id, level in levels:
        rows[unit_id].level = level
    _add_ratings(rows, up, {"government_id": agency.government_id, "unit__agency": agency, **key})
    _add_skps(rows, up, agency, period.year)
    pack = load_pack(agency.government.pack_id)
    for row in rows.values():
        if row.level is not None:
            row.breaches = curve_state_counted(pack, row.level, row.counts).messages
    top = min((unit.depth for unit in units), default=0) + 1
    shown = [
        row for row in rows.values() if row.level is not None or (row.skps and row.depth <= top)
    ]
    return AgencyDashboard(agency, period, shown, pack)
