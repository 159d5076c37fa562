"""Error codes of the assignments app."""

from __future__ import annotations

from enum import StrEnum


class AssignmentErrorCode(StrEnum):
    MISSING_FIELDS = "request_fields_missing"
    NOT_FIRST_ACTOR = "not_first_actor"
    NO_PLACEMENT = "no_placement"
    CANDIDATE_KIND = "candidate_kind"
    CANDIDATE_OUTSIDE = "candidate_outside_unit"
    NO_CANDIDATES = "no_candidates"
    ORAL_NOT_ALLOWED = "oral_not_allowed"
    TEAM_REQUIRED = "team_required"
    PERIOD = "period_invalid"
    PERIOD_REQUIRED = "period_required"
    PERIOD_IN_PAST = "period_in_past"
    UNKNOWN_VALUE = "unknown_value"
    NOT_APPLICABLE = "field_not_applicable"
