"""The caller's permission scope, built from the database once per change of the government.

A `Viewer` has two parts. What the caller's account row says (the government, the operator
role) is read on every request, in one query with the government's `access_stamp`. What the
caller's placements imply (their employee record, the heads they hold, the chain of officials
above them) takes three queries and a run of the resolver; it changes only when placements,
delegations, units or the link between a login and an employee change, so it is kept per process
under the key (user, government, access stamp, pack, day).

Every service that changes those rows (and those of agencies, units and positions, which the
pages kept under the stamp show: `stamped_page`) calls `access_changed` in its own transaction,
which gives
the government a new random stamp: the next request, in any process, reads the new stamp with the
account and misses the old entries. A stamp is random rather than counted, so a rolled-back
change (or a test's rolled-back transaction) never leaves an entry that a later, different change
could hit. Changes to the account row itself need no stamp: it is read on every request.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar, cast

from django.db.models import Exists, OuterRef

from sikerja.organization.models import Employee, Government, Placement, new_access_stamp
from sikerja.organization.resolver import Resolver
from sikerja.regulations.loader import load_pack

SCOPE_CACHE_SIZE = 4096  # entries per process; one per (user, day) in use
PAGE_CACHE_SIZE = 64  # rendered pages per process (a large one is some 100 KB)


@dataclass(frozen=True)
class Scope:
    """The placement-derived part of a viewer: what may be cached between requests."""

    employee_id: int | None
    heads_government: bool  # holds the head of a SETDA (the Sekda's scope)
    agency_ids: frozenset[int]
    unit_paths: tuple[str, ...]
    chain_ids: frozenset[int]
    # Had placements and none is open on the day or later: the employee left the government
    # (their last placement ended with no new one), so their login is refused from that day.
    left: bool = False


ScopeKey = tuple[Hashable, ...]
T = TypeVar("T")


class _ScopeCache:
    """A small thread-safe LRU of scopes (and other answers kept under an access stamp), one
    per process."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: OrderedDict[ScopeKey, object] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: ScopeKey) -> object | None:
        with self.lock:
            scope = self.entries.get(key)
            if scope is not None:
                self.entries.move_to_end(key)
            return scope

    def put(self, key: ScopeKey, scope: object) -> None:
        with self.lock:
            self.entries[key] = scope
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


_cache = _ScopeCache(SCOPE_CACHE_SIZE)
_pages = _ScopeCache(PAGE_CACHE_SIZE)


def access_changed(*, government_id: int) -> None:
    """Give the government a new access stamp (one query; call inside the changing
    transaction, so the stamp and the change commit, or roll back, together)."""
    Government.objects.filter(pk=government_id).update(access_stamp=new_access_stamp())


def scope_cache_resize(size: int = SCOPE_CACHE_SIZE) -> None:
    """Keep at most `size` scopes in this process, forgetting every one kept so far (0: build
    the scope on every request, as the tests of other apps' query budgets do). The pages kept
    under the stamp are forgotten too, and kept again only when scopes are (at most
    PAGE_CACHE_SIZE)."""
    _cache.clear()
    _cache.size = size
    _pages.clear()
    _pages.size = min(size, PAGE_CACHE_SIZE)


def page_cache_clear() -> None:
    """Forget the pages kept in this process; the scopes and other answers stay kept."""
    _pages.clear()


def scope_for(user_id: int, government: Government, on: dt.date) -> Scope:
    """The caller's placement-derived scope: from the cache when the government's stamp is the
    one it was built under, else built (3 queries) and kept."""
    key = (user_id, government.pk, government.access_stamp, government.pack_id, on)
    scope = _cache.get(key)
    if scope is None:
        scope = _build(user_id, government, on)
        _cache.put(key, scope)
    return cast(Scope, scope)


def stamped(government: Government, key: tuple[Hashable, ...], build: Callable[[], T]) -> T:
    """An answer derived only from the government's units, placements and delegations (such as
    how many people are placed below a unit), kept in this process under the government's
    current access stamp: every change of those rows gives a new stamp, so a kept answer is
    never stale. `key` names the answer and its arguments; `build` computes it on a miss."""
    return _kept(_cache, government, key, build)


def stamped_page(government: Government, key: tuple[Hashable, ...], build: Callable[[], T]) -> T:
    """A page (or part of one) drawn only from the government's agencies, units, positions,
    employees, placements and delegations, kept like `stamped` in a smaller cache of its own.
    `key` must name everything else the page depends on: the viewer's permissions (`Viewer`
    fields, which the account row read on every request gives), the day, the language and the
    page's own arguments."""
    return _kept(_pages, government, key, build)


def _kept(
    cache: _ScopeCache, government: Government, key: tuple[Hashable, ...], build: Callable[[], T]
) -> T:
    full = ("stamped", government.pk, government.access_stamp, government.pack_id, *key)
    value = cache.get(full)
    if value is None:
        value = build()
        cache.put(full, value)
    return cast(T, value)


def _build(user_id: int, government: Government, on: dt.date) -> Scope:
    placements = Placement.objects.filter(employee_id=OuterRef("pk"))
    employee = (
        Employee.objects.filter(user_id=user_id, government=government)
        .annotate(placed=Exists(placements), current=Exists(placements.exclude(valid_to__lte=on)))
        .values_list("pk", "placed", "current")
        .first()
    )
    if employee is None:
        return Scope(None, False, frozenset(), (), frozenset())
    employee_id, placed, current = employee
    if placed and not current:
        return Scope(employee_id, False, frozenset(), (), frozenset({employee_id}), left=True)
    heads = list(
        Placement.objects.effective_on(on)
        .filter(employee_id=employee_id, position__is_head=True)
        .values_list(
            "position__unit__depth",
            "position__unit__path",
            "position__unit__agency_id",
            "position__unit__agency__agency_type",
        )
    )
    chain = Resolver(load_pack(government.pack_id)).chain_ids(employee_id, on)
    return Scope(
        employee_id=employee_id,
        heads_government=any(depth == 0 and kind == "SETDA" for depth, _, _, kind in heads),
        agency_ids=frozenset(agency for depth, _, agency, _ in heads if depth == 0),
        unit_paths=tuple(path for depth, path, _, _ in heads if depth > 0),
        chain_ids=frozenset(chain) | {employee_id},
    )
