"""A non-operator's employee lookup probes the placements of the employees it reads (an EXISTS
per row through an index), instead of reading every placement of the caller's agency."""

from __future__ import annotations

import pytest

from sikerja.organization import rules
from tests.viewers import viewer_of

__all__ = ["viewer_of"]


@pytest.mark.parametrize("name", ["kepala_dinas", "kabid"])
def test_the_scope_is_an_exists_per_employee_not_a_list_of_the_agencys_people(
    name, viewer_of, persona, today
):
    viewer = viewer_of(name)

    sql = str(rules.employees_visible_to(viewer, today).filter(nip="x").query).upper()

    assert ("EXISTS(SELECT" in sql.replace(" (", "("), "IN (SELECT" in sql) == (True, False)


def test_ordering_by_name_has_an_index():
    from sikerja.organization.models import Employee

    indexed = [tuple(index.fields) for index in Employee._meta.indexes]

    assert ("government", "name", "id") in indexed
