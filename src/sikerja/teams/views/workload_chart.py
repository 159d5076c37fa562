"""The geometry of the workload page's charts, drawn by the template as inline SVG.

Colours are presentation attributes (a strict Content-Security-Policy forbids inline styles)
from the Okabe-Ito palette, which stays distinguishable for colour-blind readers; every chart
has a data table beside it carrying the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from sikerja.teams.workload import PersonLoad, TrainingNeed
from sikerja.teams.workload_loads import LOAD_PARTS

WIDTH = 520
LABEL = 200
BAR_AREA = 280
ROW = 24
BAR = 16
TOP = 8
NAME_CHARS = 22
NEEDS_CHARTED = 15

PART_LABELS = {
    "lead_teams": _("Ketua tim"),
    "member_teams": _("Anggota tim"),
    "pengendali_teams": _("Pengendali"),
    "open_activities": _("Kegiatan terbuka"),
    "penugasan": _("Penugasan"),
}
PART_COLOURS = {
    "lead_teams": "#0072B2",
    "member_teams": "#56B4E9",
    "pengendali_teams": "#009E73",
    "open_activities": "#E69F00",
    "penugasan": "#CC79A7",
}
NEED_COLOUR = "#D55E00"


@dataclass(frozen=True)
class Segment:
    """One part of a bar."""

    x: float
    width: float
    colour: str
    label: str
    value: int


@dataclass(frozen=True)
class Bar:
    """One row of a chart: its label, its segments and its total."""

    y: int
    text_y: int
    label: str
    segments: list[Segment]
    total: int
    total_x: float
    is_over: bool


@dataclass(frozen=True)
class Marker:
    """A vertical line across the bars (the mean, the threshold)."""

    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart."""

    width: int
    height: int
    bars: list[Bar]
    markers: list[Marker]
    legend: list[tuple[str, str]]
    axis_x: int


def _short(text: str) -> str:
    return text if len(text) <= NAME_CHARS else text[: NAME_CHARS - 1] + "…"


def _scale(top: Decimal | int) -> float:
    return BAR_AREA / float(top) if top else 0.0


def load_chart(people: list[PersonLoad], mean: Decimal, limit: Decimal | None, top: int) -> Chart:
    """Each person's load as a stacked bar (teams by role, open activities, penugasan), with
    the unit's mean and, where the pack sets one (V-61), the threshold above it."""
    scale = _scale(max(top, limit or 0))
    bars = []
    for index, person in enumerate(people):
        x = float(LABEL)
        segments = []
        for part in LOAD_PARTS:
            value = getattr(person, part)
            if value:
                width = value * scale
                segments.append(
                    Segment(x, width, PART_COLOURS[part], str(PART_LABELS[part]), value)
                )
                x += width
        y = TOP + index * ROW
        bars.append(
            Bar(y, y + BAR - 3, _short(person.name), segments, person.total, x + 4, person.is_over)
        )
    markers = [Marker(LABEL + float(mean) * scale, str(_("Rata-rata")))] if mean else []
    if limit is not None:
        markers.append(Marker(LABEL + float(limit) * scale, str(_("Ambang"))))
    legend = [(PART_COLOURS[part], str(PART_LABELS[part])) for part in LOAD_PARTS]
    return Chart(WIDTH, TOP * 2 + max(len(bars), 1) * ROW, bars, markers, legend, LABEL)


def needs_chart(needs: list[TrainingNeed]) -> Chart:
    """How many people lack each competency their work asks for (V-62)."""
    shown = needs[:NEEDS_CHARTED]
    scale = _scale(max((need.people for need in shown), default=0))
    bars = []
    for index, need in enumerate(shown):
        y = TOP + index * ROW
        width = need.people * scale
        segment = Segment(float(LABEL), width, NEED_COLOUR, need.competency, need.people)
        bars.append(
            Bar(
                y,
                y + BAR - 3,
                _short(need.competency),
                [segment],
                need.people,
                LABEL + width + 4,
                False,
            )
        )
    return Chart(WIDTH, TOP * 2 + max(len(bars), 1) * ROW, bars, [], [], LABEL)
