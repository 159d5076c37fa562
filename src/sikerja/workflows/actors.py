"""The actor-expression registry: who an expression in a pack names, resolved on a day.

Core expressions resolve through the organisation resolver and need only the subject's typed
role map (`Parties`): `<party>` names an employee party itself, `<party>.<role>` the
appraiser, unit head, performance owner, authorised official or agency head of an employee or
unit party, and `government.regional_secretary` / `government.regional_head` the government's
own officials. A subject app registers the expressions only it can answer (`team.lead`,
`member.home_appraiser`, …) for its kind through its hooks, with `register`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from sikerja.organization.models import Employee, OrgUnit
from sikerja.organization.resolver import Person, Resolver, RoleAnswer
from sikerja.regulations.loader import LoadedPack

PartyType = Literal["employee", "employees", "unit", "government"]
CORE_ROLES = ("appraiser", "unit_head", "performance_owner", "authorized_official", "agency_head")
ANY_KIND = "*"


class Parties(Protocol):
    """A subject's typed role map: the people, units and governments its flow names."""

    def as_json(self) -> dict[str, Any]: ...

    def employee(self, name: str) -> int | None: ...

    def employees(self, name: str) -> list[int]: ...

    def unit(self, name: str) -> int | None: ...


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
class ActorContext:
    """What a resolution may use: the pack, the instance's parties, its government and day."""

    pack: LoadedPack
    kind: str
    parties: Parties
    government_id: int
    on: dt.date
    resolver: Resolver = field(init=False)
    cache: dict[str, ResolvedActor] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.resolver = Resolver(self.pack)

    def resolve(self, expression: str) -> ResolvedActor:
        """The person an expression names today (cached per context)."""
        if expression not in self.cache:
            self.cache[expression] = resolve(self, expression)
        return self.cache[expression]

    def resolve_all(self, expression: str) -> list[ResolvedActor]:
        """Everyone an expression names as addressees (each member of a team), in order."""
        many = _many.get((self.kind, expression))
        return many(self, expression) if many is not None else [self.resolve(expression)]


ActorFn = Callable[[ActorContext, str], ResolvedActor]
ManyFn = Callable[[ActorContext, str], list[ResolvedActor]]


@dataclass(frozen=True)
class ActorEntry:
    """A registered expression (or prefix, ending in '*') with its lane labels (id, en)."""

    resolve: ActorFn
    label: tuple[str, str]


_registry: dict[tuple[str, str], ActorEntry] = {}
_party_types: dict[str, dict[str, PartyType]] = {}
_many: dict[tuple[str, str], ManyFn] = {}


def register(kind: str, expression: str, fn: ActorFn, label: tuple[str, str]) -> None:
    """Register an expression for a kind (ANY_KIND for every kind); '*' ends a prefix."""
    _registry[(kind, expression)] = ActorEntry(fn, label)


def register_addressees(kind: str, expression: str, fn: ManyFn) -> None:
    """Let an expression name several addressees of a letter (every member of a team)."""
    _many[(kind, expression)] = fn


def declare_parties(kind: str, parties: dict[str, PartyType]) -> None:
    """Declare the typed role map of a kind, so `<party>.<role>` resolves through the core."""
    _party_types[kind] = dict(parties)


def _entry(kind: str, expression: str) -> ActorEntry | None:
    for owner in (kind, ANY_KIND):
        found = _registry.get((owner, expression))
        if found is not None:
            return found
        prefix = expression.split(".", 1)[0] + ".*"
        found = _registry.get((owner, prefix))
        if found is not None:
            return found
    return None


def _core_party(kind: str, expression: str) -> tuple[str, str, PartyType] | None:
    party, _dot, role = expression.partition(".")
    party_type = _party_types.get(kind, {}).get(party)
    if party_type is None or (role and role not in CORE_ROLES):
        return None
    if party_type in {"employees", "government"} or (not role and party_type != "employee"):
        return None
    return party, role, party_type


def is_known(kind: str, expression: str) -> bool:
    """Whether the registry can resolve an expression for a kind (checked on every pack)."""
    return _entry(kind, expression) is not None or _core_party(kind, expression) is not None


def label(kind: str, expression: str, lang: str) -> str:
    """The lane label of an expression on process maps, in 'id' or 'en'."""
    entry = _entry(kind, expression)
    if entry is not None:
        return entry.label[0 if lang == "id" else 1]
    core = _core_party(kind, expression)
    if core is None:
        return expression
    party, role, _party_type = core
    return f"{_ROLE_LABELS[role][0 if lang == 'id' else 1]} ({party})" if role else party


