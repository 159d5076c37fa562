"""What the pages show of people and roles: labels, masked NIPs, acting badges.

Everything a template would otherwise have to decide (which label, whether a NIP is masked) is
decided here, so templates only print.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sikerja.organization.models import Placement, Position
from sikerja.organization.nip import format_nip, mask_nip
from sikerja.organization.resolver import Person, RoleAnswer
from sikerja.organization.rules import Viewer, may_see_full_nip

ROLE_LABELS: dict[str, Promise] = {
    "appraiser": _("Pejabat Penilai Kinerja"),
    "unit_head": _("Pimpinan Unit Organisasi"),
    "performance_owner": _("Pemilik Kinerja"),
    "authorized_official": _("Pejabat yang Berwenang"),
    "regional_secretary": _("Sekretaris Daerah"),
}
KIND_LABELS: dict[str, Promise] = {
    "DEFINITIVE": _("Definitif"),
    "PLT": _("Plt."),
    "PLH": _("Plh."),
}
ACTING_TITLES: dict[str, Promise] = {
    "PLT": _("Pelaksana Tugas"),
    "PLH": _("Pelaksana Harian"),
}
GRADE_LABELS = dict(Position.Grade.choices)
MAX_INDENT = 8


def shown_nip(viewer: Viewer, employee_id: int, nip: str) -> str:
    """The full NIP for operators and for the person themself; masked for everyone else."""
    if may_see_full_nip(viewer, employee_id):
        return format_nip(nip)
    return mask_nip(nip)


def grade_label(position: Position) -> str:
    """The jenjang of a JF ('Ahli Muda'), or the kind of position for everyone else."""
    if position.grade:
        return str(GRADE_LABELS.get(position.grade, position.grade))
    return str(position.get_kind_display())


def is_effective(placement: Placement, on: dt.date) -> bool:
    """Whether a placement holds on the day (valid_from inclusive, valid_to exclusive)."""
    return placement.valid_from <= on and (placement.valid_to is None or placement.valid_to > on)


@dataclass(frozen=True)
class PersonCard:
    """A person as a page shows them: name, NIP as the viewer may see it, position, badge."""

    employee_id: int
    name: str
    nip: str
    position_title: str
    unit_name: str
    acting: str
    acting_label: str
    acting_title: str

    @classmethod
    def of(cls, viewer: Viewer, person: Person) -> PersonCard:
        return cls(
            employee_id=person.employee_id,
            name=person.name,
            nip=shown_nip(viewer, person.employee_id, person.nip),
            position_title=person.position_title,
            unit_name=person.unit_name,
            acting=person.acting,
            acting_label=person.acting_label,
            acting_title=str(ACTING_TITLES.get(person.acting, "")),
        )

    @classmethod
    def of_placement(cls, viewer: Viewer, placement: Placement) -> PersonCard:
        employee = placement.employee
        return cls(
            employee_id=employee.pk,
            name=employee.full_name,
            nip=shown_nip(viewer, employee.pk, employee.nip),
            position_title=placement.position.title,
            unit_name="",
            acting=placement.kind,
            acting_label=str(KIND_LABELS[placement.kind]) if placement.kind != "DEFINITIVE" else "",
            acting_title=str(ACTING_TITLES.get(placement.kind, "")),
        )


@dataclass(frozen=True)
class RoleCard:
    """A resolved role with its label, person (None when vacant), rule and full citation."""

    role: str
    label: str
    person: PersonCard | None
    rule: str
    citation: str
    notes: tuple[str, ...]

    @classmethod
    def of(cls, viewer: Viewer, answer: RoleAnswer) -> RoleCard:
        return cls(
            role=answer.role,
            label=str(ROLE_LABELS.get(answer.role, answer.role)),
            person=PersonCard.of(viewer, answer.person) if answer.person else None,
            rule=answer.rule,
            citation=answer.citation,
            notes=tuple(str(note) for note in answer.notes),
        )


@dataclass(frozen=True)
class PlacementRow:
    """One line of a placement history: position, unit, kind, period and decision.

    `last_day` is the last day held (valid_to is exclusive), as decisions print "s.d.".
    """

    position_title: str
    unit_name: str
    agency_name: str
    kind: str
    kind_label: str
    valid_from: dt.date
    last_day: dt.date | None
    decision_number: str
    decision_date: dt.date
    decided_by: str
    is_current: bool

    @classmethod
    def of(cls, placement: Placement, on: dt.date) -> PlacementRow:
        unit = placement.position.unit
        return cls(
            position_title=placement.position.title,
            unit_name=unit.name,
            agency_name=unit.agency.name,
            kind=placement.kind,
            kind_label=str(KIND_LABELS.get(placement.kind, placement.kind)),
            valid_from=placement.valid_from,
            last_day=placement.valid_to - dt.timedelta(days=1) if placement.valid_to else None,
            decision_number=placement.decision_number,
            decision_date=placement.decision_date,
            decided_by=placement.decided_by,
            is_current=is_effective(placement, on),
        )
