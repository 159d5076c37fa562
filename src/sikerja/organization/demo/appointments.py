"""Who holds which position: employees for every head and staff position, definitive
placements, a few vacant heads covered by a Plt and a couple covered by a Plh, and (where the
pack asks for it) the agency heads' delegations of appraisal to their Kepala Bidang.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sikerja.organization.demo.catalog_jf import jf_by_name
from sikerja.organization.demo.people import PeopleMaker, PersonSpec, head_spec
from sikerja.organization.demo.tree import Blueprint, Node, Staff
from sikerja.organization.demo.units import Context
from sikerja.organization.models import Employee, Placement, Position

YEAR = 365


@dataclass(frozen=True)
class Acting:
    """A head position covered by the head of another unit: Plt (vacant) or Plh (absent)."""

    node: Node
    kind: str
    by: Node


@dataclass
class Staffing:
    """Every employee and placement of the demo, with lookups from positions to holders."""

    employees: list[Employee] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    head_of: dict[int, Employee] = field(default_factory=dict)  # id(node) -> definitive head
    holders: dict[int, list[Employee]] = field(default_factory=dict)  # id(staff) -> holders
    started: dict[int, dt.date] = field(default_factory=dict)  # id(employee) -> placed from


def choose_acting(ctx: Context, blueprint: Blueprint, protected: set[int]) -> list[Acting]:
    """A few vacant heads with a Plt and a couple of absent heads with a Plh."""
    nodes = list(blueprint.nodes())
    eligible = [
        n
        for n in nodes
        if id(n) not in protected and n.head is not None and n.head.kind != "FUNGSIONAL"
    ]
    order = ctx.rng.sample(eligible, len(eligible))
    wanted = {"PLT": max(2, min(12, round(len(nodes) / 40))), "PLH": min(6, 2 + len(nodes) // 1000)}
    busy: set[int] = set()
    vacant: set[int] = set()
    result: list[Acting] = []
    for kind, count in wanted.items():
        for node in order:
            if sum(1 for a in result if a.kind == kind) >= count:
                break
            if id(node) in busy:
                continue
            by = _acting_official(node, busy | vacant | protected)
            if by is None:
                continue
            result.append(Acting(node, kind, by))
            busy |= {id(node), id(by)}
            if kind == "PLT":
                vacant.add(id(node))
    return result


def _acting_official(node: Node, unavailable: set[int]) -> Node | None:
    """A sub-unit head (the Sekretaris for a Kepala Dinas), else a peer, else the superior."""
    peers = [n for n in node.parent.children if n is not node] if node.parent else []
    for candidate in [*node.children, *peers, *([node.parent] if node.parent else [])]:
        head = candidate.head
        if id(candidate) not in unavailable and head is not None and head.kind != "FUNGSIONAL":
            return candidate
    return None


class Appointer:
    """Makes employees and their placements, numbered like BKPSDM decisions."""

    def __init__(
        self,
        ctx: Context,
        people: PeopleMaker,
        on: dt.date,
        *,
        decided_by: str,
        secretary: str,
        hr_code: str,
    ) -> None:
        self.ctx, self.rng, self.people, self.on = ctx, ctx.rng, people, on
        self.decided_by, self.secretary, self.hr_code = decided_by, secretary, hr_code
        self.numbers: Counter[int] = Counter()
        self.result = Staffing()

    def run(self, blueprint: Blueprint, acting: list[Acting], pppk_rate: float) -> Staffing:
        vacant = {id(a.node) for a in acting if a.kind == "PLT"}
        for node in blueprint.nodes():
            if id(node) not in vacant:
                self._head(node)
        for _, staff in blueprint.staff():
            self._staff(staff, pppk_rate)
        for act in acting:
            self._acting(act)
        return self.result

    def _number(self, code: str, year: int) -> str:
        self.numbers[year] += 1
        return f"{code}/{self.numbers[year]:03d}/{self.hr_code}/{year}"

    def _place(self, employee: Employee, position: Position, earliest: dt.date, years: int) -> None:
        start = max(earliest, self.on - dt.timedelta(days=years * YEAR))
        latest = self.on - dt.timedelta(days=30)
        valid_from = start + dt.timedelta(days=self.rng.randint(0, max(0, (latest - start).days)))
        self.result.started[id(employee)] = valid_from
        self.result.placements.append(
            Placement(
                employee=employee,
                position=position,
                kind=Placement.Kind.DEFINITIVE,
                valid_from=valid_from,
                decision_number=self._number("821.2", valid_from.year),
                decision_date=valid_from - dt.timedelta(days=self.rng.randint(0, 14)),
                decided_by=self.decided_by,
            )
        )

    def _hire(self, spec: PersonSpec) -> tuple[Employee, dt.date]:
        employee, tmt = self.people.make(spec)
        self.result.employees.append(employee)
        return employee, tmt

    def _head(self, node: Node) -> None:
        head = node.head
        assert head is not None  # noqa: S101
        jf = jf_by_name(head.jf_name) if head.jf_name else None
        spec = head_spec(
            head.kind,
            node.domain,
            jf.expert_degrees if jf else (),
            jf.front if jf else "",
            self.rng,
        )
        employee, tmt = self._hire(spec)
        self.result.head_of[id(node)] = employee
        self._place(employee, head, tmt, 5)

    def _staff(self, staff: Staff, pppk_rate: float) -> None:
        position = staff.position
        band = position.grade or "PELAKSANA"
        may_be_pppk = self.ctx.plan.pppk_allowed(position)
        holders = self.result.holders.setdefault(id(staff), [])
        for _ in range(staff.holders):
            pppk = may_be_pppk and self.rng.random() < pppk_rate
            spec = PersonSpec(band, staff.female_share, staff.degrees, staff.front, pppk=pppk)
            employee, tmt = self._hire(spec)
            holders.append(employee)
            self._place(employee, position, tmt, 8)

    def _acting(self, act: Acting) -> None:
        official = self.result.head_of[id(act.by)]
        head = act.node.head
        assert head is not None  # noqa: S101
        since = self.result.started[id(official)] + dt.timedelta(days=1)
        if act.kind == "PLT":
            valid_from = max(since, self.on - dt.timedelta(days=self.rng.randint(14, 180)))
            valid_to, by, note = None, self.decided_by, f"Plt. selama jabatan {head.title} lowong"
        else:
            valid_from = max(since, self.on - dt.timedelta(days=self.rng.randint(1, 10)))
            valid_to = self.on + dt.timedelta(days=self.rng.randint(5, 20))
            by, note = self.secretary, f"Plh. selama {head.title} menjalani cuti"
        self.result.placements.append(
            Placement(
                employee=official,
                position=head,
                kind=act.kind,
                valid_from=valid_from,
                valid_to=valid_to,
                decision_number=self._number("800.1.3.3", valid_from.year),
                decision_date=valid_from,
                decided_by=by,
                note=note,
            )
        )


def pppk_rate(ctx: Context, blueprint: Blueprint, share: float = 0.15) -> float:
    """The chance a holder of a position open to PPPK is one, so that `share` of all are."""
    eligible = sum(
        staff.holders for _, staff in blueprint.staff() if ctx.plan.pppk_allowed(staff.position)
    )
    return min(0.6, share * ctx.sizes.employees / eligible) if eligible else 0.0
