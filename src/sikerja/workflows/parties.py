"""Resolve a step's actor expression to a person, using the organisation's role resolver."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from sikerja.organization.models import Agency, Employee, OrgUnit
from sikerja.organization.resolver import Person, Resolver, agency_head
from sikerja.regulations.loader import LoadedPack, load_pack


@dataclass(frozen=True)
class ResolvedActor:
    """Who acts on (or is named in) a step, with the rule and article that make it them."""

    expression: str
    person: Person | None
    rule: str
    citation: str
    notes: tuple[str, ...] = ()
    agency_id: int | None = None
    agency_name: str = ""
    recorder: Person | None = None
    external: bool = False

    @property
    def employee_id(self) -> int | None:
        return self.person.employee_id if self.person else None


@dataclass
class Parties:
    """The sides of a request: ids stored on the workflow instance as JSON."""

    requester: int
    owner_unit: int
    home_unit: int | None = None
    candidates: list[int] = field(default_factory=list)
    external_government: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "requester": self.requester,
            "owner_unit": self.owner_unit,
            "home_unit": self.home_unit,
            "candidates": list(self.candidates),
            "external_government": self.external_government,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Parties:
        return cls(
            requester=int(data["requester"]),
            owner_unit=int(data["owner_unit"]),
            home_unit=data.get("home_unit"),
            candidates=[int(item) for item in data.get("candidates", [])],
            external_government=data.get("external_government"),
        )


def _person_of(employee: Employee, on: dt.date) -> Person:
    placement = (
        employee.placements.effective_on(on)
        .select_related("position__unit")
        .order_by("kind")
        .first()
    )
    return Person(
        employee_id=employee.pk,
        nip=employee.nip,
        name=employee.full_name,
        position_id=placement.position_id if placement else None,
        position_title=placement.position.title if placement else "",
        position_kind=placement.position.kind if placement else "",
        unit_id=placement.position.unit_id if placement else None,
        unit_name=placement.position.unit.name if placement else "",
        acting=placement.kind if placement else "DEFINITIVE",
    )


class PartyResolver:
    """Resolve actor expressions for one instance on one day."""

    def __init__(self, pack: LoadedPack, parties: Parties, on: dt.date) -> None:
        self.pack = pack
        self.parties = parties
        self.on = on
        self.resolver = Resolver(pack)
        self._cache: dict[str, ResolvedActor] = {}

    def resolve(self, expression: str) -> ResolvedActor:
        """The person an expression names today (cached per resolver)."""
        if expression not in self._cache:
            self._cache[expression] = self._resolve(expression)
        return self._cache[expression]

    def _resolve(self, expression: str) -> ResolvedActor:
        if expression in {"requester", "applicant", "candidate"}:
            return self._employee(expression)
        if expression.startswith("external."):
            return self._external(expression)
        if expression.startswith("government."):
            return self._government(expression)
        side, role = expression.split(".", 1)
        return self._side(expression, side, role)

    def _employee(self, expression: str) -> ResolvedActor:
        employee_id = self.parties.requester
        if expression != "requester":
            employee_id = (
                self.parties.candidates[0] if self.parties.candidates else self.parties.requester
            )
        employee = Employee.objects.get(pk=employee_id)
        person = _person_of(employee, self.on)
        return ResolvedActor(expression, person, "", "", agency_id=self._agency_of(person.unit_id))

    def _agency_of(self, unit_id: int | None) -> int | None:
        if unit_id is None:
            return None
        return OrgUnit.objects.filter(pk=unit_id).values_list("agency_id", flat=True).first()

    def _side_unit(self, side: str) -> int:
        if side == "owner":
            return self.parties.owner_unit
        if self.parties.home_unit is None:
            raise ValueError("the request names no home unit")
        return self.parties.home_unit

    def _side(self, expression: str, side: str, role: str) -> ResolvedActor:
        if side == "home" and self.parties.external_government is not None:
            return self._external_side(expression, role)
        unit_id = self._side_unit(side)
        candidate = (
            self.parties.candidates[0] if side == "home" and self.parties.candidates else None
        )
        if role == "appraiser":
            answer = (
                self.resolver.appraiser(candidate, self.on)
                if candidate
                else self.resolver.head_of_unit(unit_id, self.on, scope="own_unit")
            )
        elif role == "unit_head":
            answer = (
                self.resolver.unit_head(candidate, self.on)
                if candidate
                else self.resolver.head_of_unit(unit_id, self.on)
            )
        else:
            side_agency = OrgUnit.objects.values_list("agency_id", flat=True).get(pk=unit_id)
            answer = self.resolver.authorized_official(side_agency, self.on)
        agency_id = self._agency_of(answer.person.unit_id) if answer.person else None
        return ResolvedActor(
            expression, answer.person, answer.rule, answer.citation, answer.notes, agency_id
        )

    def _government(self, expression: str) -> ResolvedActor:
        unit = OrgUnit.objects.get(pk=self.parties.owner_unit)
        answer = self.resolver.regional_secretary(unit.government_id, self.on)
        notes = answer.notes
        if expression == "government.regional_head":
            notes = (
                *notes,
                _("Kepada %(head)s u.p. Sekretaris Daerah.")
                % {"head": self.pack.data.pack.regional_head_title},
            )
        agency_id = self._agency_of(answer.person.unit_id) if answer.person else None
        return ResolvedActor(
            expression, answer.person, answer.rule, answer.citation, notes, agency_id
        )

    def _external_side(self, expression: str, role: str) -> ResolvedActor:
        """An official of the other government (cross-instansi), recorded by our own side."""
        recorder = self._side("owner.authorized_official", "owner", "authorized_official").person
        unit = (
            OrgUnit.objects.select_related("agency", "government")
            .filter(pk=self.parties.home_unit)
            .first()
            if self.parties.home_unit
            else None
        )
        if unit is None or unit.government_id != self.parties.external_government:
            external = self._external("external.authorized_official")
            return ResolvedActor(
                expression,
                external.person,
                external.rule,
                external.citation,
                agency_id=external.agency_id,
                agency_name=external.agency_name,
                recorder=recorder,
                external=True,
            )
        person = None
        external_pack = load_pack(unit.government.pack_id)
        if role != "authorized_official":
            # A government whose pack has no role rules (e.g. the national baseline) is read
            # structurally, with our own pack's resolver: the head of the unit above the staff.
            resolver = Resolver(external_pack) if external_pack.data.roles else self.resolver
            candidate = self.parties.candidates[0] if self.parties.candidates else None
            if candidate is not None:
                answer = (
                    resolver.appraiser(candidate, self.on)
                    if role == "appraiser"
                    else resolver.unit_head(candidate, self.on)
                )
            else:
                scope = "own_unit" if role == "appraiser" else ""
                answer = resolver.head_of_unit(unit.pk, self.on, scope=scope)
            person = answer.person
        if person is None:
            person = agency_head(unit.agency_id, self.on)
        return ResolvedActor(
            expression,
            person,
            "G49",
            "",
            agency_id=unit.agency_id,
            agency_name=unit.agency.name,
            recorder=recorder,
            external=True,
        )

    def _external(self, expression: str) -> ResolvedActor:
        """An official of another government: recorded by the owner's authorised official."""
        recorder = self._side("owner.authorized_official", "owner", "authorized_official")
        government_id = self.parties.external_government
        if government_id is None:
            return ResolvedActor(expression, None, "", "", external=True, recorder=recorder.person)
        agency = Agency.objects.filter(government_id=government_id).order_by("pk").first()
        person = agency_head(agency.pk, self.on) if agency is not None else None
        return ResolvedActor(
            expression,
            person,
            "G49",
            "",
            agency_id=agency.pk if agency else None,
            agency_name=agency.name if agency else "",
            recorder=recorder.person,
            external=True,
        )
