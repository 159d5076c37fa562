"""When a step is due: its days counted as the pack says, in calendar days or in working days
(hari kerja).

Government offices work five days a week, Monday to Friday (Perpres 21/2023 on the working days
and hours of government offices); national holidays and cuti bersama, set each year by the joint decree
(SKB) of the Ministers of Religious Affairs, Manpower and PANRB, are not working days. That
calendar is the `holidays` library's Indonesian one, its public and government categories (the
second is cuti bersama); an Islamic holiday of a year whose SKB is not out yet is the library's
estimate until it is. A due date keeps the time of day its step opened at, in the site's time
zone.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal

import holidays
from django.utils import timezone

Count = Literal["calendar", "working"]
WEEKEND = frozenset({5, 6})  # Saturday, Sunday
CATEGORIES = ("public", "government")


@cache
def _non_working_days(year: int) -> frozenset[dt.date]:
    """National holidays and cuti bersama of a year."""
    return frozenset(holidays.country_holidays("ID", years=year, categories=CATEGORIES))


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday, and not a national holiday or cuti bersama."""
    return day.weekday() not in WEEKEND and day not in _non_working_days(day.year)


def add_working_days(day: dt.date, days: int) -> dt.date:
    """The `days`-th working day after `day` (the day itself not counted)."""
    found = 0
    while found < days:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            found += 1
    return day


def days_after(at: dt.datetime, days: int, count: Count) -> dt.datetime:
    """The moment `days` days after `at`, counted as the pack counts them."""
    if count == "calendar":
        return at + dt.timedelta(days=days)
    local = timezone.localtime(at)
    day = add_working_days(local.date(), days)
    return local.replace(year=day.year, month=day.month, day=day.day).astimezone(dt.UTC)


def step_due_at(at: dt.datetime, days: int | None, count: Count) -> dt.datetime | None:
    """When a step opened at `at` with `days` to decide is due (None: no due date)."""
    return days_after(at, days, count) if days else None
