"""Typed parameters of the angka kredit conversion (SPEC §10.4): the percentage of the grade's
yearly coefficient each predikat earns, the coefficients per JF jenjang, and the proration of a
period of m months (m/12). National data (PermenPANRB 1/2023, Peraturan BKN 3/2023)."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field, model_validator

from sikerja.regulations.schema.base import RuleParams
from sikerja.regulations.schema.enums import Grade
from sikerja.regulations.schema.performance import Predikat


class CreditConversion(RuleParams):
    """P-ANGKA-KREDIT: yearly credit = percent[predikat] % × coefficient[grade] × m / 12."""

    percent: dict[Predikat, Decimal]
    coefficients: dict[Grade, Decimal] = Field(min_length=1)
    prorate_months_of: int = Field(default=12, ge=1)
    source: str = ""
    coefficients_source: str = ""

    @model_validator(mode="after")
    def _every_predikat(self) -> CreditConversion:
        missing = [p.value for p in Predikat if p not in self.percent]
        if missing:
            raise ValueError(f"percent missing for: {', '.join(missing)}")
        return self


CREDIT_PARAMS: dict[str, type[RuleParams]] = {"P-ANGKA-KREDIT": CreditConversion}
