"""Input and output schemas of the penugasan API (no logic beyond which NIPs an answer masks).

People are named by NIP, as everywhere in API v1; the answers mask every NIP but the caller's
own (BKPSDM operators see them in full), as lists do (`organization.rules.may_see_full_nip`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema

from sikerja.assignments.models import Assignment
from sikerja.core.schemas import IsoDate
from sikerja.organization.schemas import AgencyRef, EmployeeRefOut, listed_nip, viewer_in
from sikerja.regulations.schema.workflows import Decision, Mode, Scope, Subject
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

NIP_LENGTH = 18
TEXT = 4000


class AssignmentIn(Schema):
    """A penugasan request (APPOINTMENT) or application (VOLUNTARY); the scope is derived."""

    mode: Assignment.Mode
    subject: Assignment.Subject = Assignment.Subject.INDIVIDUAL
    title: str = Field(max_length=250)
    owner_unit_id: int | None = None
    home_unit_id: int | None = None
    candidate_nips: list[str] = Field(default=[], max_length=50)
    external_government_kode: str = Field(default="", max_length=20)
    purpose: str = Field(default="", max_length=TEXT)
    competencies: list[str] = Field(default=[], max_length=20)
    expected_target: str = Field(default="", max_length=TEXT)
    task_description: str = Field(default="", max_length=TEXT)
    individual_target: str = Field(default="", max_length=TEXT)
    other_arrangements: str = Field(default="", max_length=TEXT)
    team_name: str = Field(default="", max_length=250)
    starts_on: IsoDate | None = None
    ends_on: IsoDate | None = None
    channel: Assignment.Channel = Assignment.Channel.WRITTEN
    additional_task: bool = False


class DecisionIn(Schema):
    decision: Decision
    reason: str = Field(default="", max_length=TEXT)
    justification: str = Field(default="", max_length=TEXT)
    assignee_nips: list[str] = Field(default=[], max_length=50)
    external_number: str = Field(default="", max_length=100)


class RecommendationIn(Schema):
    text: str = Field(max_length=TEXT)
    recommended_nips: list[str] = Field(default=[], max_length=50)


class GovernmentRefOut(Schema):
    kode: str
    name: str


class AssignmentUnitOut(Schema):
    id: int
    name: str
    agency: AgencyRef


class CandidateOut(Schema):
    nip: str  # resolved: masked like every list (a resolver does not apply to an aliased field)
    name: str = Field(alias="employee.full_name")
    is_lead: bool

    @staticmethod
    def resolve_nip(obj: Any, context: dict[str, Any]) -> str:
        return listed_nip(viewer_in(context), obj.employee_id, obj.employee.nip)


class FlowRefOut(Schema):
    """The pack's flow the request runs on (SPEC variant; 'not specified by the pack' flag)."""

    key: str
    id: str = Field(alias="definition.id")
    label: str = Field(alias="definition.label")
    label_en: str = Field(alias="definition.label_en")
    variant: str = Field(alias="definition.variant")
    not_specified_by_pack: bool = Field(alias="definition.not_specified_by_pack")


class SignerOut(Schema):
    name: str
    position: str = Field(examples=["Plt. Kepala Dinas Pendidikan"])


class LetterOut(Schema):
    """An issued naskah dinas; `pdf_url` answers only the letter's parties and operators."""

    id: int
    number: str = Field(examples=["800.1.2.6/0001/DISDIK/2026"])
    doc_type: str
    doc_type_label: str
    title: str
    issued_on: dt.date
    signer: SignerOut
    addressees: list[str]
    cc: list[str]
    verification_code: str
    verification_url: str
    pdf_url: str
    is_external: bool
    is_revoked: bool
    can_download: bool


class RecommendationOut(Schema):
    by: EmployeeRefOut = Field(alias="recommendation.by")
    text: str = Field(alias="recommendation.text")
    at: dt.datetime = Field(alias="recommendation.at")
    recommended: list[EmployeeRefOut]


class StepActorOut(Schema):
    """Who was asked to act, as snapshotted when the step opened, and the rule that named them."""

    name: str = Field(alias="actor_name")
    position: str = Field(alias="actor_position")
    acting: str = Field(alias="actor_acting", examples=["DEFINITIVE", "PLT", "PLH"])
    rule: str = Field(alias="actor_rule", examples=["G30"])
    citation: str = Field(alias="actor_citation")


class StepOut(Schema):
    id: int = Field(alias="step.pk")
    seq: int = Field(alias="step.seq")
    key: str = Field(alias="step.step_key")
    label: str = Field(alias="step.label")
    status: WorkflowStep.Status = Field(alias="step.status")
    status_label: str = Field(alias="step.get_status_display")
    actor: StepActorOut = Field(alias="step")
    decision: str = Field(alias="step.decision", examples=["approve"])
    decision_label: str
    reason: str = Field(alias="step.reason")
    decided_by: EmployeeRefOut | None = Field(alias="step.decided_by")
    decided_at: dt.datetime | None = Field(alias="step.decided_at")
    opened_at: dt.datetime = Field(alias="step.opened_at")
    due_at: dt.datetime | None = Field(alias="step.due_at")
    citation: str = Field(alias="step.citation")
    recommendation_required: bool
    recommendations: list[RecommendationOut]
    documents: list[LetterOut]


