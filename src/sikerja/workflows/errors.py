"""Error codes of the workflow engine."""

from __future__ import annotations

from enum import StrEnum


class WorkflowErrorCode(StrEnum):
    FLOW_NOT_PROVIDED = "flow_not_provided"
    FLOW_FORBIDDEN = "flow_forbidden"
    SUBJECT_NOT_ALLOWED = "subject_not_allowed"
    INVALID_DECISION = "invalid_decision"
    REASON_REQUIRED = "reason_required"
    RECOMMENDATION_REQUIRED = "recommendation_required"
    JUSTIFICATION_REQUIRED = "justification_required"
    NO_ACTOR = "no_actor"
    NOT_WITHDRAWABLE = "not_withdrawable"
    NO_MEMBERS = "no_members"
    UNKNOWN_FLOW = "unknown_flow"
