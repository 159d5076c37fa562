"""Angka kredit as a pure function of pack data (SPEC §10.4): the credit a JF earns from the
predikat of a period of m months, percent × the grade's yearly coefficient × m / 12."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from sikerja.regulations.schema.credit import CreditConversion
from sikerja.regulations.schema.enums import Grade
from sikerja.regulations.schema.performance import Predikat

PLACES = Decimal("0.001")
HUNDRED = Decimal(100)


def credit_of(
    params: CreditConversion, *, predikat: Predikat, grade: str, months: int
) -> Decimal | None:
    """The angka kredit of a predikat over `months` months, to three places (half up);
    None for a position without a JF grade the pack gives a coefficient for."""
    coefficient = params.coefficients.get(Grade(grade)) if grade in Grade.__members__ else None
    if coefficient is None:
        return None
    share = params.percent[predikat] / HUNDRED
    credit = share * coefficient * Decimal(months) / Decimal(params.prorate_months_of)
    return credit.quantize(PLACES, rounding=ROUND_HALF_UP)


def months_covered(start: dt.date, end: dt.date) -> int:
    """Calendar months a period touches, first and last included (Jan 1 to Mar 31: 3)."""
    if end < start:
        return 0
    return (end.year - start.year) * 12 + end.month - start.month + 1
