"""Error codes of the performance app."""

from __future__ import annotations

from enum import StrEnum


class PerformanceErrorCode(StrEnum):
    NOT_UNIT_HEAD = "not_unit_head"
    ACTIVITY_PK_NOT_PROVIDED = "unit_activity_pk_not_provided"
    ACTIVITY_PK_LATE = "unit_activity_pk_after_year_start"
    PK_EMPTY = "pk_empty"
    NO_PLACEMENT = "no_placement"
    SKP_EXISTS = "skp_exists"
    YEAR_OUTSIDE_POSITION = "skp_year_outside_position"
    SKP_OVERLAP = "skp_starts_before_previous"
    NOT_OWNER = "not_skp_owner"
    NOT_DRAFT = "skp_not_draft"
    CASCADE_REQUIRED = "rhk_cascade_required"
    CASCADE_SOURCE = "rhk_cascade_source"
    SKP_INCOMPLETE = "skp_incomplete"
    EXPECTATION_FIELDS = "expectation_fields_missing"
    DIALOGUE_REQUIRED = "performance_dialogue_required"
    UNKNOWN_VALUE = "unknown_value"
    NO_APPRAISER = "no_appraiser"
    NOT_APPRAISER = "not_appraiser_of_record"
    SKP_NOT_APPROVED = "skp_not_approved"
    PERIOD = "rating_period_invalid"
    RATING_SIGNED = "rating_signed"
    CURVE = "distribution_curve_broken"
    NOT_LEVEL_SETTER = "not_org_level_setter"
    NOTHING_MOVED = "simulation_nothing_moved"
