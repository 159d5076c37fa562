"""Building blocks of the demo's unit trees: nodes, head kinds, and the work units
(Puskesmas, UPTD, schools) that multiply with the size of the demo.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from sikerja.organization.demo.catalog_agencies import WORK_UNIT_SUBUNIT
from sikerja.organization.demo.catalog_jf import jf_for
from sikerja.organization.demo.places import Region, numbered
from sikerja.organization.demo.plan import PackPlan
from sikerja.organization.demo.tree import Node, kind_below
from sikerja.organization.models import Agency, OrgUnit, Position

PREFIX = {
    "SEKSI": "Seksi",
    "SUBBIDANG": "Sub Bidang",
    "SUBBAGIAN": "Sub Bagian",
    "BIDANG": "Bidang",
}
ADMIN_LEVEL_TYPES = frozenset({"ASISTEN", "BAGIAN", "BIDANG", "INSPEKTUR_PEMBANTU", "BIRO"})
SMALL, LARGE = 150, 50_000


@dataclass(frozen=True)
class Sizes:
    """How big each part of the demo is, from the number of employees asked for."""

    employees: int
    scale: float  # 0 for a small demo (150 employees or fewer), 1 at 50,000

    @classmethod
    def for_employees(cls, employees: int) -> Sizes:
        ratio = math.log(max(employees, SMALL) / SMALL) / math.log(LARGE / SMALL)
        return cls(employees=employees, scale=min(1.0, ratio))

    def between(self, small: float, large: float) -> int:
        return round(small + (large - small) * self.scale)

    def per_employees(self, share: float, small_size: float, large_size: float) -> int:
        """How many work units hold `share` of the employees, each of a growing size."""
        size = small_size + (large_size - small_size) * self.scale
        return max(1, round(self.employees * share / size))


@dataclass
class Context:
    """What every builder needs: the pack's answers, place names, sizes and the seeded dice."""

    plan: PackPlan
    region: Region
    region_kind: str
    sizes: Sizes
    rng: random.Random


def new_node(
    parent: Node | None,
    agency: Agency,
    unit_type: str,
    name: str,
    title: str,
    domain: str,
    **flags: bool,
) -> Node:
    """A unit (unsaved) with its head position, attached under `parent`."""
    unit = OrgUnit(
        agency=agency,
        parent=parent.unit if parent else None,
        name=name,
        unit_type=unit_type,
        path="",
        depth=parent.unit.depth + 1 if parent else 0,
        is_work_unit=flags.get("work_unit", parent is None),
    )
    node = Node(unit=unit, domain=domain, support=flags.get("support", False))
    node.head = Position(unit=unit, title=title, kind="", is_head=True)
    if parent is not None:
        parent.add(node)
    return node


def allowed(ctx: Context, parent: Node, unit_type: str) -> str:
    """The unit type the pack lets `parent` have in place of `unit_type` ("" = none)."""
    types = ctx.plan.child_types(parent, [unit_type])
    return types[0] if types else ""


def sections(
    ctx: Context,
    parent: Node,
    unit_type: str,
    names: tuple[str, ...],
    suffix: str = "",
    *,
    support: bool = False,
) -> None:
    """Seksi, Sub Bidang or Sub Bagian under a unit, as far as the pack's table allows."""
    kind = allowed(ctx, parent, unit_type)
    if not kind:
        return
    agency = parent.unit.agency
    for name in names:
        label = f"{PREFIX[kind]} {name}{suffix}"
        new_node(parent, agency, kind, label, f"Kepala {label}", parent.domain, support=support)


def secretariat(
    ctx: Context, root: Node, owner: str, subunits: tuple[str, ...], suffix: str = ""
) -> Node | None:
    """The Sekretariat of an agency (or Kecamatan, Kelurahan) with its Sub Bagian."""
    if not allowed(ctx, root, "SEKRETARIAT"):
        return None
    agency = root.unit.agency
    node = new_node(
        root,
        agency,
        "SEKRETARIAT",
        f"Sekretariat {owner}",
        f"Sekretaris {owner}",
        root.domain,
        support=True,
    )
    sections(ctx, node, "SUBBAGIAN", subunits, suffix, support=True)
    return node


# ---- head kinds ---------------------------------------------------------------------------


def root_kind(node: Node) -> str:
    """Sekda: JPT Madya; Camat or an agency with only Seksi (Surakarta's BPBD): Administrator."""
    unit_type = node.unit.unit_type
    if unit_type == "SETDA":
        return "JPT_MADYA"
    child_types = {child.unit.unit_type for child in node.children}
    if unit_type == "KECAMATAN" or ("SEKSI" in child_types and not child_types & ADMIN_LEVEL_TYPES):
        return "ADMINISTRATOR"
    return "JPT_PRATAMA"


