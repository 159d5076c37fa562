"""What the employee sheet adds: people, their placements, and the placements a move ends."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sikerja.organization.transfer.parse import SheetRow
from sikerja.organization.transfer.state import PositionNode, StoredEmployee


@dataclass(eq=False)
class NewPlacement:
    """A placement row of the file."""

    person: Person
    position: PositionNode
    kind: str
    valid_from: dt.date
    valid_to: dt.date | None
    decision_number: str
    decision_date: dt.date
    decided_by: str
    row: SheetRow
    is_unchanged: bool = False


@dataclass(eq=False)
class Person:
    """An employee of the file (first row of its NIP), stored or new."""

    nip: str
    row: SheetRow
    values: dict[str, object]
    stored: StoredEmployee | None
    placements: list[NewPlacement] = field(default_factory=list)

    @property
    def is_changed(self) -> bool:
        stored = self.stored
        return stored is not None and (
            (stored.front_title, stored.back_title, stored.email)
            != (self.values["front_title"], self.values["back_title"], self.values["email"])
        )


@dataclass
class PeoplePlan:
    """What the employee sheet writes."""

    persons: list[Person] = field(default_factory=list)
    placements: list[NewPlacement] = field(default_factory=list)
    ended: dict[int, dt.date] = field(default_factory=dict)
