"""Writes the demo in bulk: every row built in memory goes in with `bulk_create`, parents
before children, so that ids exist before the rows that point at them. The caller holds the
transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model

from sikerja.accounts.models import Account
from sikerja.organization.demo.appointments import Staffing
from sikerja.organization.demo.tree import Blueprint
from sikerja.organization.models import (
    PATH_STEP,
    Agency,
    Delegation,
    Employee,
    Government,
    OrgUnit,
    Placement,
    Position,
    new_access_stamp,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User

BATCH = 2000


@dataclass(frozen=True)
class Login:
    """A demo user to create: login, password hash, employee and Account role."""

    username: str
    password_hash: str
    employee: Employee
    role: str


def write(
    government: Government,
    blueprint: Blueprint,
    staffing: Staffing,
    delegations: list[Delegation],
    logins: list[Login],
    regional_head: Employee,
) -> dict[str, int]:
    """Insert everything for `government`, and its regional head (a Pejabat Negara, not counted
    among the employees); return the counts of what was written."""
    agencies = [plan.agency for plan in blueprint.agencies]
    _create(Agency, agencies, government)
    units = _units(blueprint, government)
    positions = [n.head for n in blueprint.nodes() if n.head is not None]
    positions += [staff.position for _, staff in blueprint.staff()]
    _create(Position, positions, government)
    users = _users(logins)
    _create(Employee, [*staffing.employees, regional_head], government)
    Government.objects.filter(pk=government.pk).update(
        regional_head=regional_head,
        region_head_name=regional_head.full_name,
        access_stamp=new_access_stamp(),  # logins are linked to employees below
    )
    _create(Placement, staffing.placements, government)
    _create(Delegation, delegations, government)
    Account.objects.bulk_create(
        Account(user=user, government=government, role=login.role)
        for user, login in zip(users, logins, strict=True)
    )
    acting = sum(1 for p in staffing.placements if p.kind != Placement.Kind.DEFINITIVE)
    return {
        "agencies": len(agencies),
        "units": len(units),
        "positions": len(positions),
        "employees": len(staffing.employees),
        "pppk": sum(1 for e in staffing.employees if e.employment_type == "PPPK"),
        "placements": len(staffing.placements),
        "acting": acting,
        "delegations": len(delegations),
        "users": len(users),
    }


def _create(model: type, rows: list, government: Government) -> None:  # type: ignore[type-arg]
    for row in rows:
        row.government = government
    model.objects.bulk_create(rows, batch_size=BATCH)  # type: ignore[attr-defined]


def _units(blueprint: Blueprint, government: Government) -> list[OrgUnit]:
    """Insert units level by level, then write each path from the ids (parents come first)."""
    by_depth: dict[int, list[OrgUnit]] = defaultdict(list)
    nodes = list(blueprint.nodes())
    for node in nodes:
        by_depth[node.unit.depth].append(node.unit)
    for depth in sorted(by_depth):
        _create(OrgUnit, by_depth[depth], government)
    for node in nodes:
        parent_path = node.parent.unit.path if node.parent else ""
        node.unit.path = f"{parent_path}{node.unit.pk:0{PATH_STEP}d}."
    units = [node.unit for node in nodes]
    OrgUnit.objects.bulk_update(units, ["path"], batch_size=BATCH // 2)
    return units


def _users(logins: list[Login]) -> list[User]:
    user_model = get_user_model()
    users = [
        user_model(
            username=login.username,
            password=login.password_hash,
            first_name=login.employee.name[:150],
        )
        for login in logins
    ]
    user_model.objects.bulk_create(users)
    for user, login in zip(users, logins, strict=True):
        login.employee.user = user
    return users
