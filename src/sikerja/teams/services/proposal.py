"""Everything wrong with a team's proposal at once, before it is submitted (the form's check).

`team_propose` stops at the first refusal, as a service must; a person filling in the form
should see every field to correct in one go. Each rule of SPEC §5.3 is checked here on its own,
by the same functions `team_propose` calls, and every refusal is kept (MUST rules with their
article); PREFERRED rules not met come back as warnings that need a written justification.
Nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TypeVar

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sikerja.core.errors import DomainError, ValidationFailed
from sikerja.organization.models import Employee, OrgUnit, Placement
from sikerja.organization.placements import placements_on
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.workflows import TERMINALS, Decision, StepSpec, TeamDefinition
from sikerja.teams import checks, membership
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.hooks import condition_holds
from sikerja.teams.inputs import TeamInput
from sikerja.teams.parties import TeamParties
from sikerja.teams.services.formation import (
    first_actor_check,
    owner_unit_of,
    parties_of,
    pengendali_of,
    team_definition,
    texts_check,
    uses_candidates,
)
from sikerja.workflows.actors import ActorContext
from sikerja.workflows.engine import justify
from sikerja.workflows.hooks import RuleWarning

T = TypeVar("T")
FORWARD = (Decision.SUBMIT, Decision.APPROVE, Decision.FORWARD, Decision.RECORD)


@dataclass
class ProposalProblems:
    """The refusals of a proposal (every one) and the PREFERRED rules it does not meet."""

    errors: list[DomainError] = field(default_factory=list)
    warnings: list[RuleWarning] = field(default_factory=list)

    def attempt(self, call: Callable[[], T]) -> T | None:
        """Run one check; keep its refusal instead of stopping."""
        try:
            return call()
        except DomainError as exc:
            self.errors.append(exc)
            return None


def team_proposal_problems(
    *, requester: Employee, data: TeamInput, on: dt.date, owner_unit_id: int | None = None
) -> ProposalProblems:
    """Every refusal and warning `team_propose` would give this proposal, all at once.

    Implements the checks of `team_propose` (V-04 … V-12, V-31, V-33, V-34, V-36, V-64 … V-67).
    Raises RuleViolation only when the pack has no team flow at all.
    """
    pack = load_pack(requester.government.pack_id)
    definition = team_definition(pack)
    problems = ProposalProblems()
    owner = problems.attempt(lambda: owner_unit_of(pack, requester, owner_unit_id, on))
    problems.attempt(lambda: texts_check(pack, data))
    problems.attempt(lambda: checks.period_check(pack, data.starts_on, data.ends_on))
    lead = _people(problems, pack, definition, owner, data, on)
    for check in (checks.workload_check, checks.activity_check, checks.basis_check):
        problems.attempt(partial(check, pack, data))
    problems.attempt(lambda: checks.sub_activities_check(pack, data, on))
    if owner is not None:
        problems.attempt(lambda: pengendali_of(pack, requester, data, on, owner))
        problems.attempt(lambda: _first_actor(pack, requester, owner, data, lead, on))
    if problems.warnings and not problems.errors:
        problems.attempt(lambda: justify(problems.warnings, data.justification))
    return problems


def _first_actor(
    pack: LoadedPack,
    requester: Employee,
    owner: OrgUnit,
    data: TeamInput,
    lead: Employee | None,
    on: dt.date,
) -> None:
    first_actor_check(pack, requester, parties_of(requester, owner.pk, data, lead), on)


def _people(
    problems: ProposalProblems,
    pack: LoadedPack,
    definition: TeamDefinition,
    owner: OrgUnit | None,
    data: TeamInput,
    on: dt.date,
) -> Employee | None:
    """The lead (or candidates) and the members, each checked on their own."""
    candidates = uses_candidates(definition)
    if candidates and data.lead_id is not None:
        problems.errors.append(_not_here(pack, "lead_id", candidates=True))
    if not candidates and data.candidate_ids:
        problems.errors.append(_not_here(pack, "candidate_ids", candidates=False))
    problems.attempt(lambda: checks.lead_required_check(pack, data))
    if candidates:
        problems.attempt(lambda: checks.candidates_check(pack, data))
    if definition.lead_first and data.lead_id is not None:
        problems.attempt(lambda: checks.lead_first_check(pack, data))
    government_id = owner.government_id if owner else 0
    lead_ids = [data.lead_id] if data.lead_id is not None else list(data.candidate_ids)
    leads = _placed(problems, pack, government_id, lead_ids, "lead_id", on)
    for placement in leads:
        problems.attempt(partial(checks.lead_kind_check, pack, [placement]))
    member_ids = [pk for pk in dict.fromkeys(data.member_ids) if pk != data.lead_id]
    members = _placed(problems, pack, government_id, member_ids, "member_ids", on)
    for placement in members:
        problems.attempt(partial(checks.member_kind_check, pack, [placement]))
    lead = leads[0] if data.lead_id is not None and leads else None
    if lead is not None and owner is not None:
        scope = membership.widest_scope(pack, owner, [lead, *members])
        origin = problems.attempt(lambda: checks.lead_origin_warnings(pack, owner, lead, scope))
        problems.warnings.extend(origin or [])
    return lead.employee if lead else None


def _placed(
    problems: ProposalProblems,
    pack: LoadedPack,
    government_id: int,
    ids: list[int],
    field_name: str,
    on: dt.date,
) -> list[Placement]:
    people = problems.attempt(lambda: membership.people(government_id, ids, field_name)) or []
    placed = []
    for person in people:
        try:
            placed.append(checks.placement_of(pack, person, on))
        except DomainError as exc:  # named next to the field that names the person
            problems.errors.append(replace(exc, fields=exc.fields or {field_name: exc.message}))
    return placed


def _not_here(pack: LoadedPack, field_name: str, *, candidates: bool) -> ValidationFailed:
    message = (
        _("Ketua tim ditetapkan dari calon yang diusulkan menurut %(pack)s.")
        if candidates
        else _("%(pack)s tidak mengatur calon ketua tim.")
    ) % {"pack": pack.short}
    return ValidationFailed(
        code=TeamErrorCode.UNKNOWN_VALUE,
        message=message,
        fields={field_name: _("Isian ini tidak berlaku.")},
    )


# The proposal's fields each rule requires where the pack makes it binding (SPEC §5.3).
RULE_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("V-64", ("starts_on", "ends_on")),
    ("V-66", ("activity_ref",)),
    ("V-10", ("sub_activities", "cascaded_from")),
    ("V-08", ("lead_role_abk", "abk_reference")),
    ("V-34", ("composition_basis",)),
)


@dataclass(frozen=True)
class ProposalShape:
    """What the pack asks of a team's proposal: the fields its binding rules require (with the
    rule), how the lead is named, whether members come later, and whether a Pengendali exists."""

    required: dict[str, str]  # form field -> rule id ("" for the team's own essentials)
    uses_candidates: bool
    max_candidates: int
    members_later: bool
    has_pengendali: bool
    pengendali_link_rule: str  # the rule linking a chosen Pengendali to its activity (V-67)
    name_from_sub_activities: bool
    warned_rules: tuple[str, ...]


def proposal_shape(pack: LoadedPack) -> ProposalShape:
    """The shape of the pack's team proposal, from its WF-TEAM flow and its rules."""
    definition = team_definition(pack)
    candidates = uses_candidates(definition)
    required = {"purpose": ""}
    for rule_id, names in RULE_FIELDS:
        if pack.binds(rule_id):
            required.update(dict.fromkeys(names, rule_id))
    if pack.binds("V-31"):
        required["candidate_ids" if candidates else "lead_id"] = "V-31"
    if candidates and checks.params(pack, "V-07").get(
        "lead_candidates_need_appraiser_consideration"
    ):
        required["appraiser_consideration"] = "V-07"
    by_name = pack.binds("V-10") and checks.params(pack, "V-10").get("naming") == "sub_kegiatan"
    if not by_name:
        required["name"] = ""
    rules = {rule for step in definition.steps for rule in step.rules}
    return ProposalShape(
        required=required,
        uses_candidates=candidates,
        max_candidates=int(str(checks.params(pack, "V-07").get("max_candidates", 3))),
        members_later=definition.lead_first and pack.binds("V-65"),
        has_pengendali=pack.binds("V-11"),
        pengendali_link_rule="V-67" if pack.binds("V-67") else "",
        name_from_sub_activities=by_name,
        warned_rules=tuple(sorted(rule for rule in rules if pack.warns(rule))),
    )


