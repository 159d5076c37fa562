"""Typed parameters of the performance-management rules (SPEC §6 and §10).

The national baseline states them (PermenPANRB 6/2022, SE MenPANRB 3/2023); a regional pack may
state a rule of the same id in its `<id>.performance.toml` to add to or replace it (Surakarta's
quarterly appraisal, Blitar's expectation fields), with its own citation.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import Field, model_validator

from sikerja.regulations.schema.base import RuleParams


class Rating(StrEnum):
    """A rating of work results or of work behaviour against the expectation."""

    ABOVE = "DI_ATAS_EKSPEKTASI"
    MEETS = "SESUAI_EKSPEKTASI"
    BELOW = "DI_BAWAH_EKSPEKTASI"


class Predikat(StrEnum):
    """Predikat kinerja pegawai (SPEC §10.2)."""

    SANGAT_BAIK = "SANGAT_BAIK"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"


class OrgLevel(StrEnum):
    """Capaian kinerja organisasi (SPEC §10.3): the unit's level set one level up."""

    ISTIMEWA = "ISTIMEWA"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"


class Period(StrEnum):
    """How often the periodic appraisal falls (SPEC §10.1)."""

    MONTHLY = "MONTHLY"
    QUARTERLY = "QUARTERLY"
    SEMESTER = "SEMESTER"


class SkpContent(RuleParams):
    """P-SKP: kinds of RHK, target approaches and the BerAKHLAK core values."""

    result_kinds: tuple[str, ...] = Field(min_length=1)
    approaches: tuple[str, ...] = Field(min_length=1)
    core_values: tuple[str, ...] = Field(min_length=7, max_length=7)
    source: str = ""


class Cascading(RuleParams):
    """P-CASCADING: the PK feeds its head's SKP; a change of position starts a new SKP."""

    pk_feeds_head_skp: bool = True
    new_skp_on_position_change: bool = True
    source: str = ""


class PredikatMatrix(RuleParams):
    """P-PREDIKAT: result rating × behaviour rating → predikat; every cell given."""

    ratings: tuple[Rating, ...] = Field(min_length=3, max_length=3)
    predikat: tuple[Predikat, ...] = Field(min_length=5, max_length=5)
    matrix_axes: str = ""
    labels: dict[Predikat, str] = Field(default_factory=dict)
    matrix: dict[Rating, dict[Rating, Predikat]]
    source: str = ""

    @model_validator(mode="after")
    def _complete(self) -> PredikatMatrix:
        missing = [
            f"{result}/{behaviour}"
            for result in Rating
            for behaviour in Rating
            if behaviour not in self.matrix.get(result, {})
        ]
        if missing:
            raise ValueError(f"matrix cells missing: {', '.join(missing)}")
        return self

    def predikat_of(self, result: Rating, behaviour: Rating) -> Predikat:
        """The predikat of one pair of ratings."""
        return self.matrix[result][behaviour]


class Band(RuleParams):
    """One clause of a curve: the share (or count) of a group of predikat the unit must keep."""

    predikat: tuple[Predikat, ...] = Field(min_length=1)
    min: Decimal | None = Field(default=None, ge=0, le=1)
    max: Decimal | None = Field(default=None, ge=0, le=1)
    min_count: int | None = Field(default=None, ge=1)
    largest_group: bool = Field(
        default=False, description="'sebagian besar': no other predikat has more employees"
    )

    @model_validator(mode="after")
    def _says_something(self) -> Band:
        if self.min is None and self.max is None and self.min_count is None:
            raise ValueError("a band needs min, max or min_count")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("a band's min is above its max")
        return self


class DistributionCurves(RuleParams):
    """P-DISTRIBUTION: for each organisational level, the bands its employees' predikat keep."""

    curves: dict[OrgLevel, tuple[Band, ...]]
    source: str = ""

    @model_validator(mode="after")
    def _every_level(self) -> DistributionCurves:
        missing = [level.value for level in OrgLevel if level not in self.curves]
        if missing:
            raise ValueError(f"curves missing for levels: {', '.join(missing)}")
        return self


class AppraisalPeriods(RuleParams):
    """P-APPRAISAL-PERIODS: the periodic appraisal's options and default, and the annual one."""

    periodic_options: tuple[Period, ...] = Field(min_length=1)
    periodic_default: Period
    annual: bool = True
    source: str = ""

    @model_validator(mode="after")
    def _default_is_an_option(self) -> AppraisalPeriods:
        if self.periodic_default not in self.periodic_options:
            raise ValueError("periodic_default must be one of periodic_options")
        return self


class OrgPerformance(RuleParams):
    """P-ORG-PERFORMANCE: who sets the unit's level, and whether its head's result follows it."""

    levels: tuple[OrgLevel, ...] = Field(min_length=5, max_length=5)
    set_by: str
    unit_head_result_rating_follows_unit_level: bool = True
    source: str = ""


class ExpectationFields(RuleParams):
    """P-EXPECTATION: fields every expectation of the leader must carry (Blitar Pasal 25)."""

    required: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _known(self) -> ExpectationFields:
        unknown = sorted(set(self.required) - EXPECTATION_FIELDS)
        if unknown:
            raise ValueError(f"unknown expectation fields: {', '.join(unknown)}")
        return self


EXPECTATION_FIELDS = frozenset({"output", "target", "timeline"})

PERFORMANCE_PARAMS: dict[str, type[RuleParams]] = {
    "P-SKP": SkpContent,
    "P-CASCADING": Cascading,
    "P-PREDIKAT": PredikatMatrix,
    "P-DISTRIBUTION": DistributionCurves,
    "P-APPRAISAL-PERIODS": AppraisalPeriods,
    "P-ORG-PERFORMANCE": OrgPerformance,
    "P-EXPECTATION": ExpectationFields,
}
