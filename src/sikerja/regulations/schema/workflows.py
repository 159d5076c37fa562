"""The schema of workflow definitions inside a pack (ARCHITECTURE §3.3): steps as data."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sikerja.regulations.citation import Citation

# Actor expressions: who acts, resolved when a step opens. Parties:
#   owner.*  the unit that owns the work / performance target (the requesting side of an
#            appointment; the unit applied to in a voluntary application),
#   home.*   the assignee's own side (where the staff sit: SPEC's "target" in appointments,
#            "own" / "bersangkutan" in voluntary applications),
#   external.* an official of another government (cross-instansi), recorded, not a user.
ACTOR_EXPRESSIONS = frozenset(
    {
        "requester",
        "applicant",
        "candidate",
        "owner.unit_head",
        "owner.appraiser",
        "owner.authorized_official",
        "owner.agency_head",
        "home.unit_head",
        "home.appraiser",
        "home.authorized_official",
        "home.agency_head",
        "government.regional_secretary",
        "government.regional_head",
        "external.authorized_official",
    }
)
TERMINALS = frozenset({"@approved", "@rejected", "@withdrawn"})


class Decision(StrEnum):
    """What an actor may do with an open step."""

    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    RETURN = "return"
    ACKNOWLEDGE = "acknowledge"
    FORWARD = "forward"
    RECORD = "record"


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


class Scope(StrEnum):
    WITHIN_UNIT = "WITHIN_UNIT"
    CROSS_UNIT = "CROSS_UNIT"
    CROSS_PD = "CROSS_PD"
    CROSS_INSTANSI = "CROSS_INSTANSI"


class Mode(StrEnum):
    APPOINTMENT = "APPOINTMENT"
    VOLUNTARY = "VOLUNTARY"


class Subject(StrEnum):
    INDIVIDUAL = "INDIVIDUAL"
    TEAM = "TEAM"


def _check_actor(value: str) -> str:
    if value not in ACTOR_EXPRESSIONS:
        raise ValueError(f"unknown actor expression {value!r}")
    return value


class DocumentSpec(BaseModel):
    """A letter a decision produces: its kind, title, signer, addressees and copies."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: DocType
    title: str = Field(min_length=1, description="e.g. 'Surat Permohonan Pelibatan'")
    signer: str
    on_behalf_of: str = Field(default="", description="e.g. 'a.n. Wali Kota' (Surakarta V-20)")
    to: tuple[str, ...] = Field(min_length=1)
    cc: tuple[str, ...] = ()
    cc_rule: str = Field(default="", description="rule id of the copy list, e.g. 'V-26'")
    signer_rule: str = Field(default="", description="rule id of the signer, e.g. 'V-17'")
    citation: Citation

    @field_validator("signer")
    @classmethod
    def _signer(cls, value: str) -> str:
        return _check_actor(value)

    @field_validator("to", "cc")
    @classmethod
    def _parties(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for item in value:
            _check_actor(item)
        return value


class StepSpec(BaseModel):
    """One step: who acts, what they may decide, where each decision leads, what it issues."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1)
    label_en: str = Field(min_length=1)
    actor: str
    decisions: tuple[Decision, ...] = Field(min_length=1)
    next: dict[Decision, str]
    documents: dict[Decision, tuple[DocumentSpec, ...]] = Field(default_factory=dict)
    reason_required: tuple[Decision, ...] = (Decision.REJECT, Decision.RETURN)
    reason_rule: str = "V-03"
    recommendation_from: str = Field(default="", description="V-23: who must recommend first")
    recommendation_rule: str = ""
    rules: tuple[str, ...] = Field(default=(), description="rule ids checked when deciding")
    deadline_days: int | None = Field(default=None, ge=1)
    citation: Citation
    product_decision: bool = False

    @field_validator("actor")
    @classmethod
    def _actor(cls, value: str) -> str:
        return _check_actor(value)

    @field_validator("recommendation_from")
    @classmethod
    def _recommender(cls, value: str) -> str:
        return _check_actor(value) if value else value

    @model_validator(mode="after")
    def _decisions_lead_somewhere(self) -> StepSpec:
        missing = [d for d in self.decisions if d not in self.next]
        if missing:
            raise ValueError(f"step {self.id}: decisions without a next step: {missing}")
        extra = [d for d in self.documents if d not in self.decisions]
        if extra:
            raise ValueError(f"step {self.id}: documents for decisions it does not have: {extra}")
        return self


class WorkflowDefinition(BaseModel):
    """A whole flow of a pack (e.g. WF-PEN-UO in the pack's own variant)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^WF-[A-Z0-9-]+$")
    label: str
    label_en: str
    mode: Mode
    scope: Scope
    subjects: tuple[Subject, ...] = Field(min_length=1)
    allowed: bool = True
    refusal_rule: str = Field(default="", description="rule that forbids the flow, if not allowed")
    variant: str = Field(default="", description="SPEC section of this variant, e.g. '4.2.1'")
    not_specified_by_pack: bool = False
    additional_task: str = Field(
        default="", pattern=r"^(|tugas_tambahan|tugas_insidental|tugas_lainnya|penugasan_khusus)$"
    )
    request_fields: tuple[str, ...] = ()
    request_rule: str = "V-01"
    citations: tuple[Citation, ...] = Field(min_length=1)
    start: str = ""
    steps: tuple[StepSpec, ...] = ()

    @model_validator(mode="after")
    def _graph(self) -> WorkflowDefinition:
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
            for decision, target in step.next.items():
                if target not in ids and target not in TERMINALS:
                    raise ValueError(f"{self.id}.{step.id}: {decision} leads to unknown {target!r}")
        return self

    def step(self, step_id: str) -> StepSpec:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)


WORKFLOW_KEY = re.compile(r"^WF-[A-Z0-9-]+$")