@dataclass(frozen=True)
class RouteStep:
    """A step the proposal will take, and who will act on it (as resolved today)."""

    label: str
    actor: str


@dataclass(frozen=True)
class ProposalRoute:
    """The scope the proposal's people give the team and the steps it will run to its end."""

    scope: str
    steps: list[RouteStep]


def proposal_route(
    *, requester: Employee, data: TeamInput, on: dt.date, owner_unit_id: int | None = None
) -> ProposalRoute | None:
    """Where the proposal goes if every official approves: the pack's WF-TEAM steps chosen by
    its guards (scope, lead named) and each step's official. None when the owner is unknown."""
    pack = load_pack(requester.government.pack_id)
    definition = team_definition(pack)
    problems = ProposalProblems()
    owner = problems.attempt(lambda: owner_unit_of(pack, requester, owner_unit_id, on))
    if owner is None:
        return None
    lead_ids = [data.lead_id] if data.lead_id is not None else []
    scope = membership.widest_scope(
        pack, owner, _placements(owner.government_id, [*lead_ids, *data.member_ids], on)
    )
    parties = TeamParties(
        requester=requester.pk,
        owner_unit=owner.pk,
        lead=data.lead_id,
        candidates=list(data.candidate_ids),
        members=list(data.member_ids),
    )
    ctx = ActorContext(pack, definition.kind, parties, requester.government_id, on)
    lang = "en" if (get_language() or "id").startswith("en") else "id"
    steps: list[RouteStep] = []
    key = definition.start
    while key not in TERMINALS and len(steps) < len(definition.steps):
        spec = definition.step(key)
        who = ctx.resolve(spec.actor)
        label = spec.label_en if lang == "en" and spec.label_en else spec.label
        steps.append(RouteStep(label, who.person.name if who.person else "—"))
        key = _next(spec, scope, has_lead=data.lead_id is not None)
    return ProposalRoute(scope=scope, steps=steps)


def _placements(government_id: int, ids: list[int], on: dt.date) -> list[Placement]:
    """Each person's placement on the day, definitive first (1 query whatever their number)."""
    return list(placements_on(government_id=government_id, employee_ids=ids, on=on).values())


def _next(spec: StepSpec, scope: str, *, has_lead: bool) -> str:
    """The step after `spec` when it is submitted or approved."""
    decision = next(d for d in spec.decisions if d in FORWARD)
    for transition in spec.transitions:
        negated = transition.when.startswith("!")
        holds = condition_holds(transition.when.lstrip("!"), scope=scope, has_lead=has_lead)
        if transition.decision == decision and holds != negated:
            return transition.to
    return spec.next[decision]
