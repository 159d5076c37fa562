"""Penugasan's typed role map and the actor expressions only penugasan can answer.

Parties of a request: `requester`, the `owner` unit (the unit that owns the work: the
requesting side of an appointment, the unit applied to in a voluntary application), the `home`
unit (where the staff sit), the `candidates`, an `external_government` (cross-instansi), and,
on a member's child instance of a team request (V-69), that `member`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from django.utils.translation import gettext as _

from sikerja.organization.models import Agency, Employee, Government, OrgUnit
from sikerja.organization.resolver import Person, Resolver, agency_head
from sikerja.regulations.loader import load_pack
from sikerja.workflows import actors
from sikerja.workflows.actors import ActorContext, ResolvedActor

PENUGASAN = "penugasan"
MEMBER = "member"


@dataclass
class AssignmentParties:
    """The sides of a request, stored on the workflow instance as JSON."""

    requester: int
    owner_unit: int
    home_unit: int | None = None
    candidates: list[int] = field(default_factory=list)
    external_government: int | None = None
    member: int | None = None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "requester": self.requester,
            "owner_unit": self.owner_unit,
            "home_unit": self.home_unit,
            "candidates": list(self.candidates),
            "external_government": self.external_government,
        }
        if self.member is not None:
            data["member"] = self.member
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AssignmentParties:
        member = data.get("member")
        return cls(
            requester=int(data["requester"]),
            owner_unit=int(data["owner_unit"]),
            home_unit=data.get("home_unit"),
            candidates=[int(item) for item in data.get("candidates", [])],
            external_government=data.get("external_government"),
            member=int(member) if member is not None else None,
        )

    def for_member(self, member_id: int) -> AssignmentParties:
        return replace(self, member=member_id)

    def employee(self, name: str) -> int | None:
        return {"requester": self.requester, "member": self.member}.get(name)

    def employees(self, name: str) -> list[int]:
        return list(self.candidates) if name in {"candidates", "members"} else []

    def unit(self, name: str) -> int | None:
        return {"owner": self.owner_unit, "home": self.home_unit}.get(name)

    def assignee(self) -> int | None:
        """The person a member step is about; on a whole request, the first one named."""
        if self.member is not None:
            return self.member
        return self.candidates[0] if self.candidates else None


def _parties(ctx: ActorContext) -> AssignmentParties:
    parties = ctx.parties
    assert isinstance(parties, AssignmentParties)  # noqa: S101 (registered for these kinds only)
    return parties


def _assignee(ctx: ActorContext, expression: str) -> ResolvedActor:
    parties = _parties(ctx)
    employee_id = parties.requester
    if expression != "requester":
        employee_id = parties.assignee() or parties.requester
    return actors.employee_role(ctx, expression, employee_id, "")


def _assignees(ctx: ActorContext, expression: str) -> list[ResolvedActor]:
    """V-69: a letter to "the assignee" of a team request is addressed to every member."""
    parties = _parties(ctx)
    if parties.member is not None or len(parties.candidates) < 2:
        return [ctx.resolve(expression)]
    return [actors.employee_role(ctx, expression, pk, "") for pk in parties.candidates]


def _home_addressees(ctx: ActorContext, expression: str) -> list[ResolvedActor]:
    """V-69: a request letter to "the staff's side" of a team goes to each member's own side
    (every distinct official once), not to the first-named member's."""
    parties = _parties(ctx)
    if parties.member is not None or len(parties.candidates) < 2:
        return [ctx.resolve(expression)]
    found: dict[object, ResolvedActor] = {}
    for member_id in parties.candidates:
        member_ctx = ActorContext(
            ctx.pack, ctx.kind, parties.for_member(member_id), ctx.government_id, ctx.on
        )
        actor = _home(member_ctx, expression)
        found.setdefault(actor.employee_id or actor.agency_name, actor)
    return list(found.values())


def _home(ctx: ActorContext, expression: str) -> ResolvedActor:
    parties = _parties(ctx)
    role = expression.split(".", 1)[1]
    if parties.external_government is not None:
        return _external_side(ctx, expression, role)
    unit_id = parties.home_unit if parties.home_unit is not None else parties.owner_unit
    assignee = parties.assignee()
    if assignee is not None and role in {"appraiser", "unit_head"}:
        return actors.employee_role(ctx, expression, assignee, role)
    return actors.unit_role(ctx, expression, unit_id, role)


