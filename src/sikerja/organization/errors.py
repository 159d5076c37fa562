"""Error codes of the organisation app."""

from __future__ import annotations

from enum import StrEnum


class OrgErrorCode(StrEnum):
    INVALID_NIP = "invalid_nip"
    DUPLICATE_NIP = "duplicate_nip"
    UNIT_CYCLE = "unit_cycle"
    UNIT_OTHER_AGENCY = "unit_other_agency"
    UNKNOWN_PACK = "unknown_pack"
    UNKNOWN_VALUE = "unknown_value"
    PPPK_POSITION = "pppk_position_forbidden"
    PLACEMENT_OVERLAP = "placement_overlap"
    POSITION_OCCUPIED = "position_occupied"
    PLACEMENT_RULE = "placement_rule"
    UNIT_HEAD_KIND = "unit_head_kind"
    DELEGATION_RULE = "delegation_rule"
    DECISION_REQUIRED = "decision_required"
    DATE_RANGE = "date_range"
    DUPLICATE_CODE = "duplicate_code"
    IMPORT_RUNNING = "import_running"
    IMPORT_INTERRUPTED = "import_interrupted"
    NO_CURRENT_PLACEMENT = "no_current_placement"
