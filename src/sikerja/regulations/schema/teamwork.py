"""Planning and execution of team work as a pack states them (SPEC §2.3, §4.10 WF-MECH,
§4.11 WF-EXEC, §4.13 WF-ISSUE, §5.5): each setting with the article it rests on, or marked a
product decision where the seed is silent. Kept in the pack's `<id>.teamwork.toml`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

# Who an official named in the team's work is, resolved on the day by the teams app:
# the head of the team's owner unit, the member's own appraiser, the team lead.
WorkActor = Literal["unit_head", "appraiser", "team_lead", "pengendali"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cited(_Strict):
    """Where a setting comes from: the article, or a product decision where the seed is
    silent (`product_decision = true`, shown to users as "not specified by the pack")."""

    citation: str = ""
    product_decision: bool = False


class PlanSettings(Cited):
    """The lead's detailed plan (K1): what it holds and who sets it, on which pack workflow
    (`flow`, kind `plan`: the approver's step is the engine's, with its inbox entry)."""

    budget: bool = False
    approver: WorkActor | None = None
    approval_citation: str = ""
    flow: str = Field(default="", pattern=r"^(WF-[A-Z0-9-]+)?$")

    @model_validator(mode="after")
    def _approved_on_a_flow(self) -> PlanSettings:
        if bool(self.approver) != bool(self.flow):
            raise ValueError("teamwork.plan: an approver and its flow go together")
        return self


class WorkPlanSettings(Cited):
    """Members' individual work plans (A1)."""

    required: bool = True


class MonitoringSettings(Cited):
    """Monitoring of the team's work: by whom, and how often (V-30, V-30a)."""

    by: tuple[WorkActor, ...] = Field(min_length=1)
    interval: Literal["QUARTERLY", "MONTHLY", "ANY_TIME"]
    any_time: bool = False


class FeedbackSettings(Cited):
    """Who gives members feedback on their work (K4, O3, Tahapan 2.b)."""

    by: tuple[WorkActor, ...] = Field(min_length=1)


class IssueSettings(Cited):
    """Raising obstacles: who escalates (product decision, SPEC 4.13) and whether the route
    comes from the pack's `issue_route` or is the product's offered route (V-56)."""

    raised_by: tuple[WorkActor, ...] = ("team_lead",)
    route_specified: bool = True


class ReworkSettings(Cited):
    """Who owns the improvement of off-target work (V-58)."""

    owner: WorkActor


class TeamWork(_Strict):
    """The pack's planning and execution of team work."""

    plan: PlanSettings
    work_plan: WorkPlanSettings
    monitoring: MonitoringSettings
    feedback: FeedbackSettings
    issues: IssueSettings
    rework: ReworkSettings
