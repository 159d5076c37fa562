"""The `[parameters]` table of a pack, typed: every key a pack may set, unknown keys refused.

A parameter is a fact of the regulation that is not a rule of its own (scopes, responsibility
lists, report chains, the urusan list). Code reads them as attributes (`pack.parameters.scopes`),
so a misspelt key fails `packs --check` instead of silently reading a default.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from sikerja.regulations.schema.enums import Grade, PositionKind, Strength, UnitType
from sikerja.regulations.schema.team_report import TeamReporting
from sikerja.regulations.schema.workflows import Scope


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Reply(_Strict):
    """How the home side answers a request (Barut Pasal 21)."""

    written: bool
    reason_required: bool


class Spbe(_Strict):
    """SPBE applications and who provides them (SPEC §7.4)."""

    apps: tuple[str, ...] = Field(min_length=1)
    maintained_by: str = ""
    ensured_by: str = ""


class WithinUnitOrder(_Strict):
    """Who issues the order within a unit and what it states."""

    by: str
    fields: tuple[str, ...] = Field(min_length=1)


class TeamLead(_Strict):
    """Who may lead a team and how a lead is appointed (SPEC §5.3, Appendix B `team_lead`)."""

    mandatory: bool
    eligible: tuple[str, ...] = Field(min_length=1)
    from_owner_unit: Strength | dict[str, Strength] | None = None
    from_owner_unit_or_pd: Strength | None = None
    appointed_by: str | dict[str, str] = ""
    outsider_via: str = ""
    candidates_max: int | None = Field(default=None, ge=1)
    proposed_by: str = ""
    determined_by: str = ""
    pk_required: bool = False
    allowance: str = ""
    max_term_months: int | None = Field(default=None, ge=1)


class Pengendali(_Strict):
    """The Pengendali role (Surakarta, SPEC §4.9.4)."""

    enabled: bool
    grades: tuple[Grade, ...] = Field(min_length=1)
    candidates_max: int = Field(ge=1)
    determined_by: str
    from_owner_unit: Strength
    outsider_via: str = ""
    abk_min: int = Field(ge=0)
    max_term_months: int = Field(ge=1)
    not_held_by: PositionKind
    precondition: str = ""
    pk_required: bool = False


class Team(_Strict):
    """How a team is decreed and named (Surakarta Pasal 14)."""

    decree_by: str
    naming: str
    max_duration_months: int = Field(ge=1)
    criteria: tuple[str, ...] = ()


class ReportChain(_Strict):
    """Who receives which report (WF-REPORT, SPEC §4.12)."""

    individual: tuple[str, ...] = Field(min_length=1)
    member: tuple[str, ...] = Field(min_length=1)
    lead: tuple[str, ...] = Field(min_length=1)
    individual_body_reading: tuple[str, ...] = ()
    setda_jf_madya: tuple[str, ...] = ()
    pengendali: tuple[str, ...] = ()
    on_demand: bool = False
    evidence_required: bool = False
    lead_reports_members_to: tuple[str, ...] = ()


class IssueRoute(_Strict):
    """Where a problem is raised first and who collaborates on it (WF-ISSUE, SPEC §4.13)."""

    first: tuple[str, ...] = Field(min_length=1)
    collaboration: tuple[str, ...] = ()


class PackParameters(_Strict):
    """Every parameter a pack may set; each defaults to "the pack does not say"."""

    # Scopes and routes of penugasan.
    scopes: tuple[Scope, ...] = ()
    scope_aliases: dict[Scope, Scope] = Field(
        default_factory=dict,
        description="a scope treated as another (default: CROSS_PD as "
        "CROSS_UNIT when the pack has no cross-PD scope)",
    )
    voluntary_scopes: tuple[Scope, ...] = ()
    request_fields: tuple[str, ...] = ()
    appointment_by: str = ""
    assignment_set_by: str = ""
    within_unit_appointment: str = ""
    within_unit_order: WithinUnitOrder | None = None
    cross_unit_request_addressee: str = ""
    cross_unit_letter_by: str = ""
    voluntary_cross_unit_letter_by: str = ""
    cross_unit_decree: str = ""
    cross_pd_route: tuple[str, ...] = ()
    cross_pd_decree: str = ""
    cross_instansi_route: tuple[str, ...] = ()
    cross_unit_and_instansi_team_only: bool = False
    order_letters: dict[str, str] = Field(default_factory=dict)
    reject_reason_required: tuple[str, ...] = ()
    reply: Reply | None = None
    incidental_tasks: bool = False
    decree_when_law_requires: bool = False
    # Due dates and reminders of workflow steps. The seeds set no step deadline in days, so
    # `step_deadline_days` is a product decision: the days a step without its own
    # `deadline_days` is given. `deadline_days_count` says how those days, and the reminder's
    # `reminder_days_before`, are counted: "calendar" days, or "working" days (hari kerja:
    # Monday to Friday less national holidays and cuti bersama, `workflows.due_dates`).
    step_deadline_days: int | None = Field(default=None, ge=1)
    deadline_days_count: Literal["calendar", "working"] = "calendar"
    reminder_days_before: int = Field(default=2, ge=0)
    # A requested period that starts before the day of the request: "refuse" it, or "justify"
    # (accept it with a written justification). Product decision; the seeds are silent.
    past_period: Literal["refuse", "justify"] = "refuse"
    # Teams, leads and Pengendali.
    team: Team | None = None
    team_patterns: tuple[str, ...] = ()
    team_decree: dict[Scope, str] = Field(default_factory=dict)
    team_lead: TeamLead | None = None
    team_members_may_include: tuple[PositionKind, ...] = ()
    pengendali: bool | Pengendali = False
    vacancy_deadline_months: tuple[int, ...] = ()
    # Responsibilities, reports, issues, monitoring.
    responsibility_lists: dict[str, str] = Field(default_factory=dict)
    responsibility_items: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    responsibility_citations: dict[str, str] = Field(default_factory=dict)
    report_chain: ReportChain | None = None
    team_reporting: TeamReporting | None = None
    issue_route: dict[Scope, IssueRoute] = Field(default_factory=dict)
    monitoring: str = ""
    # Organisation and placement.
    placement: str = ""
    mechanisms: tuple[str, ...] = ()
    mechanism_m1_execution_recipient: PositionKind | None = None
    uptd_led_by_jf_table: str = ""
    placement_by_grade: dict[str, str] = Field(default_factory=dict)
    delegation_by_grade: dict[str, str] = Field(default_factory=dict)
    pppk_positions: tuple[PositionKind, ...] = ()
    silent_unit_types: tuple[UnitType, ...] = ()
    urusan: dict[str, str] = Field(default_factory=dict, description="Kotim urusan code -> name")
    unit_activity_pk_set_by: tuple[str, ...] = ()
    lampiran_present: bool = True
    lampiran_details: str = ""
    lampiran_cited_by: tuple[str, ...] = ()
    # Performance management and the rest of the regulation.
    perf_stages: tuple[str, ...] = ()
    perf_setting_fields: tuple[str, ...] = ()
    perf_mgmt_further_perbup: bool = False
    principles: tuple[str, ...] = ()
    work_relationship_types: tuple[str, ...] = ()
    duties: tuple[str, ...] = ()
    supervision: tuple[str, ...] = ()
    organising_body: str = ""
    spbe: Spbe | None = None
    process_maps: tuple[str, ...] = ()
