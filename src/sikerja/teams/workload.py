"""The unit head's view of a unit's work: who carries how much (V-61, the even distribution of
work) and the training needs that follow from competence gaps (V-62).

Everything is read from what the product holds: team memberships and roles, the Pengendali of
teams, the activities of the leads' plans given to a person and not yet reported done, the
penugasan in force that name the person, the competencies the person's teams and penugasan ask
for against the competencies recorded for the person, and the activities sent to rework
because they missed their target. Seen by whoever may see the unit (its head, the officials
above it, BKPSDM operators and the auditor: `organization.rules.may_see_unit`); anyone else gets
the same "not found" as for a missing unit. A fixed number of queries whatever the unit's size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Exists,
    OuterRef,
    Q,
    QuerySet,
)

from sikerja.core.errors import NotFound
from sikerja.organization.models import Employee, OrgUnit
from sikerja.organization.rules import Viewer, agencies_visible_to, may_see_unit
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.enums import Strength
from sikerja.regulations.schema.workload import EvenDistribution
from sikerja.teams import rules
from sikerja.teams.models import (
    Obstacle,
    PlanActivity,
    Team,
    TeamMember,
    TrainingNeedItem,
)
from sikerja.teams.workload_loads import (
    LOAD_PARTS,
    PEOPLE_SHOWN,
    Load,
    count_of,
    in_force,
    loads,
    placed,
    placed_people,
)

TEAMS_SHOWN = 40
NAMES_SHOWN = 8
GAP_PEOPLE_SHOWN = 25
PRODUCT_DECISION = "keputusan produk (tidak diatur dalam peraturan)"


@dataclass(frozen=True)
class PersonLoad:
    """One person of the unit and what they carry on the day."""

    employee_id: int
    name: str
    position_title: str
    unit_name: str
    lead_teams: int
    member_teams: int
    pengendali_teams: int
    open_activities: int
    penugasan: int
    missed_targets: int
    total: int
    is_over: bool
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class UnitTeam:
    """One current team of the unit (or of a unit below it)."""

    team_id: int
    name: str
    status_label: str
    owner_unit: str
    lead_name: str
    people: int
    activities: int
    open_obstacles: int
    is_visible: bool


@dataclass(frozen=True)
class TrainingNeed:
    """A competence asked of people of the unit by their work that they are not recorded to
    hold: a training need to propose (V-62)."""

    competency: str
    people: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class PersonGap:
    """A person of the unit with competence gaps: those already proposed for training (a
    proposal waits or is scheduled) and those that may still be proposed (V-62)."""

    employee_id: int
    name: str
    gaps: tuple[str, ...]
    proposed: tuple[str, ...]

    @property
    def open_gaps(self) -> tuple[str, ...]:
        taken = {label.casefold() for label in self.proposed}
        return tuple(gap for gap in self.gaps if gap.casefold() not in taken)


@dataclass(frozen=True)
class TrainingOffer:
    """Whether the page offers the training-need proposal (V-62) and on what footing: the
    pack's rule and article where it binds, else a product decision with its note."""

    offered: bool
    required: bool
    rule_id: str
    citation: str
    note: str
    note_en: str


@dataclass(frozen=True)
class RuleNote:
    """A pack rule the page implements, with its strength and citation ("" when silent)."""

    rule_id: str
    strength: str
    citation: str


@dataclass(frozen=True)
class UnitWorkload:
    """The workload page of one unit on a day."""

    unit_id: int
    unit_name: str
    on: dt.date
    people: list[PersonLoad]
    people_total: int
    load_total: int
    mean_load: Decimal
    max_load: int
    threshold_ratio: Decimal | None
    threshold_load: Decimal | None
    over_total: int
    teams: list[UnitTeam]
    teams_total: int
    training_needs: list[TrainingNeed]
    distribution_rule: RuleNote
    training_rule: RuleNote
    training: TrainingOffer
    may_propose: bool
    gap_people: list[PersonGap]
    gap_people_total: int


