"""API v1 schemas of a team's work: evidence, plans, progress, feedback, monitoring, obstacles.
People are named by NIP on input; outputs name them by name."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from sikerja.core.schemas import IsoDate

TEXT = 4000
LINE = 250


class EvidenceOut(Schema):
    id: int
    team_id: int
    original_name: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: dt.datetime
    owner_kind: str
    owner_id: int | None


class ActivityIn(Schema):
    name: str = Field(max_length=LINE)
    output: str = Field(max_length=LINE)
    target: str = Field(max_length=LINE)
    starts_on: IsoDate
    ends_on: IsoDate
    budget: Decimal | None = Field(default=None, ge=0, max_digits=16, decimal_places=2)
    assignee_nip: str = Field(default="", max_length=18)


class PlanIn(Schema):
    strategy: str = Field(default="", max_length=TEXT)
    expected_target: str = Field(default="", max_length=TEXT)
    activities: list[ActivityIn] = Field(max_length=100)


class PlanDecisionIn(Schema):
    approve: bool
    note: str = Field(default="", max_length=TEXT)


class ActivityOut(Schema):
    id: int
    seq: int
    name: str
    output: str
    target: str
    starts_on: dt.date
    ends_on: dt.date
    budget: Decimal | None
    assignee_id: int | None


class PlanOut(Schema):
    id: int
    team_id: int
    status: str
    version: int
    strategy: str
    expected_target: str
    approver_id: int | None
    decided_by_id: int | None
    decision_note: str


class RoleIn(Schema):
    member_nip: str = Field(max_length=18)
    role: str = Field(max_length=LINE)


class DialogueIn(Schema):
    member_nip: str = Field(max_length=18)
    expectations: str = Field(max_length=TEXT)
    held_on: IsoDate


class WorkPlanIn(Schema):
    content: str = Field(max_length=TEXT)
    target: str = Field(max_length=LINE)


class AcknowledgeIn(Schema):
    member_nip: str = Field(max_length=18)


class FeedbackIn(Schema):
    about_nip: str = Field(max_length=18)
    text: str = Field(max_length=TEXT)
    progress_id: int | None = None


class MonitoringIn(Schema):
    findings: str = Field(max_length=TEXT)
    direction: str = Field(default="", max_length=TEXT)
    held_on: IsoDate


class ObstacleIn(Schema):
    problem: str = Field(max_length=TEXT)
    recommendations: list[str] = Field(max_length=20)


class ObstacleDecisionIn(Schema):
    decision: str = Field(max_length=TEXT)
    collaborate: bool = False


class FollowUpIn(Schema):
    text: str = Field(max_length=TEXT)
    close: bool = False


class ReworkIn(Schema):
    reason: str = Field(max_length=TEXT)
    activity_id: int | None = None


class ReworkCloseIn(Schema):
    resolution: str = Field(max_length=TEXT)


class MemberRoleOut(Schema):
    employee_id: int
    name: str = Field(alias="employee.full_name")
    role: str
    responsibility: str


class WorkPlanOut(Schema):
    employee_id: int
    content: str
    target: str
    submitted_at: dt.datetime
    acknowledged_at: dt.datetime | None


class ProgressOut(Schema):
    id: int
    team_id: int
    employee_id: int
    activity_id: int | None
    reported_on: dt.date
    summary: str
    percent_complete: int


class FeedbackOut(Schema):
    id: int
    about_id: int
    by_id: int
    by_role: str
    text: str
    given_at: dt.datetime


class MonitoringOut(Schema):
    id: int
    by_id: int
    by_role: str
    period: str
    held_on: dt.date
    findings: str
    direction: str


class ObstacleOut(Schema):
    id: int
    team_id: int
    status: str
    scope: str
    problem: str
    recommendations: list[str]
    targets: list[int]
    collaborators: list[int]
    route_specified: bool
    decision: str
    decided_by_id: int | None


class ReworkOut(Schema):
    id: int
    team_id: int
    owner_id: int
    owner_role: str
    reason: str
    status: str
    resolution: str


class ResponsibilityOut(Schema):
    role: str
    items: list[str]
    citation: str


class TeamWorkOut(Schema):
    team_id: int = Field(alias="team.pk")
    plan: PlanOut | None
    activities: list[ActivityOut]
    members: list[MemberRoleOut]
    work_plans: list[WorkPlanOut]
    progress: list[ProgressOut]
    feedback: list[FeedbackOut]
    monitoring: list[MonitoringOut]
    obstacles: list[ObstacleOut]
    rework: list[ReworkOut]
    responsibilities: list[ResponsibilityOut]


class MyTeamOut(Schema):
    team_id: int
    team_name: str = Field(alias="team.name")
    role: str
    responsibility: str
    status: str = Field(alias="team.status")


class MyWorkOut(Schema):
    teams: list[MyTeamOut]
    progress: list[ProgressOut]


class ReroutedOut(Schema):
    plan: list[int | None] | None
    obstacles: dict[int, list[list[int]]]
