"""Checks of the employee sheet: people (by NIP) and their placements, against file and database.

A stored employee is matched by NIP and must carry the same name (a different name is reported
as a duplicate NIP: a mistyped NIP must not rename somebody else); titles and e-mail are updated.
A placement equal to a stored one, or at the position the employee already holds open, is left
as is. A new definitive placement ends the employee's open definitive placement on its own start
date (valid_to is exclusive: the old one's last day is the day before), as V-38 requires.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from sikerja.core.errors import DomainError, ValidationFailed
from sikerja.organization import checks
from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.models import Employee, Placement
from sikerja.organization.services_people import employee_values
from sikerja.organization.transfer.parse import SheetRow
from sikerja.organization.transfer.people_plan import NewPlacement, PeoplePlan, Person
from sikerja.organization.transfer.problems import Problems
from sikerja.organization.transfer.state import Org, People, PositionNode, name_key
from sikerja.organization.transfer.timeline import Timeline
from sikerja.organization.transfer.validate_org import Checker, agency_of, unit_of
from sikerja.regulations.loader import LoadedPack

DEFINITIVE = Placement.Kind.DEFINITIVE
PLACEMENT_KINDS = frozenset(Placement.Kind.values)
PLACEMENT_COLUMNS = (
    "agency_code",
    "unit_name",
    "position_title",
    "placement_kind",
    "valid_from",
    "valid_to",
    "decision_number",
    "decision_date",
    "decided_by",
)
DETAIL_COLUMNS = ("front_title", "back_title", "email", "employment_type")


class EmployeeSheet(Checker):
    """Checks the employee sheet's rows against each other and the stored data."""

    def __init__(
        self, org: Org, people: People, pack: LoadedPack, on: dt.date, problems: Problems
    ) -> None:
        super().__init__(problems)
        self.org, self.people, self.pack, self.on = org, people, pack, on
        self.persons: dict[str, Person] = {}
        self.plan = PeoplePlan()
        self.v39 = (pack.citation_of("V-39"), "V-39" if pack.citation_of("V-39") else "")

    def check(self, rows: list[SheetRow], tick: Callable[[], None]) -> PeoplePlan:
        for row in rows:
            person = self._person(row)
            if person is not None:
                placement = self._placement(person, row)
                if placement is not None:
                    person.placements.append(placement)
            tick()
        timeline = Timeline(self.people, self.pack, self.plan, self.problems)
        for person in self.plan.persons:
            timeline.person_check(person)
        timeline.occupancy_check()
        self.plan.placements = [
            placement
            for person in self.plan.persons
            for placement in person.placements
            if not placement.is_unchanged
        ]
        return self.plan

    def _person(self, row: SheetRow) -> Person | None:
        if not self.required(row, "nip", "name", "employment_type"):
            return None
        try:
            values = employee_values(
                nip=row.text("nip"),
                name=row.text("name"),
                employment_type=row.text("employment_type"),
            )
        except ValidationFailed as error:
            self.refused(row, next(iter(error.fields), "nip"), error)
            return None
        values.update({key: row.text(key) for key in ("front_title", "back_title", "email")})
        self._email_check(row)
        nip = str(values["nip"])
        first = self.persons.get(nip)
        if first is not None:
            return self._repeat(first, row, values)
        stored = self.people.employees.get(nip)
        if stored is not None and name_key(stored.name) != name_key(str(values["name"])):
            message = _("NIP %(nip)s sudah terdaftar atas nama %(name)s.")
            self.report(
                row, "nip", OrgErrorCode.DUPLICATE_NIP, message % {"nip": nip, "name": stored.name}
            )
            return None
        person = Person(nip, row, values, stored)
        self.persons[nip] = person
        self.plan.persons.append(person)
        return person

    def _email_check(self, row: SheetRow) -> None:
        email = row.text("email")
        if not email:
            return
        try:
            validate_email(email)
        except ValidationError:
            self.report(
                row,
                "email",
                OrgErrorCode.UNKNOWN_VALUE,
                _("Alamat surel tidak sah: %(email)s") % {"email": email},
            )

    def _repeat(self, first: Person, row: SheetRow, values: dict[str, object]) -> Person | None:
        """A NIP seen before: the same person (another placement) or a duplicate NIP."""
        if name_key(str(values["name"])) != name_key(str(first.values["name"])):
            message = _("NIP %(nip)s sudah dipakai pada baris %(row)d untuk %(name)s.")
            self.report(
                row,
                "nip",
                OrgErrorCode.DUPLICATE_NIP,
                message % {"nip": first.nip, "row": first.row.number, "name": first.values["name"]},
            )
            return None
        for key in DETAIL_COLUMNS:
            if values[key] != first.values[key]:
                message = _("Berbeda dengan baris %(row)d untuk NIP yang sama (%(value)s).")
                self.report(
                    row,
                    key,
                    OrgErrorCode.DUPLICATE_NIP,
                    message % {"row": first.row.number, "value": first.values[key] or "-"},
                )
        return first

    def _placement(self, person: Person, row: SheetRow) -> NewPlacement | None:
        if all(row.values.get(key) is None and key not in row.invalid for key in PLACEMENT_COLUMNS):
            return None
        present = self.required(row, "agency_code", "unit_name", "position_title", "valid_from")
        present = self._decision_present(row) and present
        position = self._position(row) if row.text("agency_code") else None
        kind = row.text("placement_kind") or DEFINITIVE
        valid = self.one_of(row, "placement_kind", PLACEMENT_KINDS)
        if position is None or not present or not valid:
            return None
        placement = NewPlacement(
            person=person,
            position=position,
            kind=kind,
            valid_from=row.date("valid_from") or self.on,
            valid_to=row.date("valid_to"),
            decision_number=row.text("decision_number"),
            decision_date=row.date("decision_date") or self.on,
            decided_by=row.text("decided_by"),
            row=row,
        )
        return placement if self._placement_rules(placement) else None

    def _decision_present(self, row: SheetRow) -> bool:
        """V-39: a placement cites the staffing authority's decision (number, date, official)."""
        ok = True
        citation, rule = self.v39
        for key in ("decision_number", "decision_date", "decided_by"):
            if row.values.get(key) in (None, "") and key not in row.invalid:
                message = _("Nomor, tanggal dan pejabat yang menetapkan keputusan wajib diisi.")
                self.problems.add(
                    row.sheet,
                    row.number,
                    key,
                    OrgErrorCode.DECISION_REQUIRED,
                    message,
                    rule=rule,
                    citation=citation,
                )
            ok = ok and row.values.get(key) not in (None, "")
        return ok

    def _position(self, row: SheetRow) -> PositionNode | None:
        agency = agency_of(self.org, row, self)
        unit = unit_of(agency, row, "unit_name", self) if agency is not None else None
        if unit is None or not row.text("position_title"):
            return None
        title = row.text("position_title")
        nodes = unit.positions.get(name_key(title), [])
        if len(nodes) == 1:
            return nodes[0]
        if nodes:
            message = _(
                "Nama jabatan %(title)s dipakai lebih dari satu jabatan tersimpan pada unit %(unit)s."
            )
        else:
            message = _("Jabatan %(title)s tidak ditemukan pada unit %(unit)s.")
        self.report(
            row,
            "position_title",
            OrgErrorCode.UNKNOWN_VALUE,
            message % {"title": title, "unit": unit.unit.name},
        )
        return None

    def _placement_rules(self, placement: NewPlacement) -> bool:
        row, position = placement.row, placement.position.position
        ok = True
        if placement.kind != DEFINITIVE and not position.is_head:
            self.report(
                row,
                "placement_kind",
                OrgErrorCode.UNKNOWN_VALUE,
                _("Plt./Plh. hanya untuk jabatan pimpinan unit."),
            )
            ok = False
        if placement.valid_to is not None and placement.valid_to <= placement.valid_from:
            self.report(
                row,
                "valid_to",
                OrgErrorCode.DATE_RANGE,
                _("Tanggal berakhir harus sesudah tanggal mulai."),
            )
            ok = False
        if placement.decision_date > self.on:
            message = _("Tanggal keputusan %(date)s sesudah tanggal impor %(on)s.")
            self.report(
                row,
                "decision_date",
                OrgErrorCode.DATE_RANGE,
                message % {"date": placement.decision_date, "on": self.on},
            )
            ok = False
        employee = _probe(str(placement.person.values["employment_type"]))
        try:
            checks.check_pppk_position(self.pack, employee, position)
        except DomainError as error:
            self.refused(row, "position_title", error)
            ok = False
        return ok


@functools.cache
def _probe(employment_type: str) -> Employee:
    """check_pppk_position reads only the employment type: one probe per type, not per row."""
    return Employee(employment_type=employment_type)
