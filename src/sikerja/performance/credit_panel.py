"""The angka kredit panel of a JF's employee page (SPEC §10.4, P-ANGKA-KREDIT): the year's
signed ratings converted with the grade's coefficient, with the rule's citation, for a viewer
who may open the employee's SKP (`rules.skps_visible_to`). Registered with the organisation's
employee page in the app's ready(); two queries (one when there is no SKP of the year)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sikerja.organization.models import Position
from sikerja.organization.panels import Panel
from sikerja.organization.rules import Viewer
from sikerja.performance import rules
from sikerja.performance.credit import CreditSummary, credit_for_skp
from sikerja.performance.models import Rating

KEY = "performance.credit"
TEMPLATE = "performance/includes/credit_panel.html"


@dataclass(frozen=True)
class CreditLine:
    """One signed rating's angka kredit, labelled for the page."""

    period: str
    predikat: str
    months: int
    credit: Decimal


@dataclass(frozen=True)
class SkpCredit:
    """One SKP of the year (a change of position starts another) and its angka kredit."""

    skp_id: int
    position: str
    grade: str
    summary: CreditSummary
    lines: tuple[CreditLine, ...]


def _lines(summary: CreditSummary) -> tuple[CreditLine, ...]:
    kinds = dict(Rating.PeriodKind.choices)
    labels = dict(Rating.Predikat.choices)
    return tuple(
        CreditLine(
            str(kinds[row.period_kind])
            if row.period_kind == Rating.PeriodKind.ANNUAL
            else f"{kinds[row.period_kind]} {row.period_index}",
            str(labels[row.predikat]),
            row.months,
            row.credit,
        )
        for row in summary.rows
    )


def credit_panel(*, viewer: Viewer, employee_id: int, on: dt.date) -> Panel | None:
    """The employee's angka kredit of the year, None for a viewer who may not open their SKP
    or for a position without a JF grade the conversion knows."""
    skps = (
        rules.skps_visible_to(viewer, on)
        .filter(employee_id=employee_id, year=on.year)
        .select_related("position", "government")
        .prefetch_related("ratings")
        .order_by("starts_on", "pk")
    )
    grades = dict(Position.Grade.choices)
    credits = []
    for skp in skps:
        summary = credit_for_skp(skp, list(skp.ratings.all()))
        if summary.coefficient is not None:
            credits.append(
                SkpCredit(
                    skp.pk,
                    skp.position.title,
                    str(grades[summary.grade]),
                    summary,
                    _lines(summary),
                )
            )
    if not credits:
        return None
    return Panel(KEY, TEMPLATE, {"year": on.year, "credits": credits})