def unit_workload(*, viewer: Viewer, unit_id: int, on: dt.date) -> UnitWorkload:
    """The workload and training needs of a unit the viewer may see. Raises NotFound.

    Implements: V-61 (even distribution, Blitar Pasal 28), V-62 (training needs, Pasal 29(2)).
    """
    unit = OrgUnit.objects.filter(pk=unit_id, government_id=viewer.government.pk).first()
    if unit is None or not may_see_unit(viewer, unit):
        raise NotFound()
    pack = load_pack(viewer.government.pack_id)
    carried = loads(unit, on)
    totals = carried.totals()
    mean = _mean(sum(totals), len(totals))
    ratio = _threshold_ratio(pack)
    limit = (ratio * mean).quantize(Decimal("0.01")) if ratio is not None else None
    over_total = sum(1 for total in totals if total > limit) if limit is not None else 0
    gaps = _gaps(placed_people(unit, on), on)
    offer = training_offer(pack)
    gap_people = _gap_people(unit, gaps, on) if offer.offered else []
    return UnitWorkload(
        unit_id=unit.pk,
        unit_name=unit.name,
        on=on,
        people=_rows(unit, on, carried.ranked[:PEOPLE_SHOWN], limit, gaps.by_person),
        people_total=len(totals),
        load_total=sum(totals),
        mean_load=mean,
        max_load=max(totals, default=0),
        threshold_ratio=ratio,
        threshold_load=limit,
        over_total=over_total,
        teams=_teams(viewer, unit)[:TEAMS_SHOWN],
        teams_total=_unit_teams(unit).count(),
        training_needs=gaps.needs,
        distribution_rule=_note(pack, "V-61"),
        training_rule=_note(pack, "V-62"),
        training=offer,
        may_propose=offer.offered and rules.may_propose_for_unit(viewer.employee_id, unit, on),
        gap_people=gap_people,
        gap_people_total=sum(1 for missing in gaps.by_person.values() if missing),
    )


def training_offer(pack: LoadedPack) -> TrainingOffer:
    """The pack's footing for the training-need proposal (V-62): its `[training]` table, the
    rule's article where the rule binds, a product decision (with the article the pack's V-62
    row names, where it has one) otherwise."""
    settings = pack.data.training
    if settings is None or not settings.offered:
        return TrainingOffer(False, False, "", "", "", "")
    if pack.binds("V-62"):
        return TrainingOffer(True, True, "V-62", pack.citation_of("V-62"), "", "")
    related = pack.citation_of("V-62")
    citation = PRODUCT_DECISION + (f"; {related}" if related else "")
    return TrainingOffer(True, False, "", citation, settings.note, settings.note_en)


def person_gaps(*, unit: OrgUnit, employee_id: int, on: dt.date) -> tuple[str, ...] | None:
    """The competence gaps of one person placed in the unit (or below it) on the day; None when
    they are not placed there (2 queries)."""
    person = placed_people(unit, on).filter(pk=employee_id)
    if not person.exists():
        return None
    return _gaps(person, on).by_person.get(employee_id, ())


def units_headed_by(viewer: Viewer) -> list[tuple[int, str]]:
    """The units whose workload the viewer looks after, as (id, name) (which): the units they
    head; none for an operator, the auditor or a Sekda without one, who pick an agency."""
    condition = Q(path__in=list(viewer.unit_paths)) | Q(
        agency_id__in=list(viewer.agency_ids), depth=0
    )
    return list(
        OrgUnit.objects.filter(condition, government_id=viewer.government.pk)
        .order_by("depth", "path")
        .values_list("pk", "name")
    )


def agency_roots(viewer: Viewer) -> QuerySet[OrgUnit]:
    """The root unit of every agency the viewer may see, by name (to pick one)."""
    return (
        OrgUnit.objects.filter(government_id=viewer.government.pk, depth=0)
        .filter(agency__in=agencies_visible_to(viewer))
        .order_by("name", "pk")
    )


def _mean(load: int, count: int) -> Decimal:
    if not count:
        return Decimal("0.00")
    return (Decimal(load) / Decimal(count)).quantize(Decimal("0.01"))


def _threshold_ratio(pack: LoadedPack) -> Decimal | None:
    """V-61's threshold where the pack sets one (Blitar: 1.5 times the unit's mean load)."""
    if not pack.has_rule("V-61"):
        return None
    params = pack.rule("V-61").typed_params
    return params.alert_threshold_ratio if isinstance(params, EvenDistribution) else None


def _note(pack: LoadedPack, rule_id: str) -> RuleNote:
    strength = pack.strength(rule_id)
    citation = pack.citation_of(rule_id) if strength != Strength.SILENT else ""
    return RuleNote(rule_id=rule_id, strength=str(strength), citation=citation)


def _rows(
    unit: OrgUnit,
    on: dt.date,
    loads: list[Load],
    limit: Decimal | None,
    gaps: dict[int, tuple[str, ...]],
) -> list[PersonLoad]:
    """The people shown, named with their position and unit on the day (2 queries)."""
    ids = [load.employee_id for load in loads]
    people = Employee.objects.in_bulk(ids)
    where: dict[int, tuple[str, str]] = {}
    for employee_id, title, unit_name in (
        placed(unit, on)
        .filter(employee_id__in=ids)
        .order_by("employee_id", "-valid_from", "-pk")
        .values_list("employee_id", "position__title", "position__unit__name")
    ):
        where[employee_id] = (title, unit_name)  # the earliest placement is the last one kept
    return [
        PersonLoad(
            employee_id=load.employee_id,
            name=people[load.employee_id].full_name,
            position_title=where.get(load.employee_id, ("", ""))[0],
            unit_name=where.get(load.employee_id, ("", ""))[1],
            **{part: load.parts[part] for part in LOAD_PARTS},
            missed_targets=load.parts["missed_targets"],
            total=load.total,
            is_over=limit is not None and load.total > limit,
            gaps=gaps.get(load.employee_id, ()),
        )
        for load in loads
    ]


