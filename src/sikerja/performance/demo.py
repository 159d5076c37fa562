"""A demo year in progress, run through the real services (issue 12 item 11).

In the demo's Dinas the heads set their units' PK for the year; the people of two of its Bidang
(the persona kabid's and a sibling one) draft SKPs whose main RHK cascades down the chain of
appraisers the pack's resolver names, from the Kepala Dinas's PK, record a performance dialogue
and have them approved on the pack's WF-SKP flow. The leader one level up sets both Bidang's
organisational level; the first period of the pack (its default periodic appraisal) is rated and
signed for everyone in the kabid's Bidang with predikat its curve allows, and drafted in the
sibling Bidang with predikat that break its curve, so the warning shows on the rating page.
One employee of the signed Bidang objects to their predikat (demo_objection.py): the objection
waits for the atasan of their appraiser. In both Bidang an appraiser gives feedback on an RHK and
its employee attaches evidence and answers (demo_notes.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product
from typing import Any

from django.db.models import Count

from sikerja.organization.demo import persona_employee
from sikerja.organization.models import Employee, Government, OrgUnit, Placement
from sikerja.organization.placements import placement_on
from sikerja.organization.resolver import Resolver
from sikerja.performance import checks, rules, services
from sikerja.performance.demo_notes import demo_notes
from sikerja.performance.demo_objection import demo_objection
from sikerja.performance.models import Rating, Rhk, Skp
from sikerja.performance.periods import period_bounds, period_count
from sikerja.performance.services.agreements import AgreementInput, IndicatorInput
from sikerja.performance.services.dialogues import DialogueInput
from sikerja.performance.services.ratings import RatingInput
from sikerja.performance.services.skp import ExpectationInput, RhkInput, skp_step
from sikerja.performance.services.skp import IndicatorInput as RhkIndicatorInput
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.performance import stated_rule
from sikerja.regulations.schema.performance import AppraisalPeriods, OrgLevel, Predikat
from sikerja.regulations.schema.performance import Rating as Grade

TARGET = (RhkIndicatorInput("Persentase layanan tepat waktu", "KUANTITATIF", "90 %"),)
LEVELS = (
    OrgLevel.BAIK,
    OrgLevel.ISTIMEWA,
    OrgLevel.BUTUH_PERBAIKAN,
    OrgLevel.KURANG,
    OrgLevel.SANGAT_KURANG,
)
KEEP = (Predikat.BAIK, Predikat.SANGAT_BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.KURANG)
BREAK = (Predikat.SANGAT_BAIK, Predikat.BAIK)


@dataclass(frozen=True)
class Outcome:
    """What the demo made of one unit: its SKPs rated, its level, the period, their status."""

    label: str
    unit_id: int
    skps: int
    level: str
    period: tuple[str, int]
    ratings: str


@dataclass
class _Year:
    government: Government
    pack: LoadedPack
    resolver: Resolver
    head: Employee
    agency_path: str
    at: dt.datetime
    on: dt.date
    made: dict[int, Rhk]


def covering(skps: list[Skp], year: int, kind: str, index: int) -> list[Skp]:
    """The SKPs whose part of the year meets the period (those rated for it)."""
    start, end = period_bounds(year, kind, index)
    return [skp for skp in skps if skp.starts_on <= end and skp.ends_on >= start]


def first_period(pack: LoadedPack, year: int, units: list[list[Skp]]) -> tuple[str, int]:
    """The pack's periodic appraisal (quarterly where it says so) and the first of its periods
    in which each unit has two SKPs to rate (an SKP starts with its position, possibly after
    January: who joined later is rated from a later period); the last period otherwise."""
    kind = str(stated_rule(pack, "P-APPRAISAL-PERIODS", AppraisalPeriods).params.periodic_default)
    count = period_count(kind)
    index = next(
        (
            i
            for i in range(1, count + 1)
            if all(len(covering(skps, year, kind, i)) >= 2 for skps in units)
        ),
        count,
    )
    return kind, index


def _unit_of(employee_id: int, on: dt.date) -> OrgUnit | None:
    """The unit of the employee's position on the day (the definitive one first), as the SKP's."""
    placement = placement_on(employee_id, on)
    return placement.position.unit if placement is not None else None


def _pk_source(year: _Year, employee: Employee, unit: OrgUnit) -> dict[str, Any] | None:
    """The unit's PK set by its head (the employee), as the source of the head's main RHK."""
    if not rules.may_set_pk(employee.pk, unit.pk, year.pack.id, year.on):
        return None
    data = AgreementInput(
        unit.pk,
        "UNIT",
        year.on.year,
        (IndicatorInput(f"Sasaran {unit.name}", "Indeks kepuasan layanan", "80"),),
    )
    agreement = services.pk_set(actor=employee, data=data, at=year.at, on=year.on)
    return {"pk_indicator_id": agreement.indicators.get().pk}


def _main_rhk(year: _Year, employee: Employee) -> Rhk | None:
    """The employee's SKP with its main RHK: cascaded from the appraiser's main RHK where the
    appraiser works in the Dinas, else from the PK of the unit the employee heads; the heads
    of the units on the way set their unit's PK. None where neither source exists."""
    if employee.pk in year.made:
        return year.made[employee.pk]
    unit = _unit_of(employee.pk, year.on)
    if unit is None:
        return None
    source = _pk_source(year, employee, unit)
    appraiser = year.resolver.appraiser(employee.pk, year.on).person
    if appraiser is not None:
        above = _unit_of(appraiser.employee_id, year.on)
        if above is not None and above.path.startswith(year.agency_path):
            parent = _main_rhk(year, Employee.objects.get(pk=appraiser.employee_id))
            if parent is not None:
                source = {"parent_id": parent.pk, "cascade": "DIRECT"}
    if source is None:
        return None
    skp = services.skp_create(actor=employee, year=year.on.year, at=year.at, on=year.on)
    data = RhkInput(
        kind="UTAMA", text=f"Layanan {unit.name} tepat waktu", indicators=TARGET, **source
    )
    rhk = services.skp_rhk_add(actor=employee, skp_id=skp.pk, data=data, at=year.at)
    year.made[employee.pk] = rhk
    return rhk


