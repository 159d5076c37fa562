"""The JF and Pelaksana of a unit on a day, counted straight from the placements: what the
organisation page's counts must say."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from sikerja.organization.models import OrgUnit, Placement


def _members(on: dt.date) -> QuerySet[Placement]:
    return Placement.objects.effective_on(on).filter(
        position__kind__in=["FUNGSIONAL", "PELAKSANA"], position__is_head=False
    )


def members_under(unit: OrgUnit, on: dt.date) -> int:
    """In the unit and every unit below it."""
    return _members(on).filter(position__unit__path__startswith=unit.path).count()


def members_in(unit: OrgUnit, on: dt.date) -> int:
    """Placed in the unit itself."""
    return _members(on).filter(position__unit=unit).count()
