"""Placements over time: what a file row leaves as is, which open placement it ends, what overlaps.

V-38: an employee holds one definitive placement at a time, so a new definitive placement ends
the open one on its own start date (valid_to is exclusive: the old one's last day is the day
before), and any other overlap is refused. A head position holds one definitive official, one
Plt (not beside a definitive official) and one Plh at a time, as placement_create checks.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.models import Placement
from sikerja.organization.transfer.people_plan import NewPlacement, PeoplePlan, Person
from sikerja.organization.transfer.problems import Problems
from sikerja.organization.transfer.state import People, StoredPlacement
from sikerja.organization.transfer.validate_org import Checker
from sikerja.regulations.loader import LoadedPack

DEFINITIVE = Placement.Kind.DEFINITIVE
BLOCKING_KINDS = {
    Placement.Kind.DEFINITIVE: {Placement.Kind.DEFINITIVE},
    Placement.Kind.PLT: {Placement.Kind.PLT, Placement.Kind.DEFINITIVE},
    Placement.Kind.PLH: {Placement.Kind.PLH},
}


class Timeline(Checker):
    """Checks the file's placements against each other and the stored ones; fills plan.ended."""

    def __init__(
        self, people: People, pack: LoadedPack, plan: PeoplePlan, problems: Problems
    ) -> None:
        super().__init__(problems)
        self.people, self.pack, self.plan = people, pack, plan

    def person_check(self, person: Person) -> None:
        """Mark unchanged placements, end the open definitive one, report V-38 overlaps."""
        stored = self.people.by_employee.get(person.stored.pk, []) if person.stored else []
        seen: dict[tuple[int, str, dt.date], NewPlacement] = {}
        for placement in person.placements:
            key = (id(placement.position), placement.kind, placement.valid_from)
            if key in seen:
                message = _("Penempatan yang sama sudah ada pada baris %(row)d.") % {
                    "row": seen[key].row.number
                }
                self.report(
                    placement.row, "position_title", OrgErrorCode.PLACEMENT_OVERLAP, message
                )
                continue
            seen[key] = placement
            placement.is_unchanged = any(_same(placement, other) for other in stored)
        person.placements = list(seen.values())
        new = sorted(
            (p for p in person.placements if p.kind == DEFINITIVE and not p.is_unchanged),
            key=lambda p: p.valid_from,
        )
        for other in stored:
            if other.kind == DEFINITIVE and other.valid_to is None:
                following = next((p for p in new if p.valid_from > other.valid_from), None)
                if following is not None:
                    self.plan.ended[other.pk] = following.valid_from
        for placement in new:
            self._overlap_check(placement, new, stored)

    def _overlap_check(
        self, placement: NewPlacement, new: list[NewPlacement], stored: list[StoredPlacement]
    ) -> None:
        span = (placement.valid_from, placement.valid_to)
        for other in new:
            if other is not placement and _overlaps(span, (other.valid_from, other.valid_to)):
                self._v38(placement, _("baris %(row)d") % {"row": other.row.number})
                return
        for kept in stored:
            end = self.plan.ended.get(kept.pk, kept.valid_to)
            if kept.kind == DEFINITIVE and _overlaps(span, (kept.valid_from, end)):
                self._v38(
                    placement, _("kedudukan tersimpan sejak %(date)s") % {"date": kept.valid_from}
                )
                return

    def _v38(self, placement: NewPlacement, other: str) -> None:
        rule, citation = (
            "V-38" if self.pack.citation_of("V-38") else "",
            self.pack.citation_of("V-38"),
        )
        message = _(
            "Kedudukan definitif tumpang tindih dengan %(other)s; seorang pegawai hanya memiliki satu kedudukan definitif pada satu waktu."
        )
        self.problems.add(
            placement.row.sheet,
            placement.row.number,
            "valid_from",
            OrgErrorCode.PLACEMENT_OVERLAP,
            message % {"other": other},
            rule=rule,
            citation=citation,
        )

    def occupancy_check(self) -> None:
        """A head position holds one definitive official, one Plt and one Plh at a time."""
        by_position: dict[int, list[NewPlacement]] = {}
        for person in self.plan.persons:
            for placement in person.placements:
                if placement.position.position.is_head and not placement.is_unchanged:
                    by_position.setdefault(id(placement.position), []).append(placement)
        for placements in by_position.values():
            pk = placements[0].position.position.pk
            stored = self.people.by_position.get(pk, []) if pk else []
            for placement in placements:
                self._occupancy_check(placement, placements, stored)

    def _occupancy_check(
        self, placement: NewPlacement, new: list[NewPlacement], stored: list[StoredPlacement]
    ) -> None:
        blocking = BLOCKING_KINDS[Placement.Kind(placement.kind)]
        span = (placement.valid_from, placement.valid_to)
        person_pk = placement.person.stored.pk if placement.person.stored else None
        taken = any(
            other.person is not placement.person
            and other.kind in blocking
            and _overlaps(span, (other.valid_from, other.valid_to))
            for other in new
        ) or any(
            other.employee_id != person_pk
            and other.kind in blocking
            and _overlaps(span, (other.valid_from, self.plan.ended.get(other.pk, other.valid_to)))
            for other in stored
        )
        if taken:
            message = _("Jabatan %(title)s sudah diduduki (%(kind)s) pada periode ini.")
            title = placement.position.position.title
            self.report(
                placement.row,
                "position_title",
                OrgErrorCode.POSITION_OCCUPIED,
                message % {"title": title, "kind": placement.kind},
            )


def _same(placement: NewPlacement, stored: StoredPlacement) -> bool:
    """The file row is a stored placement: same position and kind, same start or still open."""
    position_pk: int | None = placement.position.position.pk  # None until the import saves it
    if position_pk is None or stored.position_id != position_pk or stored.kind != placement.kind:
        return False
    if stored.valid_from == placement.valid_from:
        return True
    return stored.valid_to is None and stored.valid_from <= placement.valid_from


def _overlaps(a: tuple[dt.date, dt.date | None], b: tuple[dt.date, dt.date | None]) -> bool:
    return (b[1] is None or a[0] < b[1]) and (a[1] is None or b[0] < a[1])
