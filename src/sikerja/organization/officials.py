"""Officials as a refusal names them when they may do instead what was refused: name and
position, the acting title (Plt./Plh.) first where they hold it as acting."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from sikerja.core.errors import Official
from sikerja.organization.models import Employee, Placement
from sikerja.organization.resolver import Person

ACTING_LABELS = {Placement.Kind.PLT.value: "Plt.", Placement.Kind.PLH.value: "Plh."}


def official_named(name: str, position_title: str, acting: str = "") -> Official:
    """An official by name and position, `acting` the placement kind they hold it as."""
    position = " ".join(part for part in (ACTING_LABELS.get(acting, ""), position_title) if part)
    return Official(name=name, position=position)


def official_of(person: Person) -> Official:
    """A resolved person (organisation resolver, workflow actor) as a refusal names them."""
    return official_named(person.name, person.position_title, person.acting)


def official_for(employee: Employee, on: dt.date) -> Official:
    """An employee by name and the position they hold on the day (definitive before acting;
    no position when they hold none). One query."""
    placement = (
        Placement.objects.effective_on(on)
        .filter(employee=employee)
        .select_related("position")
        .order_by("kind", "pk")
        .first()
    )
    if placement is None:
        return Official(name=employee.full_name, position="")
    return official_named(employee.full_name, placement.position.title, placement.kind)


def bkpsdm_operators(government_id: int, on: dt.date, limit: int = 3) -> tuple[Official, ...]:
    """The government's BKPSDM operators whose login is active on the day and linked to an
    employee (those who keep placements and logins), by name; at most `limit`, each with the
    position they hold. 1 + `limit` queries."""
    from sikerja.accounts.models import Account

    employees = (
        Employee.objects.filter(
            government_id=government_id,
            user__account__role=Account.Role.BKPSDM_ADMIN,
            user__account__government_id=government_id,
        )
        .filter(Q(user__account__access_until__isnull=True) | Q(user__account__access_until__gt=on))
        .order_by("name", "pk")[:limit]
    )
    return tuple(official_for(employee, on) for employee in employees)
