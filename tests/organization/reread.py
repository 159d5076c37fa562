"""Objects built once per module (see `module_db`), read again for each test.

A test gets its own model instances (no attribute or related-object cache left by an earlier
test) and its own dicts to add to; the rows are the module's, rolled back to after every test.
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model

from sikerja.organization.models import Agency, Employee, Government, OrgUnit, Position
from tests.organization.builders import Org

M = TypeVar("M", bound=Model)


def reread(instance: M) -> M:
    """The same row, read again."""
    return type(instance)._default_manager.get(pk=instance.pk)


def reread_org(org: Org) -> Org:
    """The same organisation, every object read again (five queries), in new dicts."""
    units = OrgUnit.objects.in_bulk([unit.pk for unit in org.units.values()])
    heads = Position.objects.in_bulk([position.pk for position in org.heads.values()])
    people = Employee.objects.in_bulk([employee.pk for employee in org.people.values()])
    agencies = Agency.objects.in_bulk([org.setda.pk, org.dinas.pk])
    return Org(
        government=Government.objects.get(pk=org.government.pk),
        actor=org.actor,
        setda=agencies[org.setda.pk],
        dinas=agencies[org.dinas.pk],
        units={key: units[unit.pk] for key, unit in org.units.items()},
        heads={key: heads[position.pk] for key, position in org.heads.items()},
        people={key: people[employee.pk] for key, employee in org.people.items()},
    )
