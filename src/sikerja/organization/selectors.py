"""Reads that cross a permission line: every list is scoped to the viewer here, with the
querysets of `rules` (who sees what is answered there, once).
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import connections, router
from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from sikerja.accounts.models import Account
from sikerja.core import fixed
from sikerja.core.errors import NotFound
from sikerja.organization import rules
from sikerja.organization.access import scope_for, stamped
from sikerja.organization.listing import EmployeeRows
from sikerja.organization.models import Agency, Delegation, Employee, Government, OrgUnit, Placement
from sikerja.organization.resolver import Resolver
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import load_pack


def resolver_for(government: Government) -> Resolver:
    """The role resolver under the government's pack."""
    return Resolver(load_pack(government.pack_id))


def resolver_for_reads(government: Government) -> Resolver:
    """The role resolver of a read request: the holders of agency heads and of the Sekda are
    kept under the government's access stamp as the caller's account read it (`stamped`), so
    they are read once per change of placements. Never for a write: a service that changes
    placements gives a new stamp that an object read before it does not carry."""
    return Resolver(load_pack(government.pack_id), memo=partial(stamped, government))


def viewer_for(user: AbstractBaseUser | AnonymousUser, on: dt.date) -> Viewer | None:
    """The viewer's scope on the day; None for users without an account, or whose account is
    not active on the day (deactivated by BKPSDM from a day), or whose employee left the
    government (their last placement ended, with no new one).

    One query (the account with its government and access stamp) when the placement-derived
    part is cached for the government's current stamp, four when it is built
    (`organization.access`).
    """
    if not user.is_authenticated:
        return None
    return viewer_of_account(user, account_with_government(user.pk), on)


def account_with_government(user_id: int) -> Account | None:
    """The login's account with its government, as `select_related` reads them, in one fixed
    statement: every page reads it, and building it through the ORM cost more than running it
    (`core.fixed`)."""
    connection = connections[router.db_for_read(Account)]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {fixed.columns(Account, 'a', connection)},"  # noqa: S608 - models' own names
            f" {fixed.columns(Government, 'g', connection)}"
            f" FROM {quote(Account._meta.db_table)} a"
            f" JOIN {quote(Government._meta.db_table)} g ON g.id = a.government_id"
            " WHERE a.user_id = %s",
            [user_id],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    split = fixed.width(Account)
    account = fixed.instance(Account, row[:split], connection)
    # Where select_related keeps a related row, so `account.government` reads no more.
    account._state.fields_cache["government"] = fixed.instance(Government, row[split:], connection)
    return account


def viewer_of_account(
    user: AbstractBaseUser | AnonymousUser, account: Account | None, on: dt.date
) -> Viewer | None:
    """`viewer_for` when the caller's account (with its government) is already read, as the
    API token's query reads it: no query when the scope is cached, three when it is built."""
    if account is None or not account.is_active_on(on):
        return None
    government = account.government
    is_admin = account.role == Account.Role.BKPSDM_ADMIN
    is_auditor = account.role == Account.Role.AUDITOR
    scope = scope_for(account.user_id, government, on)
    if scope.left:
        return None
    if scope.employee_id is None:
        sees = is_admin or is_auditor
        return Viewer(
            account.user_id,
            user.get_username(),
            government,
            None,
            is_admin,
            sees,
            is_auditor=is_auditor,
            on=on,
        )
    return Viewer(
        user_id=account.user_id,
        username=user.get_username(),
        government=government,
        employee_id=scope.employee_id,
        is_admin=is_admin,
        sees_government=is_admin or is_auditor or scope.heads_government,
        agency_ids=scope.agency_ids,
        unit_paths=scope.unit_paths,
        chain_ids=scope.chain_ids,
        is_auditor=is_auditor,
        on=on,
    )


def login_refused(user: AbstractBaseUser, on: dt.date) -> bool:
    """Whether a login that has an account may not come in on the day because its employee
    left the government (`viewer_for` says None for it too). The account's own end day is
    checked by the login form (`accounts.forms`)."""
    account = Account.objects.select_related("government").filter(user_id=user.pk).first()
    return account is not None and scope_for(user.pk, account.government, on).left


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


# What the lists and the detail show of a current placement (`CurrentPlacementOut`,
# `views.pages`): a page's 50 placements with every column of four models cost more to make
# into objects than to read.
CURRENT_PLACEMENT_FIELDS = (
    "kind",
    "valid_from",
    "valid_to",
    "employee_id",
    "position__title",
    "position__kind",
    "position__unit__name",
    "position__unit__agency__name",
)


def current_placements(on: dt.date) -> Prefetch[Any]:
    """Each employee's placements on the day, with position, unit and agency, as
    `current_placements` (one query for a page of employees; only the fields they show)."""
    current = (
        Placement.objects.effective_on(on)
        .select_related("position__unit__agency")
        .only(*CURRENT_PLACEMENT_FIELDS)
        .order_by("kind", "pk")
    )
    return Prefetch("placements", queryset=current, to_attr="current_placements")


def employee_list(
    viewer: Viewer, on: dt.date, *, agency_id: int | None = None, query: str = ""
) -> EmployeeRows:
    """Employees the viewer sees on the day (`rules.employees_visible_to`) by name, optionally
    those placed in one agency or whose name contains `query`, each with their placements on
    the day. A page costs 3 queries at any size (the officials above the viewer outside their
    units, the page, its placements; no first one for the wide scopes) and the count one more,
    which without a search is kept under the government's access stamp (`listing`)."""
    large = rules.employees_placed_in_scope(viewer, on)
    few = rules.chain_outside_scope(viewer, on)
    if agency_id is not None:
        placed = Placement.objects.effective_on(on).filter(
            employee_id=OuterRef("pk"), position__unit__agency_id=agency_id
        )
        large, few = large.filter(Exists(placed)), few.filter(Exists(placed))
    if query:
        large, few = large.filter(name__icontains=query), few.filter(name__icontains=query)
        return EmployeeRows(large, few, large.count, current_placements(on))
    key = (
        "employees_placed_in_scope",
        viewer.sees_government,
        tuple(sorted(viewer.agency_ids)),
        tuple(sorted(viewer.unit_paths)),
        on,
        agency_id,
    )
    kept_count = partial(stamped, viewer.government, key, large.count)
    return EmployeeRows(large, few, kept_count, current_placements(on))


def employee_lookup(viewer: Viewer, on: dt.date) -> QuerySet[Employee]:
    """The same employees as `employee_list`, shaped to fetch one or a few by NIP or id: the
    cost does not grow with the viewer's agency (`rules.employee_visible_to`)."""
    return rules.employee_visible_to(viewer, on)


def employee_get_by_nip(viewer: Viewer, nip: str, on: dt.date) -> Employee:
    """One visible employee by NIP; NotFound for missing or hidden alike."""
    employee = employee_lookup(viewer, on).filter(nip=nip).first()
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
