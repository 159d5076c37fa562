"""A non-operator's employee lookup joins the placements of the employees it reads (through the
employee's index), instead of reading every placement of the caller's agency; both shapes of
the scope answer the same employees."""

from __future__ import annotations

import pytest

from sikerja.organization import rules
from sikerja.organization.models import Employee
from tests.viewers import PERSONAS, viewer_of

__all__ = ["viewer_of"]


@pytest.mark.parametrize("name", ["kepala_dinas", "kabid"])
def test_the_lookup_joins_the_employees_placements_not_a_list_of_the_agencys_people(
    name, viewer_of, persona, today
):
    viewer = viewer_of(name)

    sql = str(rules.employee_visible_to(viewer, today).filter(nip="x").query).upper()

    assert ('JOIN "ORGANIZATION_PLACEMENT"' in sql, "SELECT" in sql[7:]) == (True, False)


@pytest.mark.parametrize("name", PERSONAS)
def test_the_lookup_shape_sees_the_employees_the_list_shape_sees(name, viewer_of, world, today):
    viewer = viewer_of(name)
    both = [world.government_id, world.other_government_id]
    every = Employee.objects.filter(government_id__in=both).values_list("pk", flat=True)

    looked_up = rules.employee_visible_to(viewer, today).filter(pk__in=list(every))

    assert set(looked_up.values_list("pk", flat=True)) == set(
        rules.employees_visible_to(viewer, today).values_list("pk", flat=True)
    )


def test_ordering_by_name_has_an_index():
    indexed = [tuple(index.fields) for index in Employee._meta.indexes]

    assert ("government", "name", "id") in indexed
