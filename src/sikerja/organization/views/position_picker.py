"""The position picker of the placement edit forms: the BKPSDM operator searches the positions
of their government by position title, unit name or Perangkat Daerah code and picks one from a
short list the database limits (a page of PAGE, then "more"), so the forms do not grow with
the government. Everyone else gets a 404, as for the forms."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from sikerja.organization.forms_placements import position_label
from sikerja.organization.http import viewer_required
from sikerja.organization.models import Position
from sikerja.organization.rules import Viewer, may_transfer

PAGE = 10
MAX_WORDS = 6
MAX_QUERY = 100
#: The last offset "more" reaches (a search with more matches is to be narrowed, not paged).
MAX_OFFSET = 1_000
#: The forms that pick a position, and whether they pick a head position only.
PICKING = {"pindah": False, "mulai": False, "plt-plh": True}


@dataclass(frozen=True)
class PickerItem:
    pk: int
    label: str
    chosen: bool


@dataclass(frozen=True)
class PickerPage:
    """One page of matches for one form's picker (`action` is the form's prefix)."""

    action: str
    query: str
    items: list[PickerItem]
    offset: int
    more_url: str


def _positions(viewer: Viewer, heads_only: bool) -> QuerySet[Position]:
    positions = Position.objects.filter(government=viewer.government)
    return positions.filter(is_head=True) if heads_only else positions


def _matching(positions: QuerySet[Position], query: str) -> QuerySet[Position]:
    """Every word of the query in the position's title, its unit's name or its agency's code
    or name (case-insensitive)."""
    for word in query.split()[:MAX_WORDS]:
        positions = positions.filter(
            Q(title__icontains=word)
            | Q(unit__name__icontains=word)
            | Q(unit__agency__code__icontains=word)
            | Q(unit__agency__name__icontains=word)
        )
    return positions


def picker_page(
    viewer: Viewer, action: str, query: str = "", offset: int = 0, chosen_id: int | None = None
) -> PickerPage:
    """The matches of `query` from `offset` (1 query, PAGE + 1 rows); with an empty query none;
    "more" up to MAX_OFFSET.
    The position already chosen is listed first, checked, on the first page (1 query more)."""
    heads_only = PICKING[action]
    query = " ".join(query.split())[:MAX_QUERY]
    items: list[PickerItem] = []
    if chosen_id is not None and offset == 0:
        chosen = (
            _positions(viewer, heads_only)
            .select_related("unit__agency")
            .filter(pk=chosen_id)
            .first()
        )
        if chosen is not None:
            items.append(PickerItem(chosen.pk, position_label(chosen), True))
    more_url = ""
    if query:
        found = list(
            _matching(_positions(viewer, heads_only), query)
            .select_related("unit__agency")
            .order_by("unit__agency__code", "unit__path", "title", "pk")[offset : offset + PAGE + 1]
        )
        more, found = len(found) > PAGE, found[:PAGE]
        if more and offset + PAGE <= MAX_OFFSET:
            more_url = (
                reverse("web:position-search")
                + "?"
                + urlencode({"untuk": action, "q": query, "dari": offset + PAGE})
            )
        items += [
            PickerItem(position.pk, position_label(position), False)
            for position in found
            if position.pk != chosen_id or offset > 0
        ]
    return PickerPage(action, query, items, offset, more_url)


def _int(value: str | None) -> int | None:
    text = (value or "").strip()
    return int(text) if text.isdigit() and len(text) <= 18 else None


def picker_from(viewer: Viewer, action: str, data: dict[str, str]) -> PickerPage:
    """The picker as a request's parameters ask: `q`, `dari` (offset), `<action>-position`."""
    return picker_page(
        viewer,
        action,
        data.get("q", ""),
        min(_int(data.get("dari")) or 0, MAX_OFFSET),
        _int(data.get(f"{action}-position")),
    )


@require_GET
@viewer_required
def position_search(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The matches as the picker's list (htmx swaps it in; "more" appends the next page);
    `untuk` names the form (the move form's when absent)."""
    action = request.GET.get("untuk", "pindah")
    if not may_transfer(viewer) or action not in PICKING:
        raise Http404
    picker = picker_from(viewer, action, request.GET.dict())
    return render(request, "organization/includes/position_results.html", {"picker": picker})
