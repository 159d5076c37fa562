"""Reporting periods of a team: calendar months or quarters over its period (pure).

V-52: leads report periodically; no seed sets the interval of "berkala", so each pack's V-52
names it (monthly; quarterly in Surakarta, matching its quarterly monitoring).
"""

from __future__ import annotations

import datetime as dt

Period = tuple[dt.date, dt.date]


def _month_start(day: dt.date, months: int) -> dt.date:
    """The first day of the month (months = 1) or calendar quarter (months = 3) of `day`."""
    month = ((day.month - 1) // months) * months + 1
    return dt.date(day.year, month, 1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def report_periods(starts_on: dt.date, ends_on: dt.date, months: int) -> list[Period]:
    """The calendar months or quarters a team's period touches, each clipped to it."""
    periods: list[Period] = []
    start = _month_start(starts_on, months)
    while start <= ends_on:
        following = _add_months(start, months)
        periods.append((max(start, starts_on), min(following - dt.timedelta(days=1), ends_on)))
        start = following
    return periods
