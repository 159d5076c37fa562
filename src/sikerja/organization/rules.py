"""Who may see and change what in the organisation: the one answer, in STYLE §5's shapes.

- may: `may_see_agency`, `may_see_unit`, `may_see_employee`, `may_see_delegation`,
  `may_change_organization`, `may_transfer`, `may_see_full_nip`;
- which: `agencies_visible_to`, `units_visible_to`, `employees_visible_to` (for a list by
  name, in two disjoint parts: `employees_placed_in_scope` and `chain_outside_scope`),
  `delegations_visible_to` (used by the selectors).

Scope (ARCHITECTURE §5): BKPSDM operators and the Sekda see their whole government; the head of
a Perangkat Daerah sees that agency; a unit head sees their unit's subtree; everyone sees
themselves and the chain of officials above them. Nobody sees another government.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet

from sikerja.organization.models import (
    Agency,
    Delegation,
    Employee,
    Government,
    OrgUnit,
    Placement,
)


@dataclass(frozen=True)
class Actor:
    """The person acting, as the services see them."""

    user_id: int | None
    label: str
    government_id: int
    employee_id: int | None = None
    is_bkpsdm_admin: bool = False
    is_system: bool = False

    @classmethod
    def system(cls, government_id: int, label: str = "system") -> Actor:
        """The system itself (demo generator, imports run by an operator's command)."""
        return cls(user_id=None, label=label, government_id=government_id, is_system=True)


def may_change_organization(actor: Actor, government_id: int) -> bool:
    """V-39: placements and delegations are changed by BKPSDM on the staffing authority's behalf."""
    if actor.government_id != government_id:
        return False
    return actor.is_bkpsdm_admin or actor.is_system


@dataclass(frozen=True)
class Viewer:
    """What one logged-in person may see on a day (built by `selectors.viewer_for`)."""

    user_id: int
    username: str
    government: Government
    employee_id: int | None
    is_admin: bool
    sees_government: bool
    agency_ids: frozenset[int] = frozenset()
    unit_paths: tuple[str, ...] = ()
    chain_ids: frozenset[int] = field(default_factory=frozenset)
    # The Inspektorat's auditor: sees the whole government as an operator does, changes nothing.
    is_auditor: bool = False
    # The day the scope was built for (`selectors.viewer_for`): rules that name an official on
    # the day (a team's unit head, its members' appraisers) ask it of this day.
    on: dt.date | None = None

    @property
    def actor(self) -> Actor:
        """The same person as the services' Actor."""
        return Actor(
            user_id=self.user_id,
            label=self.username,
            government_id=self.government.pk,
            employee_id=self.employee_id,
            is_bkpsdm_admin=self.is_admin,
        )


def may_see_full_nip(viewer: Viewer | None, employee_id: int) -> bool:
    """ARCHITECTURE §5: a NIP is shown in full to BKPSDM operators, who keep the personnel
    records, to the Inspektorat's auditor who sees what they see, and to the person themself;
    everyone else sees it masked."""
    if viewer is None:
        return False
    return viewer.is_admin or viewer.is_auditor or viewer.employee_id == employee_id


def may_transfer(viewer: Viewer) -> bool:
    """V-39: the import/export of the organisation is the BKPSDM operators' (may)."""
    return may_change_organization(viewer.actor, viewer.government.pk)


def _unit_scope(viewer: Viewer, prefix: str = "") -> Q:
    """Units the viewer may see, as a filter on OrgUnit (prefix for related lookups)."""
    if viewer.sees_government:
        return Q(**{f"{prefix}government_id": viewer.government.pk})
    condition = Q(**{f"{prefix}agency_id__in": list(viewer.agency_ids)})
    for path in viewer.unit_paths:
        condition |= Q(**{f"{prefix}path__startswith": path})
    return condition & Q(**{f"{prefix}government_id": viewer.government.pk})


def units_visible_to(viewer: Viewer) -> QuerySet[OrgUnit]:
    """Every unit the viewer may see (which)."""
    return OrgUnit.objects.filter(_unit_scope(viewer))


def may_see_unit(viewer: Viewer, unit: OrgUnit) -> bool:
    """Whether the viewer may see the unit (may)."""
    if unit.government_id != viewer.government.pk:
        return False
    return (
        viewer.sees_government
        or unit.agency_id in viewer.agency_ids
        or any(unit.path.startswith(path) for path in viewer.unit_paths)
    )


def agencies_visible_to(viewer: Viewer) -> QuerySet[Agency]:
    """Every agency the viewer may see: one with a unit the viewer may see (which)."""
    queryset = Agency.objects.filter(government=viewer.government)
    if viewer.sees_government:
        return queryset
    return queryset.filter(pk__in=units_visible_to(viewer).values("agency_id"))


def may_see_agency(viewer: Viewer, agency: Agency) -> bool:
    """Whether the viewer may see the agency: one of its units is visible to them (may)."""
    if agency.government_id != viewer.government.pk:
        return False
    return any(may_see_unit(viewer, unit) for unit in OrgUnit.objects.filter(agency=agency))


def employees_visible_to(viewer: Viewer, on: dt.date) -> QuerySet[Employee]:
    """Every employee the viewer may see on the day: placed in a visible unit, or the viewer
    and the chain of officials above them (which)."""
    queryset = Employee.objects.filter(government=viewer.government)
    if viewer.sees_government:
        return queryset
    placed = Placement.objects.effective_on(on).filter(_unit_scope(viewer, "position__unit__"))
    return queryset.filter(
        Q(pk__in=placed.values("employee_id")) | Q(pk__in=list(viewer.chain_ids))
    )


def _placed_in_scope(viewer: Viewer, on: dt.date) -> Exists:
    """Whether the outer employee holds a placement on the day in a unit the viewer sees."""
    placements = Placement.objects.effective_on(on).filter(employee_id=OuterRef("pk"))
    return Exists(placements.filter(_unit_scope(viewer, "position__unit__")))


def employees_placed_in_scope(viewer: Viewer, on: dt.date) -> QuerySet[Employee]:
    """The part of `employees_visible_to` placed in a unit the viewer sees, in the shape for a
    list by name: a correlated EXISTS with nothing OR-ed beside it, which PostgreSQL plans as a
    semi-join. Walking the name index, a page of a Kepala Dinas's 25,000 people stops after
    its rows; for a unit head's few it hashes the few. (The IN of `employees_visible_to`, OR-ed
    with the chain, reads every placement of the scope into a hash on every call.)"""
    queryset = Employee.objects.filter(government=viewer.government)
    if viewer.sees_government:
        return queryset
    return queryset.filter(_placed_in_scope(viewer, on))


def chain_outside_scope(viewer: Viewer, on: dt.date) -> QuerySet[Employee]:
    """The rest of `employees_visible_to`: the viewer and the officials above them who are not
    placed in a unit the viewer sees (a handful at most; none for the wide scopes)."""
    if viewer.sees_government or not viewer.chain_ids:
        return Employee.objects.none()
    return Employee.objects.filter(
        government=viewer.government, pk__in=sorted(viewer.chain_ids)
    ).exclude(_placed_in_scope(viewer, on))


def employee_visible_to(viewer: Viewer, on: dt.date) -> QuerySet[Employee]:
    """The same employees as `employees_visible_to`, in the shape for fetching one or a few
    (by NIP or id): the employee's own placements joined from the employee row, so one lookup
    reads that person's placements only, in an agency of 50 or of 50,000 people. (The IN shape
    reads every placement of the viewer's scope into a hash first; for a whole list that is the
    cheaper plan, for one row it is the whole agency read in vain. PostgreSQL may hash a
    correlated EXISTS the same way, so the shape is a join.)"""
    queryset = Employee.objects.filter(government=viewer.government)
    if viewer.sees_government:
        return queryset
    placed = (
        (Q(placements__valid_to__isnull=True) | Q(placements__valid_to__gt=on))
        & Q(placements__valid_from__lte=on)
        & _unit_scope(viewer, "placements__position__unit__")
    )
    return queryset.filter(placed | Q(pk__in=list(viewer.chain_ids))).distinct()


def may_see_employee(viewer: Viewer, employee: Employee, on: dt.date) -> bool:
    """Whether the viewer may see the employee on the day (may)."""
    if employee.government_id != viewer.government.pk:
        return False
    if viewer.sees_government or employee.pk in viewer.chain_ids:
        return True
    placements = Placement.objects.effective_on(on).filter(employee=employee)
    return any(
        may_see_unit(viewer, placement.position.unit)
        for placement in placements.select_related("position__unit")
    )


def delegations_visible_to(viewer: Viewer, on: dt.date) -> QuerySet[Delegation]:
    """Every delegation active on the day that the viewer may see: all of the government for
    the wide scopes, else those from or to the viewer and the officials above them (which)."""
    queryset = Delegation.objects.effective_on(on).filter(government=viewer.government)
    if viewer.sees_government:
        return queryset
    visible = list(viewer.chain_ids)
    return queryset.filter(Q(from_employee_id__in=visible) | Q(to_employee_id__in=visible))


def may_see_delegation(viewer: Viewer, delegation: Delegation) -> bool:
    """Whether the viewer may see the delegation (may; whether it is active is the list's)."""
    if delegation.government_id != viewer.government.pk:
        return False
    return viewer.sees_government or bool(
        {delegation.from_employee_id, delegation.to_employee_id} & viewer.chain_ids
    )
