"""JF and Pelaksana positions of the demo: what each unit would have, what the pack lets it
have, how many positions a demo of N employees keeps, and how many holders each one gets.

A position is a formation: one "Perawat Ahli Pertama" position in a Puskesmas is shared by
every nurse of that grade there.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from typing import TypeVar

from django.utils.translation import gettext as _

from sikerja.core.errors import ValidationFailed
from sikerja.organization.demo.catalog_jf import (
    GRADE_LABEL,
    GRADE_WEIGHT,
    JfKind,
    PelaksanaKind,
    jf_for,
    pelaksana_for,
)
from sikerja.organization.demo.errors import DemoErrorCode
from sikerja.organization.demo.tree import Blueprint, Node, Staff
from sikerja.organization.demo.units import Context
from sikerja.organization.models import Position

T = TypeVar("T", JfKind, PelaksanaKind)
# Work units of a profession have more kinds of JF.
MANY_KINDS = frozenset({"sekolah", "puskesmas", "rs"})
# People per unit (small demo, 50,000 employees); the extra employees are shared by capacity.
CAPACITY = {
    "SATDIK": (6, 20),
    "SPNF": (4, 10),
    "PUSKESMAS": (8, 45),
    "UPTD": (4, 15),
    "SUBBAGIAN": (2, 8),
    "SEKSI": (2, 10),
    "SUBBIDANG": (2, 10),
}
HOSPITAL_CAPACITY = (6, 70)
UNIT_CAPACITY = (3, 20)


def _pick(rng: random.Random, kinds: Sequence[T], count: int) -> list[T]:
    """`count` kinds drawn without replacement, likelier by weight (Efraimidis-Spirakis)."""
    keyed = sorted(kinds, key=lambda kind: rng.random() ** (1.0 / kind.weight), reverse=True)
    return keyed[:count]


def jf_position(node: Node, jf: JfKind, grade: str) -> Staff:
    """A JF formation of one grade in a unit."""
    position = Position(
        unit=node.unit,
        title=f"{jf.name} {GRADE_LABEL[grade]}",
        kind="FUNGSIONAL",
        grade=grade,
        jf_name=jf.name,
        track="SUPPORTING" if node.support else "CORE",
    )
    degrees = jf.expert_degrees if grade.startswith("AHLI") else jf.skill_degrees
    weight = jf.weight * GRADE_WEIGHT[grade]
    return Staff(
        position,
        weight,
        degrees,
        front=jf.front if grade.startswith("AHLI") else "",
        female_share=jf.female_share,
    )


def pelaksana_position(node: Node, kind: PelaksanaKind) -> Staff:
    """A Pelaksana formation in a unit."""
    position = Position(unit=node.unit, title=kind.name, kind="PELAKSANA")
    # In a school or health centre most people belong to the profession, few are Pelaksana.
    weight = kind.weight * (0.4 if node.domain in MANY_KINDS else 2.0)
    return Staff(position, weight, kind.degrees, female_share=kind.female_share)


def propose(ctx: Context, blueprint: Blueprint) -> None:
    """Give every unit the JF and Pelaksana positions it would have that the pack allows."""
    for node in blueprint.nodes():
        node.staff = [staff for staff in _candidates(ctx, node) if _fits(ctx, node, staff)]


def _fits(ctx: Context, node: Node, staff: Staff) -> bool:
    assert node.head is not None  # noqa: S101
    return ctx.plan.may_sit(staff.position, node)


def _candidates(ctx: Context, node: Node) -> list[Staff]:
    """Ranked: the unit's first choice of each kind first, rarer grades later."""
    domain = "umum" if node.support else node.domain
    many = domain in MANY_KINDS
    jf_count = ctx.sizes.between(3, 6) if many else ctx.sizes.between(1, 3)
    candidates: list[Staff] = []
    for kind_index, jf in enumerate(_pick(ctx.rng, jf_for(domain), jf_count)):
        grades = sorted(jf.grades, key=lambda grade: -GRADE_WEIGHT[grade])
        for grade_index, grade in enumerate(grades):
            staff = jf_position(node, jf, grade)
            staff.rank = kind_index + grade_index
            candidates.append(staff)
    plk_count = ctx.sizes.between(1, 3)
    for kind_index, kind in enumerate(_pick(ctx.rng, pelaksana_for(domain), plk_count)):
        staff = pelaksana_position(node, kind)
        staff.rank = kind_index + 1 if candidates else kind_index
        candidates.append(staff)
    return sorted(candidates, key=lambda staff: staff.rank)


def keep(ctx: Context, blueprint: Blueprint, staff_employees: int) -> list[Staff]:
    """Keep as many positions as the employees can fill (essential ones first); fill them.

    Raises ValidationFailed when the employees cannot fill even the essential positions.
    """
    ranked = sorted(
        ((not staff.essential, staff.rank, index), node, staff)
        for index, (node, staff) in enumerate(blueprint.staff())
    )
    essential = sum(1 for key, _, _ in ranked if not key[0])
    target = int(staff_employees / (1.25 + 3.0 * ctx.sizes.scale))
    count = min(len(ranked), max(essential, target))
    if count > staff_employees or not count:
        raise too_small(ctx.sizes.employees, ctx.sizes.employees - staff_employees + max(count, 1))
    kept = {id(staff) for _, _, staff in ranked[:count]}
    for node in blueprint.nodes():
        node.staff = [staff for staff in node.staff if id(staff) in kept]
    chosen = [staff for _, staff in blueprint.staff()]
    _fill(ctx, blueprint, staff_employees - len(chosen))
    return chosen


def _capacity(ctx: Context, node: Node) -> float:
    small, large = CAPACITY.get(
        node.unit.unit_type, HOSPITAL_CAPACITY if node.domain == "rs" else UNIT_CAPACITY
    )
    return small + (large - small) * ctx.sizes.scale


def _fill(ctx: Context, blueprint: Blueprint, extra: int) -> None:
    """One holder per position, the rest drawn by the unit's capacity and the position's weight."""
    chosen: list[Staff] = []
    weights: list[float] = []
    for node in blueprint.nodes():
        total = sum(staff.weight for staff in node.staff)
        for staff in node.staff:
            staff.holders = 1
            chosen.append(staff)
            weights.append(_capacity(ctx, node) * staff.weight / total)
    if extra > 0:
        cumulative = list(itertools.accumulate(weights))
        for staff in ctx.rng.choices(chosen, cum_weights=cumulative, k=extra):
            staff.holders += 1


def too_small(asked: int, needed: int) -> ValidationFailed:
    """The error for a demo too small for the pack's structure."""
    return ValidationFailed(
        code=DemoErrorCode.TOO_SMALL,
        message=_(
            "Demo dengan %(asked)d pegawai terlalu kecil untuk struktur paket ini; "
            "perlu sedikitnya %(needed)d pegawai."
        )
        % {"asked": asked, "needed": needed},
        fields={"employees": _("Minimal %(needed)d pegawai.") % {"needed": needed}},
    )
