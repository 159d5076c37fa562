"""Appraisal periods as plain date arithmetic (no ORM): the months a period of a year covers."""

from __future__ import annotations

import calendar
import datetime as dt

ANNUAL = "ANNUAL"
# Months per period of each kind the pack may choose (SPEC §10.1), and the annual appraisal.
MONTHS = {"MONTHLY": 1, "QUARTERLY": 3, "SEMESTER": 6, ANNUAL: 12}


def period_count(kind: str) -> int:
    """How many periods of a kind a year has (KeyError for an unknown kind)."""
    return 12 // MONTHS[kind]


def period_bounds(year: int, kind: str, index: int) -> tuple[dt.date, dt.date]:
    """First and last day of the `index`-th period (from 1) of a kind in a year.

    Raises ValueError for an index outside the year, KeyError for an unknown kind.
    """
    if not 1 <= index <= period_count(kind):
        raise ValueError(f"{kind} period {index} is outside the year")
    months = MONTHS[kind]
    first = (index - 1) * months + 1
    last = first + months - 1
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
