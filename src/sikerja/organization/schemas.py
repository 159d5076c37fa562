"""Input and output schemas of the organisation API (no logic beyond which NIPs a list masks).

Lists (employees, the unit tree, kedudukan, delegations) mask every NIP the caller may not see
in full (`rules.may_see_full_nip`). Answers about one person the caller named by NIP (detail,
placement history, roles) show full NIPs: the caller already has that NIP, and the officials in
a role answer sign that person's SKP with their NIP on it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Field, Schema

from sikerja.core.schemas import IsoDate, choices_schema
from sikerja.organization.models import Delegation, Placement, Position
from sikerja.organization.nip import mask_nip
from sikerja.organization.rules import Viewer, may_see_full_nip


def listed_nip(viewer: Viewer | None, employee_id: int, nip: str) -> str:
    """The NIP as a list shows it to this viewer: in full or masked."""
    return nip if may_see_full_nip(viewer, employee_id) else mask_nip(nip)


def viewer_in(context: dict[str, Any] | None) -> Viewer | None:
    """The caller of the answer being rendered (ninja passes the request in the context)."""
    viewer = getattr((context or {}).get("request"), "auth", None)
    return viewer if isinstance(viewer, Viewer) else None


def _listed(obj: Any, context: dict[str, Any] | None) -> str:
    employee_id = getattr(obj, "employee_id", None) or obj.pk
    return listed_nip(viewer_in(context), employee_id, obj.nip)


class AgencyOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    agency_type: str


class AgencyRef(Schema):
    id: int
    name: str


class UnitRef(Schema):
    id: int
    name: str


class PositionOut(Schema):
    id: int
    title: str
    kind: Position.Kind
    grade: str
    is_head: bool


class PersonOut(Schema):
    """Who holds a role or a head position, through which position, and whether as Plt./Plh."""

    nip: str
    name: str
    position_title: str
    unit_name: str
    acting: Placement.Kind
    acting_label: str = Field(examples=["Plt."])


class ListedPersonOut(PersonOut):
    @staticmethod
    def resolve_nip(obj: Any, context: dict[str, Any]) -> str:
        return _listed(obj, context)


class RoleAnswerOut(Schema):
    role: str = Field(examples=["appraiser"])
    person: PersonOut | None
    rule: str = Field(examples=["T-KEDUDUKAN"])
    citation: str
    notes: list[str]
    delegation_id: int | None


class ListedRoleAnswerOut(RoleAnswerOut):
    person: ListedPersonOut | None


class EmployeeRolesOut(Schema):
    nip: str
    name: str
    on: dt.date
    roles: list[RoleAnswerOut]


# A placement on the day, as the employee list and detail show it. The position's fields are
# read by resolvers, not dotted aliases: ninja reads a dotted alias through a failed attribute
# lookup and Django's template `Variable`, a fifth of a list page's serialisation. (A comment,
# not a docstring: a schema's docstring is its OpenAPI description.)
class CurrentPlacementOut(Schema):
    id: int
    kind: Placement.Kind
    position_title: str
    position_kind: Position.Kind
    unit: UnitRef
    agency: AgencyRef
    valid_from: dt.date
    valid_to: dt.date | None

    @staticmethod
    def resolve_position_title(obj: Placement) -> str:
        return obj.position.title

    @staticmethod
    def resolve_position_kind(obj: Placement) -> str:
        return obj.position.kind

    @staticmethod
    def resolve_unit(obj: Placement) -> Any:
        return obj.position.unit

    @staticmethod
    def resolve_agency(obj: Placement) -> Any:
        return obj.position.unit.agency


class EmployeeListItemOut(Schema):
    nip: str
    name: str = Field(alias="full_name")
    employment_type: str
    placements: list[CurrentPlacementOut] = Field(alias="current_placements")

    @staticmethod
    def resolve_nip(obj: Any, context: dict[str, Any]) -> str:
        return _listed(obj, context)


class EmployeeOut(Schema):
    nip: str
    name: str
    full_name: str
    front_title: str
    back_title: str
    employment_type: str
    placements: list[CurrentPlacementOut] = Field(alias="current_placements")


class PlacementOut(Schema):
    id: int
    kind: Placement.Kind
    position: PositionOut
    unit: UnitRef = Field(alias="position.unit")
    agency: AgencyRef = Field(alias="position.unit.agency")
    valid_from: dt.date
    valid_to: dt.date | None
    decision_number: str
    decision_date: dt.date
    decided_by: str
    note: str


class UnitNodeOut(Schema):
    id: int = Field(alias="unit.pk")
    name: str = Field(alias="unit.name")
    unit_type: str = Field(alias="unit.unit_type")
    depth: int = Field(alias="unit.depth")
    is_work_unit: bool = Field(alias="unit.is_work_unit")
    is_independent: bool = Field(alias="unit.is_independent")
    heads: list[ListedPersonOut]
    children: list[UnitNodeOut]


class AgencyTreeOut(Schema):
    agency: AgencyOut
    on: dt.date
    units: list[UnitNodeOut]


class KedudukanMemberOut(Schema):
    person: ListedPersonOut
    position_kind: Position.Kind
    grade: str
    appraiser: ListedRoleAnswerOut


class KedudukanOut(Schema):
    agency: AgencyOut
    on: dt.date
    unit_id: int | None = None
    total: int
    offset: int
    limit: int
    members: list[KedudukanMemberOut]


class UnitOut(Schema):
    id: int = Field(alias="unit.pk")
    name: str = Field(alias="unit.name")
    unit_type: str = Field(alias="unit.unit_type")
    depth: int = Field(alias="unit.depth")
    is_work_unit: bool = Field(alias="unit.is_work_unit")
    is_independent: bool = Field(alias="unit.is_independent")
    agency: AgencyRef = Field(alias="unit.agency")
    parent_id: int | None = Field(alias="unit.parent_id")
    on: dt.date
    chain: list[ListedRoleAnswerOut]


class EmployeeRefOut(Schema):
    nip: str
    name: str = Field(alias="full_name")

    @staticmethod
    def resolve_nip(obj: Any, context: dict[str, Any]) -> str:
        return _listed(obj, context)


DelegationScope = Annotated[Delegation.Scope, choices_schema(Delegation.Scope, "DelegationScope")]


class DelegationOut(Schema):
    id: int
    scope: DelegationScope
    from_employee: EmployeeRefOut
    to_employee: EmployeeRefOut
    grades: list[str]
    unit_id: int | None
    valid_from: dt.date
    valid_to: dt.date | None
    legal_basis: str
    rule_id: str

    @staticmethod
    def resolve_grades(obj: Delegation) -> list[str]:
        return [grade for grade in obj.grades.split(",") if grade]


class PlacementIn(Schema):
    nip: str = Field(min_length=1, max_length=18)
    position_id: int
    kind: Placement.Kind = Placement.Kind.DEFINITIVE
    valid_from: IsoDate
    valid_to: IsoDate | None = None
    decision_number: str = Field(max_length=120)
    decision_date: IsoDate
    decided_by: str = Field(max_length=200)
    note: str = ""


class PlacementEndIn(Schema):
    valid_to: IsoDate


class DelegationIn(Schema):
    from_nip: str = Field(min_length=1, max_length=18)
    to_nip: str = Field(min_length=1, max_length=18)
    scope: DelegationScope
    grades: list[str] = []
    unit_id: int | None = None
    valid_from: IsoDate
    valid_to: IsoDate | None = None
    legal_basis: str = Field(max_length=300)


UnitNodeOut.model_rebuild()


class FieldUnitIn(Schema):
    """The field unit (Bagian) of a position, or null to clear it (V-46)."""

    field_unit_id: int | None


class PositionFieldOut(Schema):
    """A position (jabatan) with the field unit BKPSDM recorded on it."""

    id: int
    title: str
    kind: str
    grade: str
    unit_id: int
    field_unit_id: int | None
