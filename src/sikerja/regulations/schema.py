"""The schema every regulation pack must satisfy, checked when a pack is loaded."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sikerja.regulations.citation import Citation
from sikerja.regulations.workflow_schema import WorkflowDefinition

__all__ = ["Citation", "WorkflowDefinition"]


class Strength(StrEnum):
    """How binding a rule is: MUST refuses, PREFERRED warns and records, MAY/SILENT inform."""

    MUST = "MUST"
    ONLY = "ONLY"
    PREFERRED = "PREFERRED"
    MAY = "MAY"
    SILENT = "SILENT"


class PositionKind(StrEnum):
    """Jenis jabatan (SPEC §2.1)."""

    JPT_UTAMA = "JPT_UTAMA"
    JPT_MADYA = "JPT_MADYA"
    JPT_PRATAMA = "JPT_PRATAMA"
    ADMINISTRATOR = "ADMINISTRATOR"
    PENGAWAS = "PENGAWAS"
    FUNGSIONAL = "FUNGSIONAL"
    PELAKSANA = "PELAKSANA"


class Grade(StrEnum):
    """Jenjang JF (SPEC §2.1); keahlian and keterampilan tracks."""

    AHLI_UTAMA = "AHLI_UTAMA"
    AHLI_MADYA = "AHLI_MADYA"
    AHLI_MUDA = "AHLI_MUDA"
    AHLI_PERTAMA = "AHLI_PERTAMA"
    PENYELIA = "PENYELIA"
    MAHIR = "MAHIR"
    TERAMPIL = "TERAMPIL"
    PEMULA = "PEMULA"


KEAHLIAN_GRADES = frozenset(
    {Grade.AHLI_UTAMA, Grade.AHLI_MADYA, Grade.AHLI_MUDA, Grade.AHLI_PERTAMA}
)
KETERAMPILAN_GRADES = frozenset({Grade.PENYELIA, Grade.MAHIR, Grade.TERAMPIL, Grade.PEMULA})


class UnitType(StrEnum):
    """Unit types (T-UNIT-TYPES) plus the sub-units whose heads appear in placement tables."""

    SETDA = "SETDA"
    SETWAN = "SETWAN"
    DINAS = "DINAS"
    BADAN = "BADAN"
    SATUAN = "SATUAN"
    INSPEKTORAT = "INSPEKTORAT"
    BPBD = "BPBD"
    KESBANGPOL = "KESBANGPOL"
    KECAMATAN = "KECAMATAN"
    KELURAHAN = "KELURAHAN"
    RSUD = "RSUD"
    PUSKESMAS = "PUSKESMAS"
    UPTD = "UPTD"
    SATDIK = "SATDIK"
    SPNF = "SPNF"
    ASISTEN = "ASISTEN"
    BIRO = "BIRO"
    BAGIAN = "BAGIAN"
    BIDANG = "BIDANG"
    SEKRETARIAT = "SEKRETARIAT"
    INSPEKTUR_PEMBANTU = "INSPEKTUR_PEMBANTU"
    SUBBAGIAN = "SUBBAGIAN"
    SUBBIDANG = "SUBBIDANG"
    SEKSI = "SEKSI"


AGENCY_TYPES = frozenset(
    {
        UnitType.SETDA,
        UnitType.SETWAN,
        UnitType.DINAS,
        UnitType.BADAN,
        UnitType.SATUAN,
        UnitType.INSPEKTORAT,
        UnitType.BPBD,
        UnitType.KESBANGPOL,
        UnitType.KECAMATAN,
        UnitType.RSUD,
    }
)


class Rule(BaseModel):
    """One rule of the pack: SPEC id, strength, citation, and its parameters."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^(V-\d+[a-z]?|WF-[A-Z0-9-]+|T-[A-Z0-9-]+|G\d+|P-[A-Z0-9-]+)$")
    strength: Strength
    title: str = Field(min_length=1, description="Indonesian summary shown to users")
    title_en: str = Field(min_length=1)
    citations: tuple[Citation, ...] = Field(min_length=1)
    product_decision: bool = False
    params: dict[str, Any] = Field(default_factory=dict)


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


class PackIdentity(BaseModel):
    """Which regulation this pack is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z]+(-\d{4})?$")
    region: str
    region_kind: str = Field(pattern=r"^(kabupaten|kota|nasional)$")
    instrument: str = Field(min_length=1, description="full name of the instrument")
    short: str = Field(
        min_length=1, description="short citation prefix, e.g. 'Perwali Surakarta 32/2023'"
    )
    number: int
    year: int
    title: str
    enacted_on: dt.date | None = None
    promulgated_on: dt.date | None = None
    gazette: str = ""
    seed_file: str = ""
    signed_by: str = ""
    regional_head_title: str = Field(description="'Bupati', 'Wali Kota', 'Walikota'")
    legal_basis: tuple[str, ...] = ()
    lampiran_present: bool = True


class Pack(BaseModel):
    """A whole regulation pack."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pack: PackIdentity
    rules: tuple[Rule, ...] = Field(min_length=1)
    placement: Placement | None = None
    roles: Roles | None = None
    parameters: dict[str, Any] = Field(default_factory=dict)
    workflows: dict[str, WorkflowDefinition] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> Pack:
        ids = [rule.id for rule in self.rules]
        duplicates = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
        if duplicates:
            raise ValueError(f"duplicate rule ids: {', '.join(duplicates)}")
        if self.pack.region_kind != "nasional" and (self.placement is None or self.roles is None):
            raise ValueError("a regional pack needs [placement] and [roles]")
        wrong_keys = [key for key, wf in self.workflows.items() if not key.startswith(wf.id)]
        if wrong_keys:
            raise ValueError(f"workflow keys must start with their id: {', '.join(wrong_keys)}")
        known = set(ids)
        referenced = self._referenced_rule_ids()
        missing = sorted(referenced - known)
        if missing:
            raise ValueError(f"rules referenced but not defined: {', '.join(missing)}")
        if self.placement is not None:
            tables = {table.id for table in self.placement.tables}
            wrong = sorted(
                set(self.placement.affairs.values()) | set(self.placement.default_tables.values())
            )
            unknown = [table_id for table_id in wrong if table_id not in tables]
            if unknown:
                raise ValueError(f"unknown placement tables: {', '.join(unknown)}")
        return self

    def _referenced_rule_ids(self) -> set[str]:
        referenced: set[str] = set()
        if self.placement is not None:
            referenced |= {self.placement.generic_rule, self.placement.unit_head_rule}
            referenced |= {grade_rule.rule for grade_rule in self.placement.grade_rules}
        if self.roles is not None:
            for name in Roles.model_fields:
                referenced.add(getattr(self.roles, name).rule)
        for definition in self.workflows.values():
            referenced |= _workflow_rule_ids(definition)
        return referenced


def _workflow_rule_ids(definition: WorkflowDefinition) -> set[str]:
    ids = {definition.refusal_rule, definition.request_rule}
    for step in definition.steps:
        ids |= {step.reason_rule, step.recommendation_rule, *step.rules}
        for documents in step.documents.values():
            for document in documents:
                ids |= {document.cc_rule, document.signer_rule}
    return {rule_id for rule_id in ids if rule_id}
