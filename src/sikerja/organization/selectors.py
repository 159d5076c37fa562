"""Reads that cross a permission line: every list is scoped to the viewer here, with the
querysets of `rules` (who sees what is answered there, once).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from sikerja.accounts.models import Account
from sikerja.core.errors import NotFound
from sikerja.organization import rules
from sikerja.organization.models import Agency, Delegation, Employee, Government, OrgUnit, Placement
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


def agency_list(viewer: Viewer) -> QuerySet[Agency]:
    """Agencies the viewer sees (`rules.agencies_visible_to`)."""
    return rules.agencies_visible_to(viewer)


def agency_get(viewer: Viewer, agency_id: int) -> Agency:
    """One agency the viewer sees; NotFound otherwise (same answer for missing and hidden)."""
    agency = agency_list(viewer).filter(pk=agency_id).first()
    if agency is None:
        raise NotFound()
    return agency


def unit_list(viewer: Viewer, agency: Agency | None = None) -> QuerySet[OrgUnit]:
    """Units the viewer sees (`rules.units_visible_to`), in tree order (path)."""
    queryset = rules.units_visible_to(viewer).order_by("path")
    if agency is not None:
        queryset = queryset.filter(agency=agency)
    return queryset


def employee_list(viewer: Viewer, on: dt.date) -> QuerySet[Employee]:
    """Employees the viewer sees on the day (`rules.employees_visible_to`)."""
    return rules.employees_visible_to(viewer, on)


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
    """Delegations active on the day that the viewer may see (`rules.delegations_visible_to`)."""
    return rules.delegations_visible_to(viewer, on).select_related(
        "from_employee", "to_employee", "unit"
    )


def government_for_user(user: AbstractBaseUser) -> Government | None:
    """The government of a user's account, if any."""
    account = Account.objects.select_related("government").filter(user_id=user.pk).first()
    return account.government if account else None
