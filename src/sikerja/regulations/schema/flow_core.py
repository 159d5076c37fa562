"""The common core of every workflow definition (ARCHITECTURE §3.3, engine v2).

Steps, decisions, documents, copies, deadlines and citations are shared by every kind; each
kind (penugasan, team, report, …) adds its own fields in a variant registered with
`register_kind`, and a pack entry chooses its variant by `kind`. Actor expressions and guard
conditions are checked here for their syntax only: which ones exist is known to the engine's
registry (subject apps register theirs), checked by `manage.py check` and `packs --check`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from sikerja.regulations.citation import Citation

TERMINALS = frozenset({"@approved", "@rejected", "@withdrawn"})
SYSTEM_ACTOR = "system"
CHAIN_PREFIX = "chain:"
_ACTOR_SYNTAX = r"^(chain:[a-z][a-z0-9_]*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?)$"
_CONDITION_SYNTAX = r"^!?[a-z][a-z0-9_]*$"


class Decision(StrEnum):
    """What an actor may do with an open step."""

    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    RETURN = "return"
    ACKNOWLEDGE = "acknowledge"
    FORWARD = "forward"
    RECORD = "record"


# Decisions that pass a chain node on to the next node; any other ends the chain.
PASSING = frozenset({Decision.APPROVE, Decision.ACKNOWLEDGE, Decision.FORWARD, Decision.RECORD})


class DocType(StrEnum):
    """Naskah dinas kinds (SPEC §4.0 Documents)."""

    INVOLVEMENT_REQUEST = "INVOLVEMENT_REQUEST"
    INVOLVEMENT_REPLY = "INVOLVEMENT_REPLY"
    INSTRUCTION = "INSTRUCTION"
    STAFF_LIST = "STAFF_LIST"
    ASSIGNMENT_LETTER = "ASSIGNMENT_LETTER"
    ORDER_LETTER = "ORDER_LETTER"
    ASSIGNMENT_PROOF = "ASSIGNMENT_PROOF"
    DECREE = "DECREE"
    VOLUNTARY_APPLICATION = "VOLUNTARY_APPLICATION"
    VOLUNTARY_APPROVAL_FORWARD = "VOLUNTARY_APPROVAL_FORWARD"
    ORAL_REQUEST_RECORD = "ORAL_REQUEST_RECORD"


def is_chain(expression: str) -> bool:
    """Whether an actor expression names a chain (one step per node of the chain)."""
    return expression.startswith(CHAIN_PREFIX)


def chain_name(expression: str) -> str:
    return expression.removeprefix(CHAIN_PREFIX)


class DocumentSpec(BaseModel):
    """A letter a decision produces: its kind, title, signer, addressees and copies."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: DocType
    title: str = Field(min_length=1, description="e.g. 'Surat Permohonan Pelibatan'")
    signer: str = Field(pattern=_ACTOR_SYNTAX)
    on_behalf_of: str = Field(default="", description="e.g. 'a.n. Wali Kota' (Surakarta V-20)")
    to: tuple[str, ...] = Field(min_length=1)
    cc: tuple[str, ...] = ()
    cc_rule: str = Field(default="", description="rule id of the copy list, e.g. 'V-26'")
    signer_rule: str = Field(default="", description="rule id of the signer, e.g. 'V-17'")
    citation: Citation

    @field_validator("to", "cc")
    @classmethod
    def _parties(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for item in value:
            _check_syntax(item)
        return value


def _check_syntax(expression: str) -> str:
    import re

    if not re.fullmatch(_ACTOR_SYNTAX, expression):
        raise ValueError(f"malformed actor expression {expression!r}")
    return expression


class Transition(BaseModel):
    """A guarded way out of a step: taken on `decision` when the condition `when` holds.

    `when` is a name from the closed vocabulary the subject's hooks evaluate ("!" negates), never
    code. Guarded transitions are tried in order before the step's plain `next`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    decision: Decision
    when: str = Field(pattern=_CONDITION_SYNTAX)
    to: str


class StepSpec(BaseModel):
    """One step: who acts, what they may decide, where each decision leads, what it issues.

    A step whose actor is `chain:<name>` opens one node per person of the named chain, in order;
    a step with `fan_out` starts one child instance of `child` per member of that party and is
    decided by the engine when the last child closes (`join`: any / all approved). A
    `per_member` step does the same with itself as the child when the subject names several
    members (each member's own officials decide, sign and acknowledge: V-69).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1)
    label_en: str = Field(min_length=1)
    actor: str = Field(pattern=_ACTOR_SYNTAX)
    decisions: tuple[Decision, ...] = Field(min_length=1)
    next: dict[Decision, str]
    transitions: tuple[Transition, ...] = ()
    documents: dict[Decision, tuple[DocumentSpec, ...]] = Field(default_factory=dict)
    reason_required: tuple[Decision, ...] = (Decision.REJECT, Decision.RETURN)
    reason_rule: str = "V-03"
    recommendation_from: str = Field(default="", description="V-23: who must recommend first")
    recommendation_rule: str = ""
    rules: tuple[str, ...] = Field(default=(), description="rule ids checked when deciding")
    deadline_days: int | None = Field(default=None, ge=1)
    per_member: bool = Field(
        default=False,
        description="V-69: on a request naming several members, one child instance per member",
    )
    fan_out: str = Field(default="", pattern=r"^([a-z][a-z0-9_]*)?$")
    child: str = ""
    join: Literal["any", "all"] = "any"
    citation: Citation
    product_decision: bool = False

    @field_validator("recommendation_from")
    @classmethod
    def _recommender(cls, value: str) -> str:
        return _check_syntax(value) if value else value

    @model_validator(mode="after")
    def _decisions_lead_somewhere(self) -> StepSpec:
        missing = [d for d in self.decisions if d not in self.next]
        if missing:
            raise ValueError(f"step {self.id}: decisions without a next step: {missing}")
        extra = [d for d in self.documents if d not in self.decisions]
        if extra:
            raise ValueError(f"step {self.id}: documents for decisions it does not have: {extra}")
        guarded = [t.decision for t in self.transitions if t.decision not in self.decisions]
        if guarded:
            raise ValueError(f"step {self.id}: transitions on decisions it lacks: {guarded}")
        if bool(self.fan_out) != bool(self.child):
            raise ValueError(f"step {self.id}: fan_out and child go together")
        if self.per_member and (self.fan_out or self.is_chain):
            raise ValueError(f"step {self.id}: per_member is neither a chain nor a fan-out")
        if self.fan_out and (
            self.actor != SYSTEM_ACTOR or not set(self.decisions) <= {"approve", "reject"}
        ):
            raise ValueError(
                f"step {self.id}: a fan-out step is decided by 'system' with approve/reject"
            )
        return self

    @property
    def is_chain(self) -> bool:
        return is_chain(self.actor)

    def passing_decision(self) -> Decision | None:
        """The decision that lets the flow go on (submit, approve, acknowledge, …), if any."""
        for decision in self.decisions:
            if decision in PASSING or decision == Decision.SUBMIT:
                return decision
        return None

    def as_member_step(self) -> StepSpec:
        """This step alone, for one member: its passing decision ends approved, others rejected."""
        ends = {
            d: "@approved" if d in PASSING or d == Decision.SUBMIT else "@rejected"
            for d in self.decisions
        }
        return self.model_copy(update={"next": ends, "transitions": (), "per_member": False})

    def targets(self) -> set[str]:
        return {*self.next.values(), *(t.to for t in self.transitions)}


class ChainNode(BaseModel):
    """One node of a chain: a named official, every unit head climbing up to an official, or
    (`first_of`) the nearest head above whose position is of one of the named kinds (Blitar
    Mekanisme 3: the Administrator above the Pengawas; Mekanisme 4: the JPT Pratama)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    actor: str = Field(default="", pattern=r"^([a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?)?$")
    ascend_from: str = Field(default="", pattern=r"^([a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?)?$")
    until: str = Field(default="", pattern=r"^([a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?)?$")
    first_of: tuple[
        Literal["JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS"], ...
    ] = ()

    @model_validator(mode="after")
    def _one_form(self) -> ChainNode:
        if bool(self.actor) == bool(self.ascend_from):
            raise ValueError("a chain node names either an actor or ascend_from")
        if (self.until or self.first_of) and not self.ascend_from:
            raise ValueError("until and first_of belong to an ascend_from node")
        if self.until and self.first_of:
            raise ValueError("a chain node climbs until an official or to the first_of kinds")
        return self

    def expressions(self) -> tuple[str, ...]:
        return tuple(e for e in (self.actor, self.ascend_from, self.until) if e)


class ChainSpec(BaseModel):
    """A chain of officials of variable length (report, evaluation, escalation routes).

    Resolved when a chain step opens: the nodes in order, an `ascend_from` node expanding into
    the head of every unit above that person's unit (up to `until`, inclusive), consecutive
    repeats of one person collapsed.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str = Field(min_length=1)
    label_en: str = Field(min_length=1)
    nodes: tuple[ChainNode, ...] = Field(min_length=1)
    citation: Citation
    product_decision: bool = False


class FlowCore(BaseModel):
    """What every workflow definition has, whatever its kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str
    id: str = Field(pattern=r"^WF-[A-Z0-9-]+$")
    label: str
    label_en: str
    allowed: bool = True
    refusal_rule: str = Field(default="", description="rule that forbids the flow, if not allowed")
    variant: str = Field(default="", description="SPEC section of this variant, e.g. '4.2.1'")
    not_specified_by_pack: bool = False
    delegation_scope: str = Field(
        default="APPOINTMENT",
        pattern=r"^[A-Z_]+$",
        description="which delegation lets a delegate act on this flow's steps",
    )
    citations: tuple[Citation, ...] = Field(min_length=1)
    start: str = ""
    steps: tuple[StepSpec, ...] = ()

    @model_validator(mode="after")
    def _graph(self) -> FlowCore:
        if not self.allowed:
            if not self.refusal_rule:
                raise ValueError(f"{self.id}: a forbidden flow needs its refusal_rule")
            return self
        ids = [step.id for step in self.steps]
        if not ids:
            raise ValueError(f"{self.id}: an allowed flow needs steps")
        if self.start not in ids:
            raise ValueError(f"{self.id}: start {self.start!r} is not a step")
        for step in self.steps:
            for target in sorted(step.targets()):
                if target not in ids and target not in TERMINALS:
                    raise ValueError(f"{self.id}.{step.id}: leads to unknown {target!r}")
        return self

    def step(self, step_id: str) -> StepSpec:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def rule_ids(self) -> set[str]:
        """Every rule id the definition refers to (checked against the pack's rules)."""
        ids = {self.refusal_rule}
        for step in self.steps:
            ids |= {step.reason_rule, step.recommendation_rule, *step.rules}
            for documents in step.documents.values():
                for document in documents:
                    ids |= {document.cc_rule, document.signer_rule}
        return {rule_id for rule_id in ids if rule_id}

    def actor_expressions(self) -> set[str]:
        """Every actor expression the definition uses (checked against the engine registry)."""
        found: set[str] = set()
        for step in self.steps:
            found |= {step.actor, step.recommendation_from}
            for documents in step.documents.values():
                for document in documents:
                    found |= {document.signer, *document.to, *document.cc}
        return {e for e in found if e and e != SYSTEM_ACTOR and not is_chain(e)}

    def conditions(self) -> set[str]:
        return {t.when.lstrip("!") for step in self.steps for t in step.transitions}

    def chains(self) -> set[str]:
        return {chain_name(step.actor) for step in self.steps if step.is_chain}

    def children(self) -> set[str]:
        return {step.child for step in self.steps if step.child}

    def member_flow(self, step_id: str) -> FlowCore:
        """The one-step flow a `per_member` step runs for each member (kind `member`)."""
        step = self.step(step_id).as_member_step()
        return _KINDS["member"].model_validate(
            {
                "kind": "member",
                "id": self.id,
                "label": self.label,
                "label_en": self.label_en,
                "delegation_scope": self.delegation_scope,
                "citations": self.citations,
                "start": step.id,
                "steps": (step,),
            }
        )


_KINDS: dict[str, type[FlowCore]] = {}


def kind_of(model: type[FlowCore]) -> str:
    """The `kind` literal a variant declares."""
    (kind,) = get_args(model.model_fields["kind"].annotation)
    return str(kind)


def register_kind(model: type[FlowCore]) -> type[FlowCore]:
    """Make a variant available to packs under its `kind` (idempotent; usable as a decorator)."""
    _KINDS[kind_of(model)] = model
    return model


def known_kinds() -> tuple[str, ...]:
    return tuple(sorted(_KINDS))


def parse_definition(raw: Any) -> Any:
    """Validate a pack's workflow entry as the variant its `kind` names."""
    if isinstance(raw, FlowCore):
        return raw
    if not isinstance(raw, dict) or "kind" not in raw:
        raise ValueError(f"a workflow needs a kind, one of: {', '.join(known_kinds())}")
    model = _KINDS.get(str(raw["kind"]))
    if model is None:
        raise ValueError(
            f"unknown workflow kind {raw['kind']!r}; known: {', '.join(known_kinds())}"
        )
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        details = "; ".join(
            f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}"
            for error in exc.errors()[:5]
        )
        raise ValueError(details) from None
