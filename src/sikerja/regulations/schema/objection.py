"""Typed parameters of the objection (keberatan) to a final rating (PP 30/2019 Pasal 59,
PermenPANRB 6/2022 Bab V): how long the employee has to object and who decides (the atasan of
the Pejabat Penilai Kinerja). The decision is due as every step of the pack is
(`step_deadline_days`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sikerja.regulations.schema.base import RuleParams


class ObjectionRules(RuleParams):
    """P-OBJECTION: the filing window after sign-off (its days counted as `days_count` says)
    and the deciding official."""

    file_within_days: int = Field(ge=1, le=90)
    days_count: Literal["calendar", "working"]
    decider: str = Field(
        pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$",
        description="the actor expression of the deciding official (its workflow step's actor)",
    )
    flow: str = Field(pattern=r"^WF-[A-Z0-9-]+$", description="the pack's objection workflow")
    source: str = ""


OBJECTION_PARAMS: dict[str, type[RuleParams]] = {"P-OBJECTION": ObjectionRules}
