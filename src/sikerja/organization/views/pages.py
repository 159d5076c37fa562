"""Page reads: each page's data in one call, built only from the organisation's selectors.

A view calls exactly one function here. Scoping stays in `sikerja.organization.selectors`: every
object a page shows is reached through a scoped selector, and a missing or hidden object raises
the same `NotFound`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator

from sikerja.core.errors import NotFound
from sikerja.organization.display import (
    KIND_LABELS,
    PlacementRow,
    RoleCard,
    is_effective,
    shown_nip,
)
from sikerja.organization.models import Agency, Employee, Placement
from sikerja.organization.rules import Viewer
from sikerja.organization.selectors import (
    agency_list,
    employee_list,
    employee_lookup,
    placement_history,
    resolver_for,
)

EMPLOYEES_PER_PAGE = 25
ACTING_ORDER = {"DEFINITIVE": 0, "PLT": 1, "PLH": 2}


@dataclass(frozen=True)
class EmployeeSummary:
    """Who someone is: name with titles, NIP as the viewer may see it, status, current posts."""

    employee_id: int
    full_name: str
    nip: str
    employment_type: str
    employment_type_label: str
    current: list[PlacementRow]

    @property
    def primary(self) -> PlacementRow | None:
        return self.current[0] if self.current else None


@dataclass(frozen=True)
class EmployeePage:
    """The employee page: identity, resolved roles, the chain above, placement history."""

    employee: EmployeeSummary
    roles: list[RoleCard]
    chain: list[RoleCard]
    history: list[PlacementRow]
    on: dt.date

    @property
    def appraiser(self) -> RoleCard | None:
        return next((role for role in self.roles if role.role == "appraiser"), None)

    @property
    def other_roles(self) -> list[RoleCard]:
        return [role for role in self.roles if role.role != "appraiser"]


@dataclass(frozen=True)
class HomePage:
    """Beranda's "who I am": the viewer's own record and the kinds of position they hold now
    (None and empty for accounts without one). Roles and their citations are on the profile."""

    employee: EmployeeSummary | None
    position_kinds: frozenset[str]
    is_admin: bool
    sees_government: bool


@dataclass(frozen=True)
class EmployeeRow:
    """One line of the employee list."""

    employee_id: int
    full_name: str
    nip: str
    position_title: str
    unit_name: str
    agency_name: str
    acting_label: str


@dataclass(frozen=True)
class EmployeeListPage:
    """A page of the employees the viewer sees, filtered by name."""

    page: Page[Any]  # the paginator only; `rows` carry what the template shows
    rows: list[EmployeeRow]
    query: str


def _summary(
    viewer: Viewer, employee: Employee, history: list[Placement], on: dt.date
) -> EmployeeSummary:
    current = sorted(
        (p for p in history if is_effective(p, on)), key=lambda p: ACTING_ORDER.get(p.kind, 9)
    )
    return EmployeeSummary(
        employee_id=employee.pk,
        full_name=employee.full_name,
        nip=shown_nip(viewer, employee.pk, employee.nip),
        employment_type=employee.employment_type,
        employment_type_label=str(employee.get_employment_type_display()),
        current=[PlacementRow.of(p, on) for p in current],
    )


def _visible_employee(viewer: Viewer, employee_id: int, on: dt.date) -> Employee:
    employee = employee_lookup(viewer, on).filter(pk=employee_id).first()
    if employee is None:
        raise NotFound()
    return employee


def employee_page(viewer: Viewer, employee_id: int, on: dt.date) -> EmployeePage:
    """Everything the employee page shows. Raises NotFound for missing and hidden alike."""
    employee = _visible_employee(viewer, employee_id, on)
    history = list(placement_history(employee))
    summary = _summary(viewer, employee, history, on)
    resolver = resolver_for(viewer.government)
    roles = [RoleCard.of(viewer, answer) for answer in resolver.roles_for(employee.pk, on)]
    current = [p for p in history if is_effective(p, on)]
    current.sort(key=lambda p: ACTING_ORDER.get(p.kind, 9))
    chain = []
    if current:
        answers = resolver.chain_above_unit(current[0].position.unit_id, on)
        chain = [RoleCard.of(viewer, answer) for answer in answers]
    return EmployeePage(
        employee=summary,
        roles=roles,
        chain=chain,
        history=[PlacementRow.of(p, on) for p in history],
        on=on,
    )


def home_page(viewer: Viewer, on: dt.date) -> HomePage:
    """The viewer's own summary; accounts without an employee record have none (2 queries)."""
    if viewer.employee_id is None:
        return HomePage(None, frozenset(), viewer.is_admin, viewer.sees_government)
    employee = _visible_employee(viewer, viewer.employee_id, on)
    history = list(placement_history(employee))
    return HomePage(
        employee=_summary(viewer, employee, history, on),
        position_kinds=frozenset(p.position.kind for p in history if is_effective(p, on)),
        is_admin=viewer.is_admin,
        sees_government=viewer.sees_government,
    )


def agency_list_page(viewer: Viewer) -> list[Agency]:
    """The agencies the viewer sees, by name."""
    return list(agency_list(viewer).order_by("name"))


def _row(viewer: Viewer, employee: Employee) -> EmployeeRow:
    placements = sorted(employee.current_placements, key=lambda p: ACTING_ORDER.get(p.kind, 9))  # type: ignore[attr-defined]
    first = placements[0] if placements else None
    return EmployeeRow(
        employee_id=employee.pk,
        full_name=employee.full_name,
        nip=shown_nip(viewer, employee.pk, employee.nip),
        position_title=first.position.title if first else "",
        unit_name=first.position.unit.name if first else "",
        agency_name=first.position.unit.agency.name if first else "",
        acting_label=str(KIND_LABELS[first.kind]) if first and first.kind != "DEFINITIVE" else "",
    )


def employee_list_page(
    viewer: Viewer, on: dt.date, query: str, page_number: str | int | None
) -> EmployeeListPage:
    """One page of the visible employees whose name contains the query (3 queries and the
    count: `selectors.employee_list`)."""
    rows = employee_list(viewer, on, query=query)
    # The paginator reads rows.count() and a slice only (its stub asks for a whole Sequence).
    page: Page[Employee] = Paginator(rows, EMPLOYEES_PER_PAGE).get_page(page_number)  # type: ignore[arg-type]
    return EmployeeListPage(
        page=page, rows=[_row(viewer, e) for e in page.object_list], query=query
    )
