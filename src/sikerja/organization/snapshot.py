"""Resolve the appraiser of everyone in an agency at once, with a constant number of queries.

The organisation browser shows every JF and Pelaksana under their appraiser. Resolving each
person separately would cost one query per person; instead this module loads the agency's units,
the holders of every head position, and the active delegations once, builds the same rows the
single-person query returns, and hands them to the same Resolver rules.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from sikerja.organization.models import Agency, Delegation, OrgUnit, Placement
from sikerja.organization.resolver import Person, Resolver, RoleAnswer, _Head, _Subject

ACTING_ORDER = {"DEFINITIVE": 0, "PLT": 1, "PLH": 2}
# Columns no appraiser or page reads: left in the database, since making a page's few hundred
# rows into objects (two timestamps each) costs more than the queries that read them.
UNIT_DEFERRED = ("created_at", "updated_at")
PLACEMENT_DEFERRED = (
    "created_at",
    "updated_at",
    "employee__created_at",
    "employee__updated_at",
    "employee__competencies",
    "position__created_at",
    "position__updated_at",
)


@dataclass(frozen=True)
class Member:
    """One person placed in the agency, with their resolved appraiser."""

    placement: Placement
    appraiser: RoleAnswer


def _person(placement: Placement, unit: OrgUnit) -> Person:
    employee = placement.employee
    return Person(
        employee_id=employee.pk,
        nip=employee.nip,
        name=employee.full_name,
        position_id=placement.position_id,
        position_title=placement.position.title,
        position_kind=placement.position.kind,
        unit_id=unit.pk,
        unit_name=unit.name,
        acting=placement.kind,
    )


class AgencySnapshot:
    """Everything needed to resolve appraisers inside one agency on one day (4 queries)."""

    def __init__(
        self,
        agency: Agency,
        on: dt.date,
        resolver: Resolver,
        within: OrgUnit | None = None,
        *,
        members: bool = True,
        member_units: list[int] | None = None,
        member_slice: tuple[int, int] | None = None,
        member_kinds: tuple[str, ...] | None = None,
        count_members: bool = True,
        unit_ids: Collection[int] | None = None,
        given_members: list[Placement] | None = None,
    ) -> None:
        self.agency = agency
        self.on = on
        self.resolver = resolver
        # unit_ids: only these units of the agency (they must hold every ancestor of the members
        # resolved), so a page of members reads the heads on their paths, not the whole tree.
        own = Q(agency=agency) if unit_ids is None else Q(agency=agency, pk__in=list(unit_ids))
        units = list(
            OrgUnit.objects.filter(
                own
                | Q(
                    agency__government_id=agency.government_id,
                    agency__agency_type="SETDA",
                    parent__isnull=True,
                )
            ).defer(*UNIT_DEFERRED)
        )
        self.units = {unit.pk: unit for unit in units}
        self.own_units = [u for u in units if u.agency_id == agency.pk]
        in_units = Placement.objects.effective_on(on).filter(position__unit_id__in=list(self.units))
        if within is not None:
            # Members only of the chosen subtree; every head stays (appraisers live above).
            in_units = in_units.filter(
                Q(position__is_head=True) | Q(position__unit__path__startswith=within.path)
            )
        together = (
            members and member_slice is None and member_units is None and given_members is None
        )
        loaded = in_units if together else in_units.filter(position__is_head=True)
        placements = list(loaded.select_related("employee", "position").defer(*PLACEMENT_DEFERRED))
        self.heads: dict[int, list[Placement]] = defaultdict(list)
        self.members: list[Placement] = []
        self.member_total = 0
        for placement in placements:
            if placement.position.is_head:
                self.heads[placement.position.unit_id].append(placement)
            elif self.units[placement.position.unit_id].agency_id == agency.pk:
                self.members.append(placement)
        if given_members is not None:
            self.members = given_members
        elif members and not together:
            if member_kinds is not None:
                in_units = in_units.filter(position__kind__in=member_kinds)
            self._load_members(in_units, agency, member_units, member_slice, count_members)
        holder_ids = {p.employee_id for plist in self.heads.values() for p in plist}
        self.delegations: dict[int, list[Delegation]] = defaultdict(list)
        delegations = (
            Delegation.objects.effective_on(on)
            .filter(scope=Delegation.Scope.APPRAISAL, from_employee_id__in=holder_ids)
            .select_related("to_employee", "unit")
        )
        for delegation in delegations:
            self.delegations[delegation.from_employee_id].append(delegation)
        self.head_positions = {
            unit_id: plist[0].position for unit_id, plist in self.heads.items() if plist
        }

    def _load_members(
        self,
        in_units: QuerySet[Placement],
        agency: Agency,
        member_units: list[int] | None,
        member_slice: tuple[int, int] | None,
        count_members: bool,
    ) -> None:
        """Members in unit order, limited to some units and to one page, in the database (two
        queries: the page and, unless the caller knows it, the total) so a large agency is never
        loaded whole."""
        queryset = in_units.filter(position__is_head=False, position__unit__agency=agency)
        if member_units is not None:
            queryset = queryset.filter(position__unit_id__in=member_units)
        queryset = queryset.select_related("employee", "position").defer(*PLACEMENT_DEFERRED)
        queryset = queryset.order_by("position__unit__path", "employee__name", "employee_id")
        if member_slice is None:
            self.members = list(queryset)
            self.member_total = len(self.members)
            return
        offset, limit = member_slice
        self.members = list(queryset[offset : offset + limit])
        if count_members:
            self.member_total = queryset.count()

    def _subject(self, placement: Placement) -> _Subject:
        position = placement.position
        unit = self.units[position.unit_id]
        code = (
            position.grade
            if position.kind == "FUNGSIONAL"
            else ("PLK" if position.kind == "PELAKSANA" else position.kind)
        )
        return _Subject(
            employee_id=placement.employee_id,
            position_id=position.pk,
            pos_kind=position.kind,
            grade=position.grade,
            is_head=position.is_head,
            unit_id=unit.pk,
            unit_name=unit.name,
            depth=unit.depth,
            agency_id=self.agency.pk,
            agency_type=self.agency.agency_type,
            placement_table=self.agency.placement_table,
            code=code,
        )

    def _rows_for(self, subject: _Subject, path: str) -> list[_Head]:
        ancestor_ids = [int(path[i : i + 8]) for i in range(0, len(path), 9)]
        rows: list[_Head] = []
        for unit_id in ancestor_ids:
            unit = self.units.get(unit_id)
            if unit is not None:
                rows.extend(self._head_rows(unit, unit.depth, subject))
        if subject.is_head and subject.depth == 0 and self.agency.agency_type != "SETDA":
            for unit in self.units.values():
                if unit.agency_id != self.agency.pk:
                    rows.extend(self._head_rows(unit, -1, subject))
        return rows

    def _head_rows(self, unit: OrgUnit, depth: int, subject: _Subject) -> list[_Head]:
        holders = self.heads.get(unit.pk, [])
        position = self.head_positions.get(unit.pk)
        if not holders:
            return [self._row(unit, depth, position, None, None)]
        rows = []
        for placement in holders:
            delegations = [
                d
                for d in self.delegations.get(placement.employee_id, [])
                if self._covers(d, subject)
            ]
            if not delegations:
                rows.append(self._row(unit, depth, placement.position, placement, None))
            rows.extend(
                self._row(unit, depth, placement.position, placement, d) for d in delegations
            )
        return rows

    def _covers(self, delegation: Delegation, subject: _Subject) -> bool:
        if delegation.to_employee_id == subject.employee_id:
            return False
        if delegation.grades and f",{subject.code}," not in delegation.grades:
            return False
        if delegation.unit is not None:
            unit = self.units[subject.unit_id]
            return unit.path.startswith(delegation.unit.path)
        return True

    def _row(self, unit, depth, position, placement, delegation) -> _Head:  # type: ignore[no-untyped-def]
        delegate = None
        if delegation is not None:
            to = delegation.to_employee
            delegate = Person(to.pk, to.nip, to.full_name, None, "", "", None, "")
        return _Head(
            unit_id=unit.pk,
            depth=depth,
            unit_type=unit.unit_type,
            is_work_unit=unit.is_work_unit,
            is_independent=unit.is_independent,
            unit_name=unit.name,
            position_id=position.pk if position else None,
            position_title=position.title if position else "",
            position_kind=position.kind if position else "",
            holder=_person(placement, unit) if placement else None,
            delegation_id=delegation.pk if delegation else None,
            delegate=delegate,
            delegation_basis=delegation.legal_basis if delegation else "",
            delegation_rule=delegation.rule_id if delegation else "",
        )

    def appraiser_of(self, placement: Placement) -> RoleAnswer:
        """The same answer Resolver.appraiser gives, from the snapshot (no query)."""
        subject = self._subject(placement)
        unit = self.units[placement.position.unit_id]
        return self.resolver.appraiser_from(subject, self._rows_for(subject, unit.path))

    def members_with_appraisers(self, limit: int | None = None) -> list[Member]:
        """JF and Pelaksana of the agency (or the chosen subtree) with their appraiser; with a
        limit, the first ones in unit order only (appraisers are resolved for those alone)."""
        members = self.members
        if limit is not None:
            members = sorted(
                members, key=lambda p: (self.units[p.position.unit_id].path, p.employee.name)
            )[:limit]
        return [Member(p, self.appraiser_of(p)) for p in members]

    def heads_of(self, unit_id: int) -> list[Placement]:
        """Holders of a unit's head position, definitive first."""
        return sorted(self.heads.get(unit_id, []), key=lambda p: ACTING_ORDER.get(p.kind, 9))
