"""The API's read shapes, built on the organisation selectors (which do all the scoping).

Each function is one call for an endpoint and has a fixed number of queries, whatever the size
of the agency or the page: the unit tree (3), kedudukan (5), a unit with its chain (2), an
employee page (3: rows, their placements, the count), one employee's roles (4).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet

from sikerja.core.errors import NotFound
from sikerja.organization import selectors
from sikerja.organization.listing import LISTED_FIELDS, EmployeeRows
from sikerja.organization.models import Agency, Employee, OrgUnit, Placement
from sikerja.organization.resolver import ACTING_ORDER, Person, RoleAnswer
from sikerja.organization.rules import Viewer
from sikerja.organization.snapshot import AgencySnapshot


def _person(placement: Placement, unit: OrgUnit) -> Person:
    employee, position = placement.employee, placement.position
    return Person(
        employee_id=employee.pk,
        nip=employee.nip,
        name=employee.full_name,
        position_id=position.pk,
        position_title=position.title,
        position_kind=position.kind,
        unit_id=unit.pk,
        unit_name=unit.name,
        acting=placement.kind,
    )


@dataclass
class UnitNode:
    """One unit of the tree with the holders of its head position (definitive first)."""

    unit: OrgUnit
    heads: list[Person] = field(default_factory=list)
    children: list[UnitNode] = field(default_factory=list)


@dataclass(frozen=True)
class AgencyTree:
    agency: Agency
    on: dt.date
    units: list[UnitNode]


def agency_tree(viewer: Viewer, agency_id: int, on: dt.date) -> AgencyTree:
    """The visible part of an agency's unit tree with each unit's head holders (3 queries)."""
    agency = selectors.agency_get(viewer, agency_id)
    nodes = {unit.pk: UnitNode(unit) for unit in selectors.unit_list(viewer, agency)}
    heads = (
        Placement.objects.effective_on(on)
        .filter(position__is_head=True, position__unit_id__in=list(nodes))
        .select_related("employee", "position")
    )
    for placement in sorted(heads, key=lambda p: (ACTING_ORDER.get(p.kind, 9), p.pk)):
        node = nodes[placement.position.unit_id]
        node.heads.append(_person(placement, node.unit))
    roots: list[UnitNode] = []
    for node in nodes.values():  # in path order, so children keep tree order
        parent = nodes.get(node.unit.parent_id) if node.unit.parent_id else None
        (parent.children if parent else roots).append(node)
    return AgencyTree(agency=agency, on=on, units=roots)


@dataclass(frozen=True)
class KedudukanMember:
    person: Person
    position_kind: str
    grade: str
    appraiser: RoleAnswer


@dataclass(frozen=True)
class Kedudukan:
    agency: Agency
    on: dt.date
    unit_id: int | None
    total: int
    offset: int
    limit: int
    members: list[KedudukanMember]


KEDUDUKAN_LIMIT = 500
KEDUDUKAN_MAX_LIMIT = 2000


def agency_kedudukan(
    viewer: Viewer,
    agency_id: int,
    on: dt.date,
    *,
    unit_id: int | None = None,
    offset: int = 0,
    limit: int = KEDUDUKAN_LIMIT,
) -> Kedudukan:
    """Visible JF and Pelaksana of an agency (or of one unit's subtree) under their appraiser,
    a page at a time in unit order (7 queries); appraisers are resolved for the page only."""
    agency = selectors.agency_get(viewer, agency_id)
    units = {unit.pk: unit for unit in selectors.unit_list(viewer, agency)}
    within = None
    if unit_id is not None:
        within = units.get(unit_id)
        if within is None:
            raise NotFound()
    limit = max(1, min(limit, KEDUDUKAN_MAX_LIMIT))
    snapshot = AgencySnapshot(
        agency,
        on,
        selectors.resolver_for(viewer.government),
        within=within,
        member_units=list(units),
        member_slice=(offset, limit),
    )
    members = []
    for placement in snapshot.members:
        unit = snapshot.units[placement.position.unit_id]
        members.append(
            KedudukanMember(
                _person(placement, unit),
                placement.position.kind,
                placement.position.grade,
                snapshot.appraiser_of(placement),
            )
        )
    return Kedudukan(
        agency=agency,
        on=on,
        unit_id=unit_id,
        total=snapshot.member_total,
        offset=offset,
        limit=limit,
        members=members,
    )


@dataclass(frozen=True)
class UnitDetail:
    unit: OrgUnit
    on: dt.date
    chain: list[RoleAnswer]


def unit_detail(viewer: Viewer, unit_id: int, on: dt.date) -> UnitDetail:
    """A visible unit with the heads of it and every unit above it (2 queries)."""
    unit = selectors.unit_list(viewer).select_related("agency").filter(pk=unit_id).first()
    if unit is None:
        raise NotFound()
    chain = selectors.resolver_for(viewer.government).chain_above_unit(unit.pk, on)
    return UnitDetail(unit=unit, on=on, chain=chain)


def employee_page(viewer: Viewer, on: dt.date, agency_id: int | None, q: str) -> EmployeeRows:
    """Visible employees by name, optionally those placed in one agency on the day.

    A page costs 3 queries and the count at any size (`selectors.employee_list`).
    """
    return selectors.employee_list(viewer, on, agency_id=agency_id, query=q.strip())


def employee_detail(viewer: Viewer, nip: str, on: dt.date) -> Employee:
    """One visible employee with their placements on the day; NotFound otherwise (2 queries)."""
    queryset = selectors.employee_lookup(viewer, on).filter(nip=nip).only(*LISTED_FIELDS)
    employee = queryset.prefetch_related(selectors.current_placements(on)).first()
    if employee is None:
        raise NotFound()
    return employee


def employee_placements(viewer: Viewer, nip: str, on: dt.date) -> list[Placement]:
    """The placement history of a visible employee, newest first (2 queries)."""
    employee = selectors.employee_get_by_nip(viewer, nip, on)
    return list(selectors.placement_history(employee))


@dataclass(frozen=True)
class EmployeeRoles:
    nip: str
    name: str
    on: dt.date
    roles: list[RoleAnswer]


def employee_roles(viewer: Viewer, nip: str, on: dt.date) -> EmployeeRoles:
    """Appraiser, unit head, performance owner, authorised official and Sekda (2 queries when
    the agency's head and the Sekda are kept for the government's access stamp, 4 otherwise)."""
    employee = selectors.employee_get_by_nip(viewer, nip, on)
    resolver = selectors.resolver_for_reads(viewer.government)
    roles = resolver.roles_for(employee.pk, on)
    roles.append(resolver.regional_secretary(viewer.government.pk, on))
    return EmployeeRoles(nip=employee.nip, name=employee.full_name, on=on, roles=roles)


def delegation_page(viewer: Viewer, on: dt.date) -> QuerySet:  # type: ignore[type-arg]
    """Delegations active on the day that the viewer may see, newest first."""
    return selectors.delegation_list(viewer, on).order_by("-valid_from", "pk")