def _regional_head(ctx: ActorContext, expression: str) -> ResolvedActor:
    """The regional head in person (G04), never the Sekda in their place (V-71).

    A Pejabat Negara has no NIP and no placement: the letter prints no NIP, and the Keputusan is
    numbered in the register of the Sekretariat Daerah, the Sekda's Perangkat Daerah.
    """
    identity = ctx.pack.data.pack
    rule, citation = "G04", ctx.pack.citation_of("G04")
    governments = Government.objects.filter(pk=ctx.government_id).values("regional_head_id")
    head = Employee.objects.filter(pk__in=governments).first()
    if head is None:
        title = identity.regional_head_title
        note = _("%(head)s belum dicatat sebagai pengguna.") % {"head": title}
        return ResolvedActor(expression, None, rule, citation, notes=(note,))
    place = identity.region.split(" ", 1)[-1]
    person = Person(
        employee_id=head.pk,
        nip="",
        name=head.full_name,
        position_id=None,
        position_title=f"{identity.regional_head_title} {place}",
        position_kind="",
        unit_id=None,
        unit_name="",
    )
    secretary = ctx.resolve("government.regional_secretary")
    return ResolvedActor(expression, person, rule, citation, agency_id=secretary.agency_id)


def _external_side(ctx: ActorContext, expression: str, role: str) -> ResolvedActor:
    """An official of the other government (cross-instansi), recorded by our own side."""
    parties = _parties(ctx)
    recorder = actors.unit_role(ctx, "owner.authorized_official", parties.owner_unit, "").person
    unit = (
        OrgUnit.objects.select_related("agency", "government").filter(pk=parties.home_unit).first()
        if parties.home_unit
        else None
    )
    if unit is None or unit.government_id != parties.external_government:
        external = _external(ctx, "external.authorized_official")
        return replace(external, expression=expression)
    person = _external_person(ctx, unit, role) if role != "authorized_official" else None
    if person is None:
        person = agency_head(unit.agency_id, ctx.on)
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


def _external_person(ctx: ActorContext, unit: OrgUnit, role: str) -> Person | None:
    # A government whose pack has no role rules (e.g. the national baseline) is read
    # structurally, with our own pack's resolver: the head of the unit above the staff.
    external_pack = load_pack(unit.government.pack_id)
    resolver = Resolver(external_pack) if external_pack.data.roles else ctx.resolver
    assignee = _parties(ctx).assignee()
    on: dt.date = ctx.on
    if assignee is not None:
        answer = (
            resolver.appraiser(assignee, on)
            if role == "appraiser"
            else resolver.unit_head(assignee, on)
        )
    else:
        answer = resolver.head_of_unit(unit.pk, on, scope="own_unit" if role == "appraiser" else "")
    return answer.person


def _external(ctx: ActorContext, expression: str) -> ResolvedActor:
    """An official of another government: recorded by the owner's authorised official."""
    parties = _parties(ctx)
    recorder = actors.unit_role(ctx, "owner.authorized_official", parties.owner_unit, "").person
    government_id = parties.external_government
    if government_id is None:
        return ResolvedActor(expression, None, "", "", external=True, recorder=recorder)
    agency = Agency.objects.filter(government_id=government_id).order_by("pk").first()
    person = agency_head(agency.pk, ctx.on) if agency is not None else None
    return ResolvedActor(
        expression,
        person,
        "G49",
        "",
        agency_id=agency.pk if agency else None,
        agency_name=agency.name if agency else "",
        recorder=recorder,
        external=True,
    )


_LABELS = {
    "requester": ("Pemohon", "Requester"),
    "applicant": ("Pegawai pemohon", "Applying employee"),
    "candidate": ("Pegawai yang ditugaskan", "Assigned employee"),
    "member": ("Anggota yang ditugaskan", "Assigned member"),
    "government.regional_head": ("Kepala Daerah", "Regional Head"),
    "home.*": ("Pihak unit pegawai", "The employee's side"),
    "external.*": (
        "Pejabat yang Berwenang instansi lain",
        "Authorised official of another government agency",
    ),
}


def register_actors() -> None:
    """Register penugasan's own expressions for the request and for each member's part."""
    for kind in (PENUGASAN, MEMBER):
        actors.declare_parties(
            kind,
            {"requester": "employee", "member": "employee", "owner": "unit", "home": "unit"},
        )
        for expression in ("applicant", "candidate"):
            actors.register(kind, expression, _assignee, _LABELS[expression])
        actors.register_addressees(kind, "candidate", _assignees)
        for role in ("appraiser", "unit_head", "authorized_official", "agency_head"):
            actors.register_addressees(kind, f"home.{role}", _home_addressees)
        actors.register(kind, "home.*", _home, _LABELS["home.*"])
        actors.register(kind, "external.*", _external, _LABELS["external.*"])
        actors.register(
            kind, "government.regional_head", _regional_head, _LABELS["government.regional_head"]
        )
