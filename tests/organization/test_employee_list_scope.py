"""The employee list pages the large part of a viewer's scope in the database and merges in the
few officials above them (`organization.listing`): the same employees, in the same order, with
the same count as the one-query scope (`rules.employees_visible_to`), for every persona."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sikerja.organization import rules, selectors
from sikerja.organization.listing import merged_slice
from sikerja.organization.models import Placement
from tests.viewers import PERSONAS, viewer_of

__all__ = ["viewer_of"]


def _pages(rows, size: int) -> list[int]:
    ids: list[int] = []
    total = rows.count()
    for start in range(0, total + size, size):
        ids += [employee.pk for employee in rows[start : start + size]]
    return ids


def _agency_of(persona, name: str, today) -> int:
    placement = Placement.objects.effective_on(today).select_related("position__unit")
    return placement.filter(employee=persona(name)).first().position.unit.agency_id


@pytest.mark.parametrize("name", PERSONAS)
def test_the_two_parts_are_disjoint_and_make_up_the_visible_employees(name, viewer_of, today):
    viewer = viewer_of(name)

    placed = set(rules.employees_placed_in_scope(viewer, today).values_list("pk", flat=True))
    above = set(rules.chain_outside_scope(viewer, today).values_list("pk", flat=True))

    visible = set(rules.employees_visible_to(viewer, today).values_list("pk", flat=True))
    assert (placed & above, placed | above) == (set(), visible)


@pytest.mark.parametrize("name", PERSONAS)
@pytest.mark.parametrize("size", [1, 3, 25])
@pytest.mark.parametrize("case", ["all", "search", "agency"])
def test_every_page_lists_the_visible_employees_by_name(
    name, size, case, viewer_of, persona, today
):
    viewer = viewer_of(name)
    agency_id = _agency_of(persona, "kepala_dinas", today) if case == "agency" else None
    query = "a" if case == "search" else ""
    expected = rules.employees_visible_to(viewer, today).order_by("name", "pk")
    if query:
        expected = expected.filter(name__icontains=query)
    if agency_id is not None:
        placed = Placement.objects.effective_on(today).filter(position__unit__agency_id=agency_id)
        expected = expected.filter(pk__in=placed.values("employee_id"))

    rows = selectors.employee_list(viewer, today, agency_id=agency_id, query=query)

    ids = list(expected.values_list("pk", flat=True))
    assert (_pages(rows, size), rows.count()) == (ids, len(ids))


@pytest.mark.parametrize("name", ["kepala_dinas", "kabid", "subkoordinator"])
def test_the_large_part_ors_nothing_beside_its_exists(name, viewer_of, today):
    viewer = viewer_of(name)

    sql = str(rules.employees_placed_in_scope(viewer, today).query).upper()

    outer = sql.split("EXISTS")[0]
    assert ("EXISTS" in sql, " OR " in outer, " IN (" in outer) == (True, False, False)


def test_a_page_of_a_head_has_each_employees_current_placements(viewer_of, today):
    rows = selectors.employee_list(viewer_of("kepala_dinas"), today)

    page = rows[0:25]

    placed = {p.employee_id for p in Placement.objects.effective_on(today)}
    assert all(bool(employee.current_placements) == (employee.pk in placed) for employee in page)


@given(
    st.sets(st.integers(0, 60), max_size=40),
    st.sets(st.integers(0, 60), max_size=6),
    st.integers(0, 50),
    st.integers(0, 20),
)
def test_a_merged_slice_is_that_slice_of_the_sorted_union(large, few, start, length):
    large, few = sorted(large - few), sorted(few)
    stop = start + length
    first = max(0, start - len(few))

    page = merged_slice(large[first:stop], first, start, stop, few, key=lambda x: x)

    assert page == sorted(large + few)[start:stop]
