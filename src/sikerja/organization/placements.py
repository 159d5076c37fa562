"""An employee's placement on a day, the read every app needs: the definitive placement before an
acting one (`Placement.Kind` in its order), with its position, unit and agency, in a fixed number
of queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sikerja.organization.models import Placement, PlacementQuerySet


def _held_on(on: dt.date) -> PlacementQuerySet:
    return Placement.objects.effective_on(on).select_related("position__unit__agency")


def placement_on(employee_id: int, on: dt.date) -> Placement | None:
    """The employee's placement on the day, definitive first; None when they hold none (1 query)."""
    return _held_on(on).filter(employee_id=employee_id).order_by("kind").first()


def placements_on(
    *, government_id: int, employee_ids: Iterable[int], on: dt.date
) -> dict[int, Placement]:
    """Each employee's placement on the day in the government, definitive first, by employee id;
    those who hold none are left out (1 query, whatever their number)."""
    found: dict[int, Placement] = {}
    for placement in (
        _held_on(on)
        .filter(government_id=government_id, employee_id__in=list(employee_ids))
        .order_by("employee_id", "kind")
    ):
        found.setdefault(placement.employee_id, placement)
    return found