class AssignmentOut(Schema):
    """One penugasan with its derived scope, its flow, and the timeline of steps and letters."""

    id: int = Field(alias="assignment.pk")
    title: str = Field(alias="assignment.title")
    mode: Mode = Field(alias="assignment.mode")
    mode_label: str = Field(alias="assignment.get_mode_display")
    subject: Subject = Field(alias="assignment.subject")
    subject_label: str = Field(alias="assignment.get_subject_display")
    scope: Scope = Field(alias="assignment.scope")
    scope_label: str = Field(alias="assignment.get_scope_display")
    channel: Assignment.Channel = Field(alias="assignment.channel")
    flow: FlowRefOut
    status: WorkflowInstance.Status = Field(alias="instance.status")
    status_label: str = Field(alias="instance.get_status_display")
    requester: EmployeeRefOut = Field(alias="assignment.requester")
    owner_unit: AssignmentUnitOut = Field(alias="assignment.owner_unit")
    home_unit: AssignmentUnitOut | None = Field(alias="assignment.home_unit")
    external_government: GovernmentRefOut | None = Field(alias="assignment.external_government")
    candidates: list[CandidateOut]
    purpose: str = Field(alias="assignment.purpose")
    competencies: list[str] = Field(alias="assignment.competencies")
    expected_target: str = Field(alias="assignment.expected_target")
    task_description: str = Field(alias="assignment.task_description")
    individual_target: str = Field(alias="assignment.individual_target")
    other_arrangements: str = Field(alias="assignment.other_arrangements")
    team_name: str = Field(alias="assignment.team_name")
    additional_task: bool
    starts_on: dt.date | None = Field(alias="assignment.starts_on")
    ends_on: dt.date | None = Field(alias="assignment.ends_on")
    created_at: dt.datetime = Field(alias="assignment.created_at")
    current_step: StepOut | None
    steps: list[StepOut]

    @staticmethod
    def resolve_additional_task(obj: Any) -> bool:
        return bool(obj.assignment.additional_task)


class InboxStepOut(Schema):
    """The open step that waits for the caller (in the inbox only)."""

    id: int = Field(alias="pk")
    key: str = Field(alias="step_key")
    label: str
    opened_at: dt.datetime
    due_at: dt.datetime | None


class AssignmentRowOut(Schema):
    id: int = Field(alias="assignment.pk")
    title: str = Field(alias="assignment.title")
    mode: Mode = Field(alias="assignment.mode")
    subject: Subject = Field(alias="assignment.subject")
    scope: Scope = Field(alias="assignment.scope")
    scope_label: str = Field(alias="assignment.get_scope_display")
    flow_key: str = Field(alias="assignment.workflow_key")
    status: WorkflowInstance.Status | None = Field(alias="assignment.wf_status")
    status_label: str
    current_step_label: str
    current_actor_name: str
    requester: EmployeeRefOut = Field(alias="assignment.requester")
    created_at: dt.datetime = Field(alias="assignment.created_at")
    step: InboxStepOut | None
    as_recommender: bool

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        status = obj.assignment.wf_status
        return str(WorkflowInstance.Status(status).label) if status else ""

    @staticmethod
    def resolve_current_step_label(obj: Any) -> str:
        return str(obj.assignment.wf_step_label or "")

    @staticmethod
    def resolve_current_actor_name(obj: Any) -> str:
        return str(obj.assignment.wf_step_actor or "")


class AssignmentPageOut(Schema):
    items: list[AssignmentRowOut]
    count: int


class FlowOut(Schema):
    """A flow of the caller's pack: what it covers, whether it is allowed, and by which rule."""

    key: str = Field(examples=["WF-PEN-UO"])
    id: str = Field(alias="definition.id")
    label: str = Field(alias="definition.label")
    label_en: str = Field(alias="definition.label_en")
    mode: Mode = Field(alias="definition.mode")
    scope: Scope = Field(alias="definition.scope")
    subjects: list[Subject] = Field(alias="definition.subjects")
    allowed: bool = Field(alias="definition.allowed")
    refusal_rule: str = Field(alias="definition.refusal_rule", examples=["V-14"])
    refusal_citation: str
    variant: str = Field(alias="definition.variant", examples=["4.2.2"])
    not_specified_by_pack: bool = Field(alias="definition.not_specified_by_pack")
    additional_task: str = Field(alias="definition.additional_task")
    map_svg_url: str
    map_bpmn_url: str
