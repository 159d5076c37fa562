"""Error codes of the demo generator (beyond the organisation app's own)."""

from __future__ import annotations

from enum import StrEnum


class DemoErrorCode(StrEnum):
    NOT_REGIONAL = "demo_pack_not_regional"
    TOO_SMALL = "demo_too_small"
    CHECK_REFUSED = "demo_check_refused"
    NO_PERSONA = "demo_persona_missing"
    USERNAME_TAKEN = "demo_username_taken"
