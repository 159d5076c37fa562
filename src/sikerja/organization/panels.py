"""Panels other apps add to the employee page.

The organisation app imports no app above it (ARCHITECTURE §2), so an app with something to
show on an employee's page (the performance app: the angka kredit of the year) registers a
panel source here in its AppConfig.ready, and the page asks every source once. A source scopes
its own read with its own rules (a panel the viewer may not see is None, as is one with nothing
to show) and reads with a constant number of queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from sikerja.organization.rules import Viewer


@dataclass(frozen=True)
class Panel:
    """One panel of the employee page: the template that draws it and what it draws."""

    key: str
    template: str
    context: Mapping[str, Any]


class PanelSource(Protocol):
    """Answers an app's panel for the employee as the viewer may see it on the day, or None."""

    def __call__(self, *, viewer: Viewer, employee_id: int, on: dt.date) -> Panel | None: ...


_sources: dict[str, PanelSource] = {}


def panel_register(key: str, source: PanelSource) -> None:
    """Add (or replace: ready() may run more than once) the source registered under `key`."""
    _sources[key] = source


def employee_panels(*, viewer: Viewer, employee_id: int, on: dt.date) -> list[Panel]:
    """The panels the registered sources show this viewer on the employee's page, by key."""
    answers = (
        _sources[key](viewer=viewer, employee_id=employee_id, on=on) for key in sorted(_sources)
    )
    return [panel for panel in answers if panel is not None]