def _unit_teams(unit: OrgUnit) -> QuerySet[Team]:
    return Team.objects.filter(
        government_id=unit.government_id,
        owner_unit__path__startswith=unit.path,
        status__in=(Team.Status.FORMING, Team.Status.ACTIVE),
    )


def _teams(viewer: Viewer, unit: OrgUnit) -> list[UnitTeam]:
    """The unit's current teams (forming or active), each with its size, its plan's
    activities and its open obstacles; linked where the viewer may open the team."""
    people = TeamMember.objects.exclude(status=TeamMember.Status.ENDED)
    open_obstacles = Obstacle.objects.exclude(status=Obstacle.Status.CLOSED)
    visible = rules.teams_visible_to(viewer).filter(pk=OuterRef("pk"))
    teams = (
        _unit_teams(unit)
        .select_related("owner_unit", "lead")
        .annotate(
            people=count_of(people, "team_id"),
            activities=count_of(PlanActivity.objects.all(), "plan__team_id"),
            open_obstacles=count_of(open_obstacles, "team_id"),
            is_visible=Exists(visible),
        )
        .order_by("name", "pk")
    )
    return [
        UnitTeam(
            team_id=team.pk,
            name=team.name,
            status_label=str(team.get_status_display()),
            owner_unit=team.owner_unit.name,
            lead_name=team.lead.full_name if team.lead else "",
            people=team.people,
            activities=team.activities,
            open_obstacles=team.open_obstacles,
            is_visible=team.is_visible,
        )
        for team in teams[:TEAMS_SHOWN]
    ]


@dataclass(frozen=True)
class _Gaps:
    by_person: dict[int, tuple[str, ...]]
    needs: list[TrainingNeed]
    names: dict[int, str]


def _gap_people(unit: OrgUnit, gaps: _Gaps, on: dt.date) -> list[PersonGap]:
    """The people of the unit with gaps, by name (the first GAP_PEOPLE_SHOWN), each with the
    gaps already proposed: one query for the open needs of the unit's people."""
    rows = sorted(
        ((gaps.names[pk], pk, missing) for pk, missing in gaps.by_person.items() if missing),
        key=lambda row: (row[0].casefold(), row[1]),
    )[:GAP_PEOPLE_SHOWN]
    open_needs: dict[int, list[str]] = {}
    for employee_id, competency in TrainingNeedItem.objects.filter(
        government_id=unit.government_id,
        is_open=True,
        employee_id__in=placed_people(unit, on).values("pk"),
    ).values_list("employee_id", "competency"):
        open_needs.setdefault(employee_id, []).append(competency)
    return [
        PersonGap(pk, name, missing, tuple(sorted(open_needs.get(pk, []))))
        for name, pk, missing in rows
    ]


def _gaps(people: QuerySet[Employee], on: dt.date) -> _Gaps:
    """Competencies asked of each person by their active teams and their penugasan in force,
    less those recorded for them (2 queries, whatever the unit's size)."""
    ids = people.values("pk")
    fields = ("employee_id", "employee__name", "employee__competencies")
    rows = [
        *TeamMember.objects.filter(
            employee_id__in=ids, status=TeamMember.Status.ACTIVE, team__status=Team.Status.ACTIVE
        ).values_list(*fields, "team__competencies"),
        *in_force(on).filter(employee_id__in=ids).values_list(*fields, "assignment__competencies"),
    ]
    asked: dict[int, dict[str, str]] = {}
    held: dict[int, tuple[str, set[str]]] = {}
    for employee_id, name, competencies, wanted in rows:
        held[employee_id] = (name, {str(c).strip().casefold() for c in competencies or []})
        for item in wanted or []:
            if str(item).strip():
                label = str(item).strip()
                asked.setdefault(employee_id, {}).setdefault(label.casefold(), label)
    by_person: dict[int, tuple[str, ...]] = {}
    lacking: dict[str, list[str]] = {}
    for pk, wanted_by_key in asked.items():
        name, have = held[pk]
        missing = sorted(label for key, label in wanted_by_key.items() if key not in have)
        by_person[pk] = tuple(missing)
        for label in missing:
            lacking.setdefault(label.casefold(), [label]).append(name)
    return _Gaps(by_person, _needs(lacking), {pk: name for pk, (name, _held) in held.items()})


def _needs(lacking: dict[str, list[str]]) -> list[TrainingNeed]:
    needs = [
        TrainingNeed(competency=label, people=len(names), names=tuple(sorted(names)[:NAMES_SHOWN]))
        for label, *names in lacking.values()
    ]
    return sorted(needs, key=lambda need: (-need.people, need.competency.casefold()))
