"""The import's picture of a government: stored rows and the rows the file adds, linked in memory.

Everything stored is read in five queries (agencies, units, positions, employees, placements) so
that checking a file costs the same number of queries whatever its size. Names of units and
titles of positions are matched case-insensitively with runs of spaces collapsed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sikerja.organization.models import Agency, Employee, Government, OrgUnit, Placement, Position
from sikerja.organization.transfer.parse import SheetRow


def name_key(text: str) -> str:
    """How names are compared: case-insensitive, spaces collapsed."""
    return " ".join(text.split()).casefold()


@dataclass(eq=False)
class AgencyNode:
    """A Perangkat Daerah: stored, or created by the unit sheet's root row `row`."""

    agency: Agency
    row: SheetRow | None = None
    root: UnitNode | None = None
    units: dict[str, list[UnitNode]] = field(default_factory=dict)

    def add_unit(self, node: UnitNode) -> None:
        self.units.setdefault(name_key(node.unit.name), []).append(node)


@dataclass(eq=False)
class UnitNode:
    """A unit: stored, or new from `row` (its `unit` unsaved until the write)."""

    unit: OrgUnit
    agency: AgencyNode
    row: SheetRow | None = None
    parent: UnitNode | None = None
    parent_key: str = ""
    depth: int | None = None
    head: PositionNode | None = None
    positions: dict[str, list[PositionNode]] = field(default_factory=dict)


@dataclass(eq=False)
class PositionNode:
    """A position: stored, or new from `row`."""

    position: Position
    unit: UnitNode
    row: SheetRow | None = None
    is_valid: bool = True


@dataclass(frozen=True, slots=True)
class StoredEmployee:
    pk: int
    name: str
    front_title: str
    back_title: str
    email: str


@dataclass(slots=True)
class StoredPlacement:
    pk: int
    employee_id: int
    position_id: int
    kind: str
    valid_from: dt.date
    valid_to: dt.date | None


@dataclass
class Org:
    """The organisation as stored plus what the file adds."""

    government: Government
    agencies: dict[str, AgencyNode] = field(default_factory=dict)
    positions_by_id: dict[int, PositionNode] = field(default_factory=dict)
    new_agencies: list[AgencyNode] = field(default_factory=list)
    new_units: list[UnitNode] = field(default_factory=list)
    new_positions: list[PositionNode] = field(default_factory=list)


@dataclass
class People:
    """Stored employees by NIP and stored placements by employee and by position."""

    employees: dict[str, StoredEmployee]
    by_employee: dict[int, list[StoredPlacement]]
    by_position: dict[int, list[StoredPlacement]]


def org_load(government: Government) -> Org:
    """Stored agencies, units and positions, linked in memory (3 queries)."""
    org = Org(government=government)
    agencies = {agency.pk: agency for agency in Agency.objects.filter(government=government)}
    nodes = {pk: AgencyNode(agency) for pk, agency in agencies.items()}
    org.agencies = {node.agency.code: node for node in nodes.values()}
    units: dict[int, UnitNode] = {}
    for unit in OrgUnit.objects.filter(government=government).order_by("depth", "pk"):
        unit.agency = agencies[unit.agency_id]
        node = UnitNode(unit, nodes[unit.agency_id], depth=unit.depth)
        units[unit.pk] = node
        if unit.parent_id is None:
            node.agency.root = node
        else:
            node.parent = units[unit.parent_id]
            unit.parent = node.parent.unit
        node.agency.add_unit(node)
    for position in Position.objects.filter(government=government).order_by("pk"):
        unit_node = units[position.unit_id]
        position.unit = unit_node.unit
        position_node = PositionNode(position, unit_node)
        unit_node.positions.setdefault(name_key(position.title), []).append(position_node)
        if position.is_head:
            unit_node.head = position_node
        org.positions_by_id[position.pk] = position_node
    return org


def people_load(government: Government) -> People:
    """Stored employees and placements of the government (2 queries)."""
    employees = {
        nip: StoredEmployee(pk, name, front, back, email)
        for pk, nip, name, front, back, email in Employee.objects.filter(
            government=government
        ).values_list("pk", "nip", "name", "front_title", "back_title", "email")
    }
    by_employee: dict[int, list[StoredPlacement]] = defaultdict(list)
    by_position: dict[int, list[StoredPlacement]] = defaultdict(list)
    rows = Placement.objects.filter(government=government).values_list(
        "pk", "employee_id", "position_id", "kind", "valid_from", "valid_to"
    )
    for row in rows.iterator(chunk_size=5000):
        placement = StoredPlacement(*row)
        by_employee[placement.employee_id].append(placement)
        by_position[placement.position_id].append(placement)
    return People(employees, by_employee, by_position)
