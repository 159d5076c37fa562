"""Reads that cross a permission line: every list is scoped to the viewer here.

Scope (ARCHITECTURE §5): BKPSDM operators and the Sekda see their whole government; the head of
a Perangkat Daerah sees that agency; a unit head sees their unit's subtree; everyone sees
themselves and the chain of officials above them. Nobody sees another government.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from sikerja.core.errors import NotFound
from sikerja.organization.models import (
    Account,
    Agency,
    Delegation,
    Employee,
    Government,
    OrgUnit,
    Placement,
)
from sikerja.organization.resolver import Resolver
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import load_pack


def resolver_for(government: Government) -> Resolver:
    """The role resolver under the government's pack."""
    return Resolver(load_pack(government.pack_id))


def viewer_for(user: AbstractBaseUser | AnonymousUser, on: dt.date) -> Viewer | None:
    """Build the viewer's scope (3 queries); None for users without an account."""
    if not user.is_authenticated:
        return None
    account = Account.objects.select_related("government").filter(user_id=user.pk).first()
    if account is None:
        return None
    employee = Employee.objects.filter(user_id=user.pk, government=account.government).first()
    is_admin = account.role == Account.Role.BKPSDM_ADMIN
    if employee is None:
        return Viewer(user.pk, user.get_username(), account.government, None, is_admin, is_admin)
    heads = list(
        Placement.objects.effective_on(on)
        .filter(employee=employee, position__is_head=True)
        .select_related("position__unit__agency")
    )
    sees_government = is_admin or any(
        p.position.unit.depth == 0 and p.position.unit.agency.agency_type == "SETDA" for p in heads
    )
    agency_ids = frozenset(p.position.unit.agency_id for p in heads if p.position.unit.depth == 0)
    unit_paths = tuple(p.position.unit.path for p in heads if p.position.unit.depth > 0)
    chain = resolver_for(account.government).chain_ids(employee.pk, on)
    return Viewer(
        user_id=user.pk,
        username=user.get_username(),
        government=account.government,
        employee_id=employee.pk,
        is_admin=is_admin,
        sees_government=sees_government,
        agency_ids=agency_ids,
        unit_paths=unit_paths,
        chain_ids=frozenset(chain) | {employee.pk},
    )


def _unit_scope(viewer: Viewer, prefix: str = "") -> Q:
    """Units the viewer may see, as a filter on OrgUnit (prefix for related lookups)."""
    if viewer.sees_government:
        return Q(**{f"{prefix}government_id": viewer.government.pk})
    condition = Q(**{f"{prefix}agency_id__in": list(viewer.agency_ids)})
    for path in viewer.unit_paths:
        condition |= Q(**{f"{prefix}path__startswith": path})
    return condition & Q(**{f"{prefix}government_id": viewer.government.pk})


def agency_list(viewer: Viewer) -> QuerySet[Agency]:
    """Agencies the viewer sees (all of the government for the wide scopes)."""
    queryset = Agency.objects.filter(government=viewer.government)
    if viewer.sees_government:
        return queryset
    visible = OrgUnit.objects.filter(_unit_scope(viewer)).values("agency_id")
    return queryset.filter(pk__in=visible)


def agency_get(viewer: Viewer, agency_id: int) -> Agency:
    """One agency the viewer sees; NotFound otherwise (same answer for missing and hidden)."""
    agency = agency_list(viewer).filter(pk=agency_id).first()
    if agency is None:
        raise NotFound()
    return agency


def unit_list(viewer: Viewer, agency: Agency | None = None) -> QuerySet[OrgUnit]:
    """Units the viewer sees, in tree order (path)."""
    queryset = OrgUnit.objects.filter(_unit_scope(viewer)).order_by("path")
    if agency is not None:
        queryset = queryset.filter(agency=agency)
    return queryset


def employee_list(viewer: Viewer, on: dt.date) -> QuerySet[Employee]:
    """Employees the viewer sees: by placement in a visible unit, or self and chain."""
    queryset = Employee.objects.filter(government=viewer.government)
    if viewer.sees_government:
        return queryset
    placed = Placement.objects.effective_on(on).filter(_unit_scope(viewer, "position__unit__"))
    return queryset.filter(
        Q(pk__in=placed.values("employee_id")) | Q(pk__in=list(viewer.chain_ids))
    )


def employee_get_by_nip(viewer: Viewer, nip: str, on: dt.date) -> Employee:
    """One visible employee by NIP; NotFound for missing or hidden alike."""
    employee = employee_list(viewer, on).filter(nip=nip).first()
    if employee is None:
        raise NotFound()
    return employee


def placement_history(employee: Employee) -> QuerySet[Placement]:
    """All placements of an employee, newest first, with position, unit and agency."""
    return (
        Placement.objects.filter(employee=employee)
        .select_related("position__unit__agency")
        .order_by("-valid_from", "kind")
    )


def delegation_list(viewer: Viewer, on: dt.date) -> QuerySet[Delegation]:
    """Delegations active on the day that the viewer may see."""
    queryset = Delegation.objects.effective_on(on).filter(government=viewer.government)
    if viewer.sees_government:
        return queryset.select_related("from_employee", "to_employee", "unit")
    visible = list(viewer.chain_ids)
    return queryset.filter(
        Q(from_employee_id__in=visible) | Q(to_employee_id__in=visible)
    ).select_related("from_employee", "to_employee", "unit")


def government_for_user(user: AbstractBaseUser) -> Government | None:
    """The government of a user's account, if any."""
    account = Account.objects.select_related("government").filter(user_id=user.pk).first()
    return account.government if account else None
