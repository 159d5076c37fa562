"""Placement tables, grade rules and role rules: how a pack reads the organisation."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.enums import Grade, PositionKind, UnitType


class PlacementRow(BaseModel):
    """One appraiser row of a placement table: whose heads appraise which appraisees."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    appraiser: tuple[str, ...] = Field(
        min_length=1, description="unit types whose head appraises; 'ROOT' = head of the agency"
    )
    appraisees: tuple[str, ...] = Field(
        min_length=1,
        description="codes: 'JFK:<GRADE>', 'JFK:*', 'JFT:*', 'PLK', or a sub-unit type",
    )

    @field_validator("appraisees")
    @classmethod
    def _known_codes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for code in value:
            if code in {"JFK:*", "JFT:*", "PLK"} or code in UnitType.__members__:
                continue
            if code.startswith("JFK:") and code[4:] in Grade.__members__:
                continue
            raise ValueError(f"unknown appraisee code {code!r}")
        return value


class PlacementTable(BaseModel):
    """A typology of the pack (T-KEDUDUKAN, Kotim patterns): rows valid for matching agencies."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, description="e.g. 'SKA-DINAS2', 'KTM-PD-C'")
    label: str = Field(min_length=1)
    agency_types: tuple[UnitType, ...] = Field(min_length=1)
    affairs: tuple[str, ...] = Field(default=(), description="Kotim urusan codes (T-KOTIM-URUSAN)")
    citation: Citation
    figure: str = ""
    rows: tuple[PlacementRow, ...] = Field(default=())
    follows_other_legislation: bool = False


class GradeRule(BaseModel):
    """Placement by grade (T-PLACEMENT-GRADE): allowed kinds of the appraiser's position."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str = Field(description="id of the pack rule this row belongs to, e.g. 'V-40'")
    appraisees: tuple[str, ...] = Field(min_length=1, description="codes as in PlacementRow")
    superior_kinds: tuple[PositionKind, ...] = Field(min_length=1)
    one_level_up: bool = Field(
        default=False, description="a vacant or absent superior passes to the head one level up"
    )
    requires_delegation: bool = Field(
        default=False, description="a superior below the agency head needs a delegation (Blitar)"
    )
    citation: Citation


class RoleRule(BaseModel):
    """How one role is resolved for a person and which article says so."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
    scope: str = Field(
        pattern=r"^(own_unit|work_unit|agency|government|delegation)$",
        description="own_unit = head of the unit the person sits in; work_unit = head of the "
        "nearest work unit (agency root, UPTD, Puskesmas, school); agency = head of the agency",
    )
    citation: Citation


class Roles(BaseModel):
    """Role resolution rules of the pack."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    appraiser: RoleRule
    unit_head: RoleRule
    performance_owner: RoleRule
    authorized_official: RoleRule
    regional_secretary: RoleRule
    structural_appraiser: RoleRule
    delegation: RoleRule


class Placement(BaseModel):
    """Placement (kedudukan) rules of the pack."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    mode: str = Field(pattern=r"^(tables|patterns_by_urusan|mechanisms|grade|generic)$")
    generic_superior_kinds: tuple[PositionKind, ...] = Field(min_length=1)
    generic_rule: str
    generic_citation: Citation
    unit_head_kinds: tuple[PositionKind, ...] = Field(min_length=1)
    unit_head_rule: str
    unit_head_citation: Citation
    tables: tuple[PlacementTable, ...] = ()
    grade_rules: tuple[GradeRule, ...] = ()
    affairs: dict[str, str] = Field(
        default_factory=dict, description="urusan code -> placement table id (Kotim V-42)"
    )
    default_tables: dict[UnitType, str] = Field(
        default_factory=dict, description="agency type -> default placement table id"
    )
