"""Reads of performance records, scoped to what the viewer may see (rules.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from sikerja.core.errors import NotFound
from sikerja.organization.resolver import RoleAnswer
from sikerja.organization.rules import Viewer
from sikerja.performance import rules
from sikerja.performance.curve import CurveView, curves_for
from sikerja.performance.models import PerformanceAgreement, PkIndicator, Rating, Rhk, Skp
from sikerja.regulations.loader import load_pack


def skp_list_for(*, viewer: Viewer, on: dt.date, year: int | None = None) -> QuerySet[Skp]:
    """The SKPs the viewer may see (own, subordinates', appraised), newest first."""
    queryset = rules.skps_visible_to(viewer, on).select_related("employee", "position", "unit")
    if year is not None:
        queryset = queryset.filter(year=year)
    return queryset.order_by("-year", "employee__name", "-starts_on", "pk")


def skp_list_own(*, viewer: Viewer) -> QuerySet[Skp]:
    """The viewer's own SKPs ("SKP saya"), newest first, each with the number of feedback on
    its RHK not yet acknowledged (`unread_feedback`)."""
    if viewer.employee_id is None:
        return Skp.objects.none()
    return (
        Skp.objects.filter(government_id=viewer.government.pk, employee_id=viewer.employee_id)
        .select_related("position", "unit", "appraiser")
        .annotate(
            unread_feedback=Count("feedback", filter=Q(feedback__acknowledged_at__isnull=True))
        )
        .order_by("-year", "-starts_on", "pk")
    )


def skps_to_approve(*, viewer: Viewer, on: dt.date) -> QuerySet[Skp]:
    """Submitted SKPs whose approval step waits for the viewer (or a principal they act for)."""
    return (
        rules.skps_waiting_on(viewer, on)
        .select_related("employee", "position", "unit")
        .order_by("employee__name", "pk")
    )


def skp_get_for_view(*, viewer: Viewer, skp_id: int, on: dt.date) -> Skp:
    """One SKP the viewer may see, with its RHK, indicators and expectations.

    Raises NotFound (missing or hidden alike).
    """
    skp = (
        rules.skps_visible_to(viewer, on)
        .select_related("employee", "position", "unit", "appraiser", "government")
        .prefetch_related("rhks__indicators", "rhks__parent", "expectations", "ratings")
        .filter(pk=skp_id)
        .first()
    )
    if skp is None:
        raise NotFound()
    return skp


@dataclass(frozen=True)
class RatingPage:
    """An SKP's rating of one period as its rating form shows it: the draft or signed rating
    (if any), the curves it counts in, and whether the viewer may rate."""

    skp: Skp
    rating: Rating | None
    curves: list[CurveView]
    may_rate: bool
    appraiser: RoleAnswer
    may_set_level: bool


def rating_page_for(
    *, viewer: Viewer, skp_id: int, period_kind: str, period_index: int, on: dt.date
) -> RatingPage:
    """The rating form's data for a period of an SKP the viewer may see.

    Raises NotFound (missing or hidden alike).
    """
    skp = skp_get_for_view(viewer=viewer, skp_id=skp_id, on=on)
    rating = Rating.objects.filter(
        skp=skp, period_kind=period_kind, period_index=period_index
    ).first()
    pack = load_pack(skp.government.pack_id)
    curves = curves_for(pack, rating) if rating is not None else []
    employee_id = viewer.employee_id
    allowed, answer = (
        rules.may_rate(employee_id, skp, on) if employee_id is not None else (False, None)
    )
    if answer is None:
        answer = rules.appraiser_of_record(skp, on)
    sets_level = employee_id is not None and rules.may_set_level(
        employee_id, skp.unit_id, pack.id, on
    )
    return RatingPage(skp, rating, curves, allowed, answer, sets_level)


def skp_view(*, viewer: Viewer, skp_id: int, on: dt.date) -> Skp:
    """One SKP the viewer may see, as the API answers it. Raises NotFound."""
    return skp_get_for_view(viewer=viewer, skp_id=skp_id, on=on)


def agreement_view(*, agreement_id: int) -> PerformanceAgreement:
    """A PK just set, with its indicators and activities (for the answer of its write)."""
    return PerformanceAgreement.objects.prefetch_related("indicators", "activities").get(
        pk=agreement_id
    )


def rating_view(*, rating: Rating, curves: list[CurveView]) -> dict[str, Any]:
    """A rating with the curves it counts in, as the API answers it."""
    fields = [
        "id",
        "skp_id",
        "period_kind",
        "period_index",
        "period_start",
        "period_end",
        "result_rating",
        "behaviour_rating",
        "predikat",
        "status",
        "signed_by_id",
        "signed_at",
        "appraiser_rule",
        "appraiser_citation",
    ]
    return {
        **{name: getattr(rating, name) for name in fields},
        "curves": [
            {
                "unit_id": curve.unit_id,
                "level": curve.level.value,
                "counts": {p.value: n for p, n in curve.counts.items()},
                "breaches": curve.messages,
                "rule": curve.rule,
                "citation": curve.citation,
            }
            for curve in curves
        ],
    }


def cascade_sources(*, skp: Skp) -> list[tuple[str, str]]:
    """What a main RHK of the SKP may cascade from, as (value, label) choices: the RHK of the
    appraiser's SKP of the year ("rhk:<id>") and the indicators of the current PK its
    employee signed ("pk:<id>")."""
    rhks = Rhk.objects.filter(skp__employee=skp.appraiser, skp__year=skp.year).only("text")
    indicators = PkIndicator.objects.filter(
        agreement__head_id=skp.employee_id, agreement__year=skp.year, agreement__is_current=True
    ).only("indicator", "target")
    return [
        *((f"rhk:{r.pk}", r.text[:120]) for r in rhks),
        *((f"pk:{i.pk}", f"PK: {i.indicator} ({i.target})") for i in indicators),
    ]