def _approve(year: _Year, skp: Skp) -> Skp:
    """Expectation and dialogue, submitted, then every approval step decided by its actor."""
    expectation = ExpectationInput(
        "AKUNTABEL", "Menyelesaikan layanan tepat waktu", "Laporan layanan", "12", "Desember"
    )
    services.skp_expectation_set(actor=skp.employee, skp_id=skp.pk, data=expectation, at=year.at)
    dialogue = DialogueInput(year.on, "Penyusunan SKP", "Ekspektasi dan target disepakati")
    services.skp_dialogue_record(
        actor=skp.employee, skp_id=skp.pk, data=dialogue, at=year.at, on=year.on
    )
    skp = services.skp_submit(actor=skp.employee, skp_id=skp.pk, at=year.at, on=year.on)
    for _ in range(5):
        step = skp_step(skp)
        if skp.status == Skp.Status.APPROVED or step is None or step.actor_id is None:
            break
        skp = services.skp_decide(
            actor=Employee.objects.get(pk=step.actor_id),
            skp_id=skp.pk,
            decision="approve",
            at=year.at,
            on=year.on,
        )
    return skp


def _people(unit: OrgUnit, on: dt.date) -> list[Employee]:
    """Everyone placed in the unit or below it, head first, in a stable order."""
    placements = (
        Placement.objects.effective_on(on)
        .filter(position__unit__path__startswith=unit.path)
        .select_related("employee", "position__unit")
        .order_by("position__unit__path", "-position__is_head", "pk")
    )
    seen: dict[int, Employee] = {}
    for placement in placements:
        seen.setdefault(placement.employee_id, placement.employee)
    return list(seen.values())


