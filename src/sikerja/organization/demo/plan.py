"""What the pack allows the demo to build: unit structure from the placement tables, and
positions judged by the same checks the services run (`organization.checks`).

The demo never decides on its own whether a JF or Pelaksana may sit somewhere: it asks
`checks.check_position_placement`, so a change to the checks or to a pack changes the demo.
"""

from __future__ import annotations

from sikerja.core.errors import RuleViolation
from sikerja.organization import checks
from sikerja.organization.demo.tree import Node
from sikerja.organization.models import Employee, Position
from sikerja.organization.services import suggested_placement_table
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.schema import PlacementTable, UnitType

UNIT_TYPES = frozenset(UnitType.__members__)
SECTION_TYPES = ("SEKSI", "SUBBIDANG")


def _unit_codes(table: PlacementTable, appraiser: str) -> set[str]:
    codes: set[str] = set()
    for row in table.rows:
        if appraiser in row.appraiser:
            codes |= {code for code in row.appraisees if code in UNIT_TYPES}
    return codes


def kinds_below(node: Node) -> checks.KindsBelow:
    """Kinds of the head and staff positions in the node and below it, other than its head."""

    def kinds() -> set[str]:
        found: set[str] = set()
        for member in node.walk():
            found |= {staff.position.kind for staff in member.staff}
            if member is not node and member.head is not None:
                found.add(member.head.kind)
        return found

    return kinds


def table_levels(table: PlacementTable) -> int:
    """1 = single level on the core business, 2 = Bidang, 3 = Bidang with Seksi/Sub Bidang."""
    if "BIDANG" not in _unit_codes(table, "ROOT"):
        return 1
    return 3 if _unit_codes(table, "BIDANG") & set(SECTION_TYPES) else 2


class PackPlan:
    """The pack's placement rules, asked the questions the demo blueprint needs answered."""

    def __init__(self, pack: LoadedPack) -> None:
        placement = pack.data.placement
        if placement is None:
            raise ValueError(f"pack {pack.id} has no placement rules")
        self.pack = pack
        self.placement = placement
        self.tables = {table.id: table for table in placement.tables}

    def mentions(self, unit_type: str) -> bool:
        """Whether any placement table names this unit type (as a typology or a sub-unit)."""
        for table in self.placement.tables:
            if unit_type in table.agency_types:
                return True
            if any(unit_type in row.appraisees for row in table.rows):
                return True
        return False

    def has_typology(self, agency_type: str) -> bool:
        """Whether a table (or a default) is given for agencies of this type."""
        return agency_type in self.placement.default_tables or any(
            agency_type in table.agency_types for table in self.placement.tables
        )

    def agency_table(
        self, agency_type: str, affairs: list[str], levels: int | None
    ) -> tuple[str, str]:
        """The placement table for a new agency and, when it departs from the suggestion, why.

        The pack's affairs mapping (V-42) decides when it covers the affairs; otherwise a
        table with the agency's real structure (`levels`) is preferred to the default.
        """
        suggested = suggested_placement_table(self.pack, agency_type, affairs)
        if any(affair in self.placement.affairs for affair in affairs):
            return suggested, ""
        current = self.tables.get(suggested)
        if levels is None or (
            current is not None and (not current.rows or table_levels(current) == levels)
        ):
            return suggested, ""
        for table in self.placement.tables:
            if agency_type in table.agency_types and table.rows and table_levels(table) == levels:
                reason = (
                    f"Susunan organisasi {levels} tingkat menurut Peraturan Daerah tentang "
                    "Pembentukan dan Susunan Perangkat Daerah"
                )
                return table.id, reason
        return suggested, ""

    def known_affairs(self, affairs: tuple[str, ...]) -> list[str]:
        """The agency's affairs that the pack knows (packs without a mapping know none)."""
        return [affair for affair in affairs if affair in self.placement.affairs]

    def _structure_table(self, node: Node) -> tuple[PlacementTable | None, str]:
        """The table that shapes a node's sub-units and the node's row in it.

        Found as `checks` finds it for the node's staff: the nearest unit of a typology of
        its own (Puskesmas, UPTD, school, Kelurahan), else the agency's table; the node's row
        is "ROOT" for the agency head, else its unit type.
        """
        appraiser = "ROOT" if node.unit.depth == 0 else node.unit.unit_type
        walk: Node | None = node
        while walk is not None and walk.unit.depth > 0:
            for typology in self.placement.tables:
                if walk.unit.unit_type in typology.agency_types:
                    return typology, appraiser
            walk = walk.parent
        agency = node.unit.agency
        table = self.tables.get(agency.placement_table)
        if table is None:
            default = self.placement.default_tables.get(agency.agency_type, "")  # type: ignore[call-overload]
            table = self.tables.get(default)
        return table, appraiser

    def child_types(self, node: Node, wanted: list[str]) -> list[str]:
        """The sub-unit types of `wanted` the pack's table lets this node have (in order).

        A table without rows (or no table) leaves the usual structure; Seksi and Sub Bidang
        stand in for each other when the table names only one of them.
        """
        table, appraiser = self._structure_table(node)
        if table is None or not table.rows:
            return wanted
        listed = _unit_codes(table, appraiser)
        result = []
        for unit_type in wanted:
            if unit_type in listed:
                result.append(unit_type)
            elif unit_type in SECTION_TYPES:
                other = [t for t in SECTION_TYPES if t != unit_type and t in listed]
                result.extend(other[:1])
        return result

    def head_allowed(self, position: Position) -> bool:
        """G30/V-48 through `checks.check_unit_head_kind`."""
        try:
            checks.check_unit_head_kind(self.pack, position)
        except RuleViolation:
            return False
        return True

    def may_sit(self, position: Position, node: Node) -> bool:
        """T-KEDUDUKAN/V-40/V-41 through `checks.check_position_placement`, under the node's head."""
        try:
            checks.check_position_placement(
                self.pack, position, node.head, kinds_below=kinds_below(node)
            )
        except RuleViolation:
            return False
        return True

    def pppk_allowed(self, position: Position) -> bool:
        """V-47 through `checks.check_pppk_position`: whether a PPPK may hold the position."""
        try:
            probe = Employee(employment_type=Employee.EmploymentType.PPPK)
            checks.check_pppk_position(self.pack, probe, position)
        except RuleViolation:
            return False
        return True
