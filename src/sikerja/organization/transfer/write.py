"""Writing a checked import: new rows in bulk, in the caller's transaction, in constant queries.

Agencies, units and positions go through bulk_create: their ids are needed at once (units level
by level, since a child needs its parent's id) and there are few of them. Employees and
placements, which grow with the file, go through `bulk_sql` (one statement each, see there).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sikerja.organization.models import (
    PATH_STEP,
    Agency,
    Employee,
    Government,
    OrgUnit,
    Placement,
    Position,
)
from sikerja.organization.transfer.bulk_sql import insert_many, update_many
from sikerja.organization.transfer.people_plan import PeoplePlan
from sikerja.organization.transfer.state import Org, UnitNode

BATCH_SIZE = 2000
EMPLOYEE_COLUMNS = (
    "nip",
    "name",
    "front_title",
    "back_title",
    "employment_type",
    "gender",
    "birth_date",
    "email",
)
PLACEMENT_COLUMNS = (
    "employee",
    "position",
    "kind",
    "valid_from",
    "valid_to",
    "decision_number",
    "decision_date",
    "decided_by",
)


@dataclass(frozen=True)
class Written:
    """How many rows the import created, updated or ended."""

    agencies_created: int = 0
    units_created: int = 0
    positions_created: int = 0
    employees_created: int = 0
    employees_updated: int = 0
    placements_created: int = 0
    placements_ended: int = 0
    logins_created: int = 0


def org_write(org: Org) -> None:
    """Create the new agencies, units (with path and depth) and positions."""
    Agency.objects.bulk_create([node.agency for node in org.new_agencies], batch_size=BATCH_SIZE)
    levels: dict[int, list[UnitNode]] = defaultdict(list)
    for node in org.new_units:
        levels[node.depth or 0].append(node)
    for depth in sorted(levels):
        OrgUnit.objects.bulk_create([node.unit for node in levels[depth]], batch_size=BATCH_SIZE)
        for node in levels[depth]:
            parent_path = node.parent.unit.path if node.parent is not None else ""
            node.unit.path = f"{parent_path}{node.unit.pk:0{PATH_STEP}d}."
    rows = [(node.unit.path, node.unit.pk) for node in org.new_units]
    update_many(OrgUnit, ("path",), rows)
    Position.objects.bulk_create(
        [node.position for node in org.new_positions], batch_size=BATCH_SIZE
    )


def people_write(plan: PeoplePlan, government: Government, at: dt.datetime) -> tuple[int, int]:
    """Create new employees, update changed ones; return (created, updated)."""
    new = [person for person in plan.persons if person.stored is None]
    stamps = {
        "government": government.pk,
        "competencies": [],
        "user": None,
        "created_at": at,
        "updated_at": at,
    }
    insert_many(
        Employee,
        EMPLOYEE_COLUMNS,
        ([person.values[key] for key in EMPLOYEE_COLUMNS] for person in new),
        stamps,
    )
    changed = [person for person in plan.persons if person.is_changed]
    update_many(
        Employee,
        ("front_title", "back_title", "email", "updated_at"),
        (
            (
                person.values["front_title"],
                person.values["back_title"],
                person.values["email"],
                at,
                person.stored.pk,
            )
            for person in changed
            if person.stored is not None
        ),
    )
    return len(new), len(changed)


def placements_write(plan: PeoplePlan, government: Government, at: dt.datetime) -> None:
    """End the placements a change of position ends, and create the new placements."""
    update_many(
        Placement, ("valid_to", "updated_at"), ((end, at, pk) for pk, end in plan.ended.items())
    )
    if any(person.stored is None for person in plan.persons):
        ids = dict(Employee.objects.filter(government=government).values_list("nip", "pk"))
    else:
        ids = {}
    rows = (
        (
            person.stored.pk if person.stored is not None else ids[person.nip],
            placement.position.position.pk,
            placement.kind,
            placement.valid_from,
            placement.valid_to,
            placement.decision_number,
            placement.decision_date,
            placement.decided_by,
        )
        for placement in plan.placements
        for person in (placement.person,)
    )
    stamps = {"government": government.pk, "note": "", "created_at": at, "updated_at": at}
    insert_many(Placement, PLACEMENT_COLUMNS, rows, stamps)
