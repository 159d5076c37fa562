"""Angka kredit of a JF's SKP (SPEC §10.4): each signed rating's predikat converted with the
grade's yearly coefficient, prorated by the months the rating covers (m/12), with the rule's
citation (Peraturan BKN 3/2023; PermenPANRB 1/2023)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sikerja.performance.models import Rating, Skp
from sikerja.performance.periods import ANNUAL
from sikerja.regulations.credit import credit_of, months_covered
from sikerja.regulations.loader import load_pack
from sikerja.regulations.performance import stated_rule
from sikerja.regulations.schema.credit import CreditConversion
from sikerja.regulations.schema.performance import Predikat

CREDIT_RULE = "P-ANGKA-KREDIT"


@dataclass(frozen=True)
class CreditRow:
    """One signed rating's angka kredit."""

    rating_id: int
    period_kind: str
    period_index: int
    predikat: str
    months: int
    credit: Decimal


@dataclass(frozen=True)
class CreditSummary:
    """The angka kredit an SKP earns: per signed rating, and the year's (the annual rating's)."""

    grade: str
    coefficient: Decimal | None
    rows: tuple[CreditRow, ...]
    yearly: Decimal | None
    rule: str
    citation: str


def _months(skp: Skp, rating: Rating) -> int:
    if rating.period_kind == ANNUAL:
        return months_covered(skp.starts_on, skp.ends_on)
    start, end = max(rating.period_start, skp.starts_on), min(rating.period_end, skp.ends_on)
    return months_covered(start, end)


def conversion_for(pack_id: str) -> CreditConversion:
    """The angka kredit conversion the government's pack states (else the national one)."""
    return stated_rule(load_pack(pack_id), CREDIT_RULE, CreditConversion).params


def rating_credit(conversion: CreditConversion, skp: Skp, rating: Rating) -> Decimal | None:
    """A signed rating's angka kredit (None while drafted, or for a position without a JF grade
    the conversion knows): no query beyond the SKP's position, which the caller loads."""
    if rating.status != Rating.Status.SIGNED:
        return None
    return credit_of(
        conversion,
        predikat=Predikat(rating.predikat),
        grade=skp.position.grade,
        months=_months(skp, rating),
    )


def credit_for_skp(skp: Skp, ratings: list[Rating]) -> CreditSummary:
    """The angka kredit of the SKP's signed ratings (no query beyond the ones given: the
    caller passes the SKP with its position and its ratings). No rows for a non-JF position."""
    stated = stated_rule(load_pack(skp.government.pack_id), CREDIT_RULE, CreditConversion)
    grade = skp.position.grade
    coefficient = stated.params.coefficients.get(grade)  # type: ignore[call-overload]
    rows = []
    for rating in sorted(ratings, key=lambda r: (r.period_kind == ANNUAL, r.period_start)):
        credit = rating_credit(stated.params, skp, rating)
        if credit is not None:
            rows.append(
                CreditRow(
                    rating.pk,
                    rating.period_kind,
                    rating.period_index,
                    rating.predikat,
                    _months(skp, rating),
                    credit,
                )
            )
    yearly = next((row.credit for row in rows if row.period_kind == ANNUAL), None)
    return CreditSummary(grade, coefficient, tuple(rows), yearly, CREDIT_RULE, stated.citation)