def registered_label(expression: str) -> tuple[str, str] | None:
    """The (id, en) label any kind registered for an expression, for maps of every kind."""
    prefix = expression.split(".", 1)[0] + ".*"
    for (_kind, registered), entry in _registry.items():
        if registered in {expression, prefix}:
            return entry.label
    return None


def resolve(ctx: ActorContext, expression: str) -> ResolvedActor:
    """Resolve an expression: the kind's own registration first, then the core."""
    entry = _entry(ctx.kind, expression)
    if entry is not None:
        return entry.resolve(ctx, expression)
    core = _core_party(ctx.kind, expression)
    if core is None:
        raise KeyError(f"actor expression {expression!r} is not registered for {ctx.kind!r}")
    party, role, party_type = core
    if party_type == "employee":
        employee_id = ctx.parties.employee(party)
        if employee_id is None:
            return ResolvedActor(expression, None, "", "")
        return employee_role(ctx, expression, employee_id, role)
    unit_id = ctx.parties.unit(party)
    if unit_id is None:
        return ResolvedActor(expression, None, "", "")
    return unit_role(ctx, expression, unit_id, role)


_ROLE_LABELS: dict[str, tuple[str, str]] = {
    "appraiser": ("Pejabat Penilai Kinerja", "Performance appraiser"),
    "unit_head": ("Pimpinan Unit Organisasi", "Unit head"),
    "performance_owner": ("Pemilik kinerja", "Performance owner"),
    "authorized_official": ("Pejabat yang Berwenang", "Authorised official"),
    "agency_head": ("Kepala Perangkat Daerah", "Head of the regional agency"),
}


def person_of(employee: Employee, on: dt.date) -> Person:
    """An employee as a Person, through their placement on the day (definitive first)."""
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


def agency_of(unit_id: int | None) -> int | None:
    if unit_id is None:
        return None
    return OrgUnit.objects.filter(pk=unit_id).values_list("agency_id", flat=True).first()


def answer_actor(expression: str, answer: RoleAnswer) -> ResolvedActor:
    """A resolver answer as an actor, with the agency the person sits in (read only when the
    resolver's answer did not give it)."""
    person = answer.person
    agency_id = None
    if person is not None:
        agency_id = person.agency_id if person.agency_id is not None else agency_of(person.unit_id)
    return ResolvedActor(
        expression, answer.person, answer.rule, answer.citation, answer.notes, agency_id
    )


def employee_role(ctx: ActorContext, expression: str, employee_id: int, role: str) -> ResolvedActor:
    """An employee themself (no role) or the official who holds a role over them."""
    if not role:
        person = person_of(Employee.objects.get(pk=employee_id), ctx.on)
        return ResolvedActor(expression, person, "", "", agency_id=agency_of(person.unit_id))
    if role == "appraiser":
        return answer_actor(expression, ctx.resolver.appraiser(employee_id, ctx.on))
    if role == "unit_head":
        return answer_actor(expression, ctx.resolver.unit_head(employee_id, ctx.on))
    if role == "performance_owner":
        return answer_actor(expression, ctx.resolver.performance_owner(employee_id, ctx.on))
    unit_id = person_of(Employee.objects.get(pk=employee_id), ctx.on).unit_id
    if unit_id is None:
        return ResolvedActor(expression, None, "", "")
    return unit_role(ctx, expression, unit_id, role)


def unit_role(ctx: ActorContext, expression: str, unit_id: int, role: str) -> ResolvedActor:
    """The official who holds a role over a unit (its head, appraiser, authorised official)."""
    if role == "appraiser":
        return answer_actor(expression, ctx.resolver.head_of_unit(unit_id, ctx.on, "own_unit"))
    if role in {"unit_head", "performance_owner"}:
        return answer_actor(expression, ctx.resolver.head_of_unit(unit_id, ctx.on))
    # The head of the Perangkat Daerah acts as its Pejabat yang Berwenang (the resolver's rule).
    agency_id = OrgUnit.objects.values_list("agency_id", flat=True).get(pk=unit_id)
    return answer_actor(expression, ctx.resolver.authorized_official(agency_id, ctx.on))


def _regional_secretary(ctx: ActorContext, expression: str) -> ResolvedActor:
    return answer_actor(expression, ctx.resolver.regional_secretary(ctx.government_id, ctx.on))


register(
    ANY_KIND,
    "government.regional_secretary",
    _regional_secretary,
    ("Sekretaris Daerah", "Regional Secretary"),
)
