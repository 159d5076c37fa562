"""Placement tables, grade rules and role rules: how a pack reads the organisation."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.enums import Grade, PositionKind, UnitType, with_one_level_up


def _check_codes(value: tuple[str, ...]) -> tuple[str, ...]:
    """Appraisee codes: 'JFK:<GRADE>', 'JFK:*', 'JFT:*', 'PLK', or a unit type."""
    for code in value:
        if code in {"JFK:*", "JFT:*", "PLK"} or code in UnitType.__members__:
            continue
        if code.startswith("JFK:") and code[4:] in Grade.__members__:
            continue
        raise ValueError(f"unknown appraisee code {code!r}")
    return value


AppraiseeCodes = Annotated[
    tuple[str, ...],
    AfterValidator(_check_codes),
    Field(
        min_length=1, description="codes: 'JFK:<GRADE>', 'JFK:*', 'JFT:*', 'PLK', or a unit type"
    ),
]


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


class PlacementRow(BaseModel):
    """One appraiser row of a placement table: whose heads appraise which appraisees."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    appraiser: tuple[str, ...] = Field(
        min_length=1, description="unit types whose head appraises; 'ROOT' = head of the agency"
    )
    appraisees: AppraiseeCodes


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
    unit_head: RoleRule | None = Field(
        default=None,
        description="who heads the unit organisasi of the agencies of this table, instead of "
        "[roles].unit_head (Blitar Mekanisme 1: the JPT Pratama, T-BLITAR-MEKANISME; scope "
        "'own_unit' makes the Administrator the unit head)",
    )
    exhaustive: bool = Field(
        default=False,
        description="the rows name every head of the agency's own structure under whom the "
        "listed appraisees may sit: any other head is refused, with no fall-through to the grade "
        "or generic rule (Kotim pattern A, BPBD, Kesbangpol). A work unit below the agency "
        "root (UPTD, Puskesmas, school), which the table does not describe, keeps the generic rule",
    )


class GradeRule(BaseModel):
    """Placement by grade (T-PLACEMENT-GRADE): allowed kinds of the appraiser's position."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str = Field(description="id of the pack rule this row belongs to, e.g. 'V-40'")
    appraisees: AppraiseeCodes
    superior_kinds: tuple[PositionKind, ...] = Field(min_length=1)
    one_level_up: bool = Field(
        default=False,
        description="also admits the kind exactly one level above each superior kind "
        '("Jabatan satu tingkat di atasnya"): one step up, never any superior (V-40)',
    )
    unless_unit_has: tuple[PositionKind, ...] = Field(
        default=(),
        description="admits its superiors only where the superior's unit has no position of "
        "these kinds (Barut Pasal 17 ayat (4) huruf b: the Administrator where no Pengawas)",
    )
    requires_delegation: bool = Field(
        default=False, description="a superior below the agency head needs a delegation (Blitar)"
    )
    citation: Citation

    def admitted_kinds(self) -> frozenset[PositionKind]:
        """The superior kinds this row admits, with the kind one level up when it says so."""
        return with_one_level_up(self.superior_kinds, one_level_up=self.one_level_up)


class TrackRule(BaseModel):
    """Where the JF of one track sit (Surakarta Lampiran III 2.1: supporting system or core)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str = Field(description="id of the pack rule, e.g. 'T-PLACEMENT-GRADE'")
    track: Literal["SUPPORTING", "CORE"]
    appraisees: AppraiseeCodes
    tables: tuple[str, ...] = Field(
        min_length=1, description="placement tables of the agencies where the split applies"
    )
    superiors: tuple[str, ...] = Field(
        min_length=1, description="unit types whose head they sit under; 'ROOT' = agency head"
    )
    citation: Citation


class ArticleRule(BaseModel):
    """A pack rule id with the article that states it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
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
    track_rules: tuple[TrackRule, ...] = ()
    independent_head: ArticleRule | None = Field(
        default=None,
        description="a JF appointed to lead an independent unit may supervise JF and "
        "Pelaksana whatever the grade rules say (e.g. Barut Pasal 17 ayat (5))",
    )
    affairs: dict[str, str] = Field(
        default_factory=dict, description="urusan code -> placement table id (Kotim V-42)"
    )
    default_tables: dict[UnitType, str] = Field(
        default_factory=dict, description="agency type -> default placement table id"
    )

    @model_validator(mode="after")
    def _track_tables_exist(self) -> Placement:
        tables = {table.id for table in self.tables}
        unknown = sorted({t for rule in self.track_rules for t in rule.tables} - tables)
        if unknown:
            raise ValueError(f"track_rules name unknown placement tables: {', '.join(unknown)}")
        return self

    def rule_ids(self) -> set[str]:
        """Every pack rule the placement rules cite."""
        ids = {self.generic_rule, self.unit_head_rule}
        ids |= {rule.rule for rule in self.grade_rules}
        ids |= {rule.rule for rule in self.track_rules}
        ids |= {table.unit_head.rule for table in self.tables if table.unit_head is not None}
        if self.independent_head is not None:
            ids.add(self.independent_head.rule)
        return ids