def assign_kinds(plan: PackPlan, node: Node, parent_kind: str) -> None:
    """Give every head position its kind, top down; a JF heads a work unit if the pack allows."""
    head = node.head
    assert head is not None  # noqa: S101 - every node is built with its head
    if node.head_jf:
        head.kind, head.grade, head.jf_name = "FUNGSIONAL", node.head_grade, node.head_jf
        node.unit.is_independent = True
        if not plan.head_allowed(head):
            head.grade = head.jf_name = node.head_jf = node.head_grade = ""
            node.unit.is_independent = False
    if not node.head_jf:
        head.kind = root_kind(node) if parent_kind == "" else _structural_kind(node, parent_kind)
    for child in node.children:
        assign_kinds(plan, child, head.kind)


def _structural_kind(node: Node, parent_kind: str) -> str:
    kind = kind_below(parent_kind)
    if node.children and kind == "PENGAWAS":
        return "ADMINISTRATOR"
    if node.unit.is_work_unit and not node.children:
        return "PENGAWAS"
    return kind


# ---- work units -----------------------------------------------------------------------------


def can_staff(ctx: Context, node: Node) -> bool:
    """Whether the JF of the unit's own profession (health JF in a Puskesmas, Guru in a
    school) may sit anywhere in the unit.
    """
    jf_kinds = jf_for(node.domain)[:3]
    for member in node.walk():
        assert member.head is not None  # noqa: S101
        for jf in jf_kinds:
            for grade in jf.grades:
                probe = Position(unit=member.unit, kind="FUNGSIONAL", grade=grade, jf_name=jf.name)
                if ctx.plan.may_sit(probe, member):
                    return True
    return False


def work_units(ctx: Context, root: Node, names: list[str], make: WorkUnitMaker) -> None:
    """Work units of one type under an agency root.

    Built when the type has its own placement table or the root's table lets the root have
    it. When the pack lets no JF of the unit's profession sit under a JF head, a Puskesmas gets
    a structural head instead. All `names` are built when the profession can sit in the unit;
    otherwise a few, to show the structure.
    """
    unit_type = make.unit_type
    if not names or not (ctx.plan.has_typology(unit_type) or allowed(ctx, root, unit_type)):
        return
    first = make(root, names[0])
    assign_kinds(ctx.plan, first, root_kind(root))
    if first.head_jf and unit_type == "PUSKESMAS" and not can_staff(ctx, first):
        root.children.remove(first)
        make.head_jf, make.built = "", 0
        first = make(root, names[0])
        assign_kinds(ctx.plan, first, root_kind(root))
    count = len(names) if can_staff(ctx, first) else min(len(names), ctx.sizes.between(1, 3))
    for name in names[1:count]:
        make(root, name)


@dataclass
class WorkUnitMaker:
    """Builds one Puskesmas, UPTD or school under a root: its type, head and Sub Bagian TU."""

    ctx: Context
    unit_type: str
    domain: str
    head_jf: str = ""
    built: int = 0

    def __call__(self, root: Node, name: str) -> Node:
        agency = root.unit.agency
        node = new_node(
            root, agency, self.unit_type, name, f"Kepala {name}", self.domain, work_unit=True
        )
        # Every third Puskesmas is led by a structural official, the rest by a JF.
        if self.head_jf and not (self.unit_type == "PUSKESMAS" and self.built % 3 == 2):
            node.head_jf = self.head_jf
            node.head_grade = "AHLI_MADYA" if self.ctx.rng.random() < 0.5 else "AHLI_MUDA"
        with_office = self.ctx.sizes.scale >= 0.2 or not self.built
        if self.unit_type in {"PUSKESMAS", "UPTD"} and with_office:
            sections(self.ctx, node, "SUBBAGIAN", (WORK_UNIT_SUBUNIT,), f" {name}", support=True)
        self.built += 1
        return node


def health_centres(ctx: Context, root: Node) -> None:
    names = ctx.region.health_centres + tuple(k for _, ks in ctx.region.kecamatan for k in ks)
    count = ctx.sizes.per_employees(0.08 + 0.04 * ctx.sizes.scale, 10, 40)
    maker = WorkUnitMaker(ctx, "PUSKESMAS", "puskesmas", head_jf="Dokter")
    work_units(ctx, root, [f"Puskesmas {n}" for n in numbered(names, count)], maker)


def schools(ctx: Context, root: Node) -> None:
    count = ctx.sizes.per_employees(0.1 + 0.25 * ctx.sizes.scale, 6, 20)
    names = [
        f"SMP Negeri {i // 4 + 1}" if i % 4 == 3 else f"SD Negeri {i - i // 4 + 1}"
        for i in range(count)
    ]
    work_units(ctx, root, names, WorkUnitMaker(ctx, "SATDIK", "sekolah", head_jf="Guru"))
    if ctx.plan.mentions("SPNF"):
        maker = WorkUnitMaker(ctx, "SPNF", "spnf", head_jf="Pamong Belajar")
        work_units(ctx, root, ["SPNF Sanggar Kegiatan Belajar"], maker)


def uptd(ctx: Context, root: Node, names: tuple[str, ...], *, at_least_one: bool) -> None:
    count = round(len(names) * ctx.sizes.scale)
    if at_least_one and ctx.plan.mentions("UPTD"):
        count = max(count, 1)
    work_units(ctx, root, list(names[:count]), WorkUnitMaker(ctx, "UPTD", root.domain))