def _compositions(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    """Every way to split `total` people over `parts` predikat, the first part first."""
    if parts == 1:
        yield (total,)
        return
    for first in range(total, -1, -1):
        for rest in _compositions(total - first, parts - 1):
            yield (first, *rest)


def distribution(
    pack: LoadedPack, size: int, *, keeps: bool, order: tuple[Predikat, ...]
) -> tuple[OrgLevel, list[Predikat]] | None:
    """A level and `size` predikat whose curve holds (keeps) or breaks (not keeps), as the
    pack's P-DISTRIBUTION says; the levels in the matrix's order, the predikat tried in `order`.
    """
    for level in LEVELS:
        for counts in _compositions(size, len(order)):
            predikat = [p for p, n in zip(order, counts, strict=True) for _ in range(n)]
            if bool(checks.breaches(pack, level, predikat)) != keeps:
                return level, predikat
    return None


def _grades(pack: LoadedPack) -> dict[Predikat, tuple[str, str]]:
    """A (result, behaviour) pair giving each predikat of the pack's matrix."""
    found: dict[Predikat, tuple[str, str]] = {}
    for result, behaviour in product(Grade, Grade):
        found.setdefault(checks.predikat_for(pack, result, behaviour), (result, behaviour))
    return found


def _rate(
    year: _Year, unit: OrgUnit, skps: list[Skp], period: tuple[str, int], *, sign: bool
) -> Outcome:
    """Set the unit's level, then draft (and sign, where asked) the period's ratings of its
    SKPs, each by its appraiser of record, with predikat that keep (or break) its curve."""
    kind, index = period
    grades = _grades(year.pack)
    order = tuple(p for p in (KEEP if sign else BREAK) if p in grades)
    chosen = distribution(year.pack, len(skps), keeps=sign, order=order)
    assert chosen is not None  # noqa: S101 - every pack's curve has a holding and a breaking set
    level, predikat = chosen
    setter = rules.level_setter(unit.pk, year.pack.id, year.on).person
    assert setter is not None  # noqa: S101 - a Bidang's head has an appraiser
    services.unit_level_set(
        actor=Employee.objects.get(pk=setter.employee_id),
        unit_id=unit.pk,
        year=year.on.year,
        period_kind=kind,
        period_index=index,
        level=level,
        at=year.at,
        on=year.on,
    )
    drafted = []
    for skp, value in zip(skps, predikat, strict=True):
        result, behaviour = grades[value]
        data = RatingInput(skp.pk, kind, index, result, behaviour)
        assert skp.appraiser_id is not None  # noqa: S101 - approved by its appraiser
        rater = Employee.objects.get(pk=skp.appraiser_id)
        drafted.append(
            (rater, services.rating_draft(actor=rater, data=data, at=year.at, on=year.on).rating)
        )
    if sign:
        for rater, rating in drafted:
            services.rating_sign(actor=rater, rating_id=rating.pk, at=year.at, on=year.on)
    state = Rating.Status.SIGNED if sign else Rating.Status.DRAFT
    return Outcome(unit.name, unit.pk, len(skps), str(level), (kind, index), str(state))


def _sibling(kabid_unit: OrgUnit, pack_id: str, on: dt.date) -> OrgUnit | None:
    """Another unit under the Dinas's root with a definitive head and at least two people: the
    smallest, a Bidang (the kabid's unit type) where there is one (its head, appraised by the Kepala Dinas, has a rating drafted by that persona)."""
    siblings = (
        OrgUnit.objects.filter(parent_id=kabid_unit.parent_id)
        .exclude(pk=kabid_unit.pk)
        .order_by("path")
    )
    sized = []
    for unit in siblings:
        people = (
            Placement.objects.effective_on(on)
            .filter(position__unit__path__startswith=unit.path)
            .aggregate(n=Count("employee_id", distinct=True))["n"]
        )
        definitive = (
            Placement.objects.effective_on(on)
            .filter(position__unit=unit, position__is_head=True, kind=Placement.Kind.DEFINITIVE)
            .exists()
        )
        if people >= 2 and definitive and rules.unit_head_of(unit.pk, pack_id, on).person:
            sized.append((unit.unit_type != kabid_unit.unit_type, people, unit.path, unit))
    return min(sized, key=lambda row: row[:3])[3] if sized else None


def _approved_year(year: _Year, units: tuple[OrgUnit, ...]) -> list[list[Skp]]:
    """Every SKP the chains of the units' people need (an acting head's SKP may sit in another
    unit), approved; per unit, the approved SKPs held in it or below it."""
    _main_rhk(year, year.head)
    for unit in units:
        for employee in _people(unit, year.on):
            _main_rhk(year, employee)
    made = sorted((rhk.skp for rhk in year.made.values()), key=lambda skp: skp.pk)
    approved = [_approve(year, skp).pk for skp in made]
    return [
        list(Skp.objects.filter(pk__in=approved, unit__path__startswith=unit.path).order_by("pk"))
        for unit in units
    ]


def demo_performance(*, government: Government, at: dt.datetime, on: dt.date) -> list[Outcome]:
    """Build the demo year; [] where the personas or a sibling Bidang are missing."""
    kabid = persona_employee(government, "kabid")
    head = persona_employee(government, "kepala_dinas")
    if kabid is None or head is None:
        return []
    rated, agency = _unit_of(kabid.pk, on), _unit_of(head.pk, on)
    other = _sibling(rated, government.pack_id, on) if rated is not None else None
    if rated is None or agency is None or other is None:
        return []
    pack = load_pack(government.pack_id)
    year = _Year(government, pack, Resolver(pack), head, agency.path, at, on, {})
    kept, broken = _approved_year(year, (rated, other))
    kind, index = first_period(pack, on.year, [kept, broken])
    signed = _rate(year, rated, covering(kept, on.year, kind, index), (kind, index), sign=True)
    demo_objection(government=government, unit_id=signed.unit_id, at=at, on=on)
    drafted = _rate(year, other, covering(broken, on.year, kind, index), (kind, index), sign=False)
    demo_notes(
        government=government,
        unit_ids=[signed.unit_id, drafted.unit_id],
        period=(kind, index),
        at=at,
        on=on,
    )
    return [signed, drafted]
