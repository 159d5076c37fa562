"""The built-in workflow kinds: each adds its own fields to the common core.

Penugasan (SPEC §4.1–4.8), team formation (§4.9), per-member work of a team request (V-69),
the approval of a team's plan (§2.3 K1, O1), reports (§4.12), evaluation to "declared complete" (§4.14), escalated issues (§4.13) and
performance management (§6). A new kind is a variant registered with `register_kind` plus a
hooks module in the app that owns its subject; the engine does not change.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field

from sikerja.regulations.schema.flow_core import FlowCore, register_kind


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


@register_kind
class PenugasanDefinition(FlowCore):
    """A penugasan flow: direct appointment or voluntary application, by scope."""

    kind: Literal["penugasan"]
    mode: Mode
    scope: Scope
    subjects: tuple[Subject, ...] = Field(min_length=1)
    additional_task: str = Field(
        default="", pattern=r"^(|tugas_tambahan|tugas_insidental|tugas_lainnya|penugasan_khusus)$"
    )
    request_fields: tuple[str, ...] = ()
    request_rule: str = "V-01"

    def rule_ids(self) -> set[str]:
        return super().rule_ids() | {self.request_rule}


@register_kind
class MemberDefinition(FlowCore):
    """The per-member part of a team request (V-69): consent, letter, acknowledgement."""

    kind: Literal["member"]


@register_kind
class TeamDefinition(FlowCore):
    """Forming a team: lead, members, Pengendali, and the instrument that sets it."""

    kind: Literal["team"]
    instrument: Literal["KEPUTUSAN", "SURAT_PERINTAH", "SURAT_TUGAS"]
    scope: Scope | None = None
    lead_first: bool = Field(default=False, description="V-65: the lead is set before members")


@register_kind
class PlanDefinition(FlowCore):
    """The lead's detailed plan set (or returned) by the official the pack names (K1, O1)."""

    kind: Literal["plan"]


@register_kind
class ReportDefinition(FlowCore):
    """A report travelling up the chain the pack names (WF-REPORT)."""

    kind: Literal["report"]
    interval: Literal["PERIODIC", "AT_ANY_TIME", "END_OF_WORK"] = "END_OF_WORK"


@register_kind
class EvaluationDefinition(FlowCore):
    """Evaluation up the chain until the named official declares the work complete."""

    kind: Literal["evaluation"]


@register_kind
class IssueDefinition(FlowCore):
    """An obstacle raised and escalated with a recommendation along the pack's route."""

    kind: Literal["issue"]


@register_kind
class PerformanceDefinition(FlowCore):
    """A stage of performance management (SKP approval, rating, objection, dialogue)."""

    kind: Literal["performance"]
    stage: Literal["SKP_APPROVAL", "RATING", "OBJECTION", "DIALOGUE"]
