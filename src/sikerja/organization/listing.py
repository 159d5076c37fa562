"""A list by name made of two disjoint parts, as Django's and ninja's paginators read it.

A non-operator sees the people placed in their units (`rules.employees_placed_in_scope`, up to
an agency of tens of thousands) and the officials above them (`rules.chain_outside_scope`, a
handful). One query with the two OR-ed together makes PostgreSQL read the whole scope on every
page; so the large part is paged in the database on its own and the few are merged in here. A
page `[start:stop)` reads the large part's rows `[start - len(few) : stop)` (a few more than
the page) and places the few among them: a row's place in the whole list is its place in its
part plus the rows of the other part before it, and the rows read are enough to know that for
every row the page shows (`merged_slice`).

The total is the large part's count plus the few. Counting a large scope reads all of it, so
without a name search the count is kept under the government's access stamp
(`organization.access.stamped`): every change of placements, units or people gives a new stamp.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from sikerja.organization.models import Employee

# What a list shows of an employee (the API's `EmployeeListItemOut`, the page's rows): the rest
# of the row (dates, competencies) cost more to make into objects than the page's query.
LISTED_FIELDS = ("nip", "name", "front_title", "back_title", "employment_type")
T = TypeVar("T")
Key = Callable[[Any], Any]


def merged_slice(
    window: Sequence[T], first: int, start: int, stop: int, few: Sequence[T], key: Key
) -> list[T]:
    """Rows `[start:stop)` of the sorted union of two disjoint sorted lists, from
    `window` = rows `[first:stop)` of the large one, `first = max(0, start - len(few))`, and all
    of the `few`.

    A row of the few sorting before the window (when `first` > 0) has at most `first` large
    rows and `len(few) - 1` few rows before it: its place is before `start`. One sorting after
    a full window has at least `stop` large rows before it: its place is past the page. Every
    other one has `first` plus the window's rows below it before it, so the merge of the window
    with those few starts at place `first` plus the few before the window."""
    full = len(window) == stop - first
    before: list[T] = []
    within: list[T] = []
    for row in few:
        if first > 0 and window and key(row) < key(window[0]):
            before.append(row)
        elif not (full and window and key(row) > key(window[-1])):
            within.append(row)
    merged = sorted([*window, *within], key=key)
    base = first + len(before)
    return merged[start - base : stop - base]


def _by_name(employee: Employee) -> tuple[str, int]:
    return (employee.name, employee.pk)


class EmployeeRows:
    """The visible employees by name (`name`, `pk`), sliced and counted as a queryset is: the
    large part paged in the database, the few merged in, each page's current placements read in
    one query (`prefetch`)."""

    ordered = True  # Django's Paginator warns about unordered lists only

    def __init__(
        self,
        large: QuerySet[Employee],
        few: QuerySet[Employee],
        count_large: Callable[[], int],
        prefetch: Prefetch[Any] | None = None,
    ) -> None:
        self.large = large.only(*LISTED_FIELDS).order_by("name", "pk")
        self.few_queryset = few.only(*LISTED_FIELDS).order_by("name", "pk")
        self.count_large = count_large
        self.prefetch = prefetch
        self._few: list[Employee] | None = None

    def all(self) -> EmployeeRows:
        """The list itself (ninja's paginator counts `queryset.all()`)."""
        return self

    def few(self) -> list[Employee]:
        """The few, read once (no query when the part is empty by construction)."""
        if self._few is None:
            self._few = list(self.few_queryset)
        return self._few

    def count(self) -> int:
        """How many employees the whole list has."""
        return self.count_large() + len(self.few())

    def __getitem__(self, index: slice) -> list[Employee]:
        if index.step is not None:
            raise TypeError("EmployeeRows is read a page (a slice) at a time")
        start, stop = index.start or 0, index.stop
        if stop is None or start < 0 or stop < start:
            raise ValueError("a page has a start and a stop, start <= stop")
        few = self.few()
        first = max(0, start - len(few))
        window = list(self.large[first:stop]) if stop > first else []
        rows = merged_slice(window, first, start, stop, few, _by_name)
        if self.prefetch is not None and rows:
            prefetch_related_objects(rows, self.prefetch)
        return rows
