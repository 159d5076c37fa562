"""Error codes of the teams app."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sikerja.core.errors import DomainError, ValidationFailed


class TeamErrorCode(StrEnum):
    MISSING_FIELDS = "team_fields_missing"
    PERIOD = "team_period_invalid"
    PERIOD_TOO_LONG = "team_period_too_long"
    UNKNOWN_VALUE = "unknown_value"
    NO_PLACEMENT = "no_placement"
    NOT_FIRST_ACTOR = "not_first_actor"
    LEAD_REQUIRED = "team_lead_required"
    LEAD_KIND = "team_lead_kind"
    LEAD_ORIGIN = "team_lead_origin"
    LEAD_TRANSFER = "team_lead_transfer_required"
    TOO_MANY_CANDIDATES = "too_many_lead_candidates"
    CONSIDERATION_REQUIRED = "appraiser_consideration_required"
    LEAD_NOT_CANDIDATE = "lead_not_a_candidate"
    WORKLOAD = "lead_workload_below_minimum"
    SUB_ACTIVITY_HELD = "sub_activity_held_by_pengawas"
    NAMING = "team_naming_incomplete"
    ACTIVITY_REQUIRED = "team_activity_required"
    PENGENDALI_GRADE = "pengendali_grade"
    PENGENDALI_NOT_EQUALIZED = "pengendali_not_allowed"
    PENGENDALI_LINK = "pengendali_activity_required"
    MEMBER_KIND = "member_kind"
    MEMBERS_BEFORE_LEAD = "members_before_lead"
    BASIS_REQUIRED = "composition_basis_required"
    NOT_ACTIVE = "team_not_active"
    NOT_A_MEMBER = "not_a_member"
    ALREADY_MEMBER = "already_member"
    SCOPE_NOT_PROVIDED = "team_scope_not_provided"
    PROPOSAL_REFUSED = "team_proposal_refused"
    NOT_ON_TARGET = "results_not_on_target"
    EVIDENCE_REQUIRED = "report_evidence_required"
    TEAM_COMPLETED = "team_completed"
    ON_DEMAND_NOT_PROVIDED = "report_on_demand_not_provided"
    MEMBER_RESULTS_MISSING = "member_results_missing"
    NOT_EVALUATING = "team_not_ready_for_evaluation"
    EVIDENCE_TYPE = "evidence_type_refused"
    EVIDENCE_TOO_LARGE = "evidence_too_large"
    EVIDENCE_EMPTY = "evidence_empty"
    EVIDENCE_DAMAGED = "evidence_damaged"
    NOT_ON_TEAM = "not_on_team"
    NO_TEAMWORK = "teamwork_not_described"
    PLAN_MISSING = "plan_missing"
    PLAN_STATE = "plan_state"
    PLAN_ACTIVITIES = "plan_activities_invalid"
    BUDGET_REQUIRED = "plan_budget_required"
    DIALOGUE_REQUIRED = "expectation_dialogue_required"
    RECOMMENDATION_REQUIRED = "recommendation_required"
    ROUTE_MISSING = "issue_route_missing"
    NO_COLLABORATION = "issue_no_collaboration_route"
    TEXT_REQUIRED = "text_required"
    FIELD_UNIT_MISSING = "field_unit_not_recorded"
    FIELD_UNIT_HEAD_VACANT = "field_unit_head_vacant"
    PERIOD_OFF_SCHEDULE = "report_period_off_schedule"
    NOT_AN_INDIVIDUAL_ASSIGNMENT = "not_an_individual_assignment"


@dataclass
class Refusals(ValidationFailed):
    """Several refusals of one input at once (a form shows each next to its field)."""

    errors: tuple[DomainError, ...] = ()
