"""Page reads of the penugasan list: the inbox, what I sent, everything I may open.

Each tab is paginated and reads a constant number of queries, whatever the number of rows.
Scoping stays in `sikerja.assignments.selectors`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator

from sikerja.assignments import selectors
from sikerja.assignments.display import TAB_LABELS, ListRow
from sikerja.assignments.forms import TABS
from sikerja.organization.rules import Viewer

ROWS_PER_PAGE = 20


@dataclass(frozen=True)
class TabLink:
    """A tab of the list, and whether it is the one shown."""

    key: str
    label: str
    is_current: bool


@dataclass(frozen=True)
class AssignmentListPage:
    """One page of one tab of the penugasan list."""

    tab: str
    tabs: list[TabLink]
    page: Page[Any]  # the paginator only; `rows` carry what the template shows
    rows: list[ListRow]


def _tabs(current: str) -> list[TabLink]:
    return [TabLink(key, str(TAB_LABELS[key]), key == current) for key in TABS]


def _inbox_role(item: selectors.InboxItem, employee_id: int) -> str:
    step = item.step
    if item.as_recommender:
        return "recommender"
    if step.actor_id == employee_id:
        return "actor"
    if step.recorder_id == employee_id:
        return "recorder"
    return "delegate"


def inbox_count(viewer: Viewer, on: dt.date) -> int:
    """How many open steps wait for the viewer (3 queries)."""
    if viewer.employee_id is None:
        return 0
    return len(selectors.inbox(employee_id=viewer.employee_id, on=on, government=viewer.government))


def _inbox_page(
    viewer: Viewer, on: dt.date, page_number: str | None
) -> tuple[Page[Any], list[ListRow]]:
    items = (
        selectors.inbox(employee_id=viewer.employee_id, on=on, government=viewer.government)
        if viewer.employee_id
        else []
    )
    page = Paginator(items, ROWS_PER_PAGE).get_page(page_number)
    employee_id = viewer.employee_id or 0
    rows = [
        ListRow.of_step(item.step, item.assignment, _inbox_role(item, employee_id))
        for item in page.object_list
    ]
    return page, rows


def assignment_list_page(
    viewer: Viewer, tab: str, on: dt.date, page_number: str | None
) -> AssignmentListPage:
    """The inbox, what I sent, or everything I may open: paginated, constant queries per tab."""
    if tab == "kotak-masuk":
        page, rows = _inbox_page(viewer, on, page_number)
        return AssignmentListPage(tab, _tabs(tab), page, rows)
    box = "sent" if tab == "terkirim" else "all"
    queryset = selectors.assignment_list_for(viewer, box=box)
    page = Paginator(queryset, ROWS_PER_PAGE).get_page(page_number)
    rows = [ListRow.of_assignment(a, requester_name=a.requester.full_name) for a in page]
    return AssignmentListPage(tab, _tabs(tab), page, rows)
