"""The demo pemda in memory: agencies, unit nodes, head and staff positions (unsaved rows)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sikerja.organization.models import Agency, OrgUnit, Position

# Kinds ordered from the top; a sub-unit's head sits one step below its parent's head.
KIND_ORDER = ("JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS")


@dataclass(eq=False)
class Staff:
    """A JF or Pelaksana position (a formation several employees share) and who fills it."""

    position: Position
    weight: float
    degrees: tuple[str, ...]
    front: str = ""
    female_share: float = 0.5
    rank: int = 0  # 0 = the unit's first choice; lower ranks are dropped first in a small demo
    essential: bool = False
    holders: int = 0


@dataclass(eq=False)
class Node:
    """One unit with its head position, its staff positions and its sub-units."""

    unit: OrgUnit
    domain: str
    parent: Node | None = None
    head: Position | None = None
    support: bool = False  # a Sekretariat-like unit: supporting JF sit here
    children: list[Node] = field(default_factory=list)
    staff: list[Staff] = field(default_factory=list)
    head_jf: str = ""  # a JF heads this independent unit (Kepala Puskesmas, Kepala Sekolah)
    head_grade: str = ""

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        return child


@dataclass(eq=False)
class AgencyPlan:
    """A Perangkat Daerah: the row, its unit tree, and its part in the demo ("hr", …)."""

    agency: Agency
    root: Node
    role: str
    dinas_rank: int = 99  # preference as the personas' Dinas (lower first)


@dataclass
class Blueprint:
    """Every agency of the demo government, in creation order."""

    agencies: list[AgencyPlan] = field(default_factory=list)

    def nodes(self) -> Iterator[Node]:
        for plan in self.agencies:
            yield from plan.root.walk()

    def staff(self) -> Iterator[tuple[Node, Staff]]:
        for node in self.nodes():
            for staff in node.staff:
                yield node, staff


def kind_below(kind: str) -> str:
    """The structural kind one level below (a JF head's sub-units are led by a Pengawas)."""
    if kind not in KIND_ORDER:
        return "PENGAWAS"
    return KIND_ORDER[min(KIND_ORDER.index(kind) + 1, len(KIND_ORDER) - 1)]
