"""The organisation browser of one agency: its unit tree and every JF and Pelaksana under their
appraiser (kedudukan), on a chosen day, in a constant number of queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count

from sikerja.core.errors import NotFound
from sikerja.organization.display import KIND_LABELS, MAX_INDENT, PersonCard, grade_label, shown_nip
from sikerja.organization.models import Agency, OrgUnit, Placement, Position
from sikerja.organization.rules import Viewer
from sikerja.organization.selectors import agency_get, resolver_for, unit_list
from sikerja.organization.snapshot import AgencySnapshot, Member

MEMBER_KINDS = (Position.Kind.FUNGSIONAL, Position.Kind.PELAKSANA)
KIND_ORDER: dict[str, int] = {Position.Kind.FUNGSIONAL: 0, Position.Kind.PELAKSANA: 1}
GRADE_ORDER = {grade: index for index, grade in enumerate(Position.Grade.values)}
LAST = "~"  # sorts after every materialised path


MEMBER_LIMIT = 300  # rows of the kedudukan table on one page; larger agencies pick a unit


@dataclass(frozen=True)
class UnitRow:
    """One unit of the tree with the holders of its head position (definitive first)."""

    unit_id: int
    name: str
    depth: int
    indent: int
    holders: list[PersonCard]
    members: int = 0

    @property
    def is_vacant(self) -> bool:
        return not self.holders


@dataclass(frozen=True)
class MemberRow:
    """A JF or Pelaksana, with the rule and citation that make their appraiser."""

    employee_id: int
    name: str
    nip: str
    position_title: str
    grade_label: str
    unit_name: str
    acting_label: str
    rule: str
    citation: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class AppraiserGroup:
    """An appraiser (None: nobody on that day) and the people they appraise."""

    appraiser: PersonCard | None
    rows: list[MemberRow]


@dataclass(frozen=True)
class AgencyPage:
    """The agency page: unit tree and kedudukan table on one day."""

    agency: Agency
    on: dt.date
    units: list[UnitRow]
    groups: list[AppraiserGroup]
    selected: OrgUnit | None = None
    total: int = 0
    in_view: int = 0
    must_choose: bool = False

    @property
    def member_count(self) -> int:
        return sum(len(group.rows) for group in self.groups)

    @property
    def truncated(self) -> bool:
        """Only the first MEMBER_LIMIT people of the chosen view are listed."""
        return not self.must_choose and self.member_count < self.in_view


def _unit_row(
    viewer: Viewer, snapshot: AgencySnapshot, unit: OrgUnit, counts: dict[int, int]
) -> UnitRow:
    return UnitRow(
        unit_id=unit.pk,
        name=unit.name,
        depth=unit.depth,
        indent=min(unit.depth, MAX_INDENT),
        holders=[PersonCard.of_placement(viewer, p) for p in snapshot.heads_of(unit.pk)],
        members=counts.get(unit.pk, 0),
    )


def _member_counts(agency: Agency, on: dt.date) -> dict[int, int]:
    """JF and Pelaksana placed in each unit of the agency on the day (one query)."""
    rows = (
        Placement.objects.effective_on(on)
        .filter(position__unit__agency=agency, position__kind__in=MEMBER_KINDS)
        .values("position__unit_id")
        .annotate(n=Count("pk"))
    )
    return {row["position__unit_id"]: row["n"] for row in rows}


def _member_row(viewer: Viewer, snapshot: AgencySnapshot, member: Member) -> MemberRow:
    placement, answer = member.placement, member.appraiser
    employee, position = placement.employee, placement.position
    return MemberRow(
        employee_id=employee.pk,
        name=employee.full_name,
        nip=shown_nip(viewer, employee.pk, employee.nip),
        position_title=position.title,
        grade_label=grade_label(position),
        unit_name=snapshot.units[position.unit_id].name,
        acting_label=str(KIND_LABELS[placement.kind]) if placement.kind != "DEFINITIVE" else "",
        rule=answer.rule,
        citation=answer.citation,
        notes=tuple(str(note) for note in answer.notes),
    )


def _member_key(snapshot: AgencySnapshot, member: Member) -> tuple[str, int, int, str]:
    position = member.placement.position
    return (
        snapshot.units[position.unit_id].path,
        KIND_ORDER.get(position.kind, 9),
        GRADE_ORDER.get(position.grade, 99),
        member.placement.employee.name,
    )


def _appraiser_key(snapshot: AgencySnapshot, member: Member) -> tuple[str, str, int]:
    person = member.appraiser.person
    if person is None:
        return (LAST, LAST, 0)
    unit = snapshot.units.get(person.unit_id) if person.unit_id is not None else None
    return (unit.path if unit else LAST, person.name, person.employee_id)


def _groups(
    viewer: Viewer, snapshot: AgencySnapshot, members: list[Member]
) -> list[AppraiserGroup]:
    members = sorted(members, key=lambda m: (_appraiser_key(snapshot, m), _member_key(snapshot, m)))
    groups: list[AppraiserGroup] = []
    current_key: tuple[str, str, int] | None = None
    for member in members:
        key = _appraiser_key(snapshot, member)
        if key != current_key:
            person = member.appraiser.person
            groups.append(AppraiserGroup(PersonCard.of(viewer, person) if person else None, []))
            current_key = key
        groups[-1].rows.append(_member_row(viewer, snapshot, member))
    return groups


def agency_page(
    viewer: Viewer, agency_id: int, on: dt.date, unit_id: int | None = None
) -> AgencyPage:
    """The unit tree and kedudukan table of a visible agency (constant number of queries).

    Only units the viewer sees are shown, and only the people placed in them. A large agency
    (more than MEMBER_LIMIT JF and Pelaksana) shows its table per chosen unit. Raises NotFound
    for missing and hidden agencies and units alike.
    """
    agency = agency_get(viewer, agency_id)
    units = list(unit_list(viewer, agency))
    visible = {unit.pk: unit for unit in units}
    counts = _member_counts(agency, on)
    total = sum(n for pk, n in counts.items() if pk in visible)
    selected = None
    if unit_id is not None:
        selected = visible.get(unit_id)
        if selected is None:
            raise NotFound()
    must_choose = selected is None and total > MEMBER_LIMIT
    in_view_units = [u.pk for u in units if selected is None or u.path.startswith(selected.path)]
    # The chosen units' first page of members is cut in the database (unit path, then name), so
    # choosing the root of a 25,000-person agency reads MEMBER_LIMIT rows, not 25,000.
    snapshot = AgencySnapshot(
        agency,
        on,
        resolver_for(viewer.government),
        within=selected,
        members=not must_choose,
        member_units=in_view_units,
        member_slice=(0, MEMBER_LIMIT),
        member_kinds=MEMBER_KINDS,
        count_members=False,
    )
    members = [] if must_choose else snapshot.members_with_appraisers()
    in_view = sum(counts.get(pk, 0) for pk in in_view_units)
    return AgencyPage(
        agency=agency,
        on=on,
        units=[_unit_row(viewer, snapshot, unit, counts) for unit in units],
        groups=_groups(viewer, snapshot, members),
        selected=selected,
        total=total,
        in_view=in_view,
        must_choose=must_choose,
    )
