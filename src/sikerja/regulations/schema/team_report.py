"""How a team's work is reported and evaluated: `[parameters.team_reporting]` of a pack.

The chains themselves are pack `[chains]` named by the pack's report and evaluation flows
(kinds `report` and `evaluation`); this table says which flow serves which report, and which
evaluation flow serves a team by the type of its owner's Perangkat Daerah (WF-MECH by unit type,
SPEC §4.10). The interval of periodic reports is V-52's `default_interval_months`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.enums import AGENCY_TYPES

DEFAULT = "default"


class TeamReporting(BaseModel):
    """The flows a team's reports and its evaluation run on (WF-REPORT, WF-EVAL)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lead_report: str = Field(description="flow of the lead's periodic report (V-52, V-54)")
    member_report: str = Field(description="flow of a member's report to the lead")
    member_result: str = Field(
        description="flow of the lead's report on one member to the member's own appraiser"
    )
    evaluation: dict[str, str] = Field(
        description="evaluation flow by the owner agency's type; 'default' for the others"
    )
    due_days_after_period: int = Field(
        ge=0, description="days after a period's end its report is due [product decision]"
    )
    citation: Citation
    product_decision: bool = False

    @model_validator(mode="after")
    def _types(self) -> TeamReporting:
        if DEFAULT not in self.evaluation:
            raise ValueError("team_reporting.evaluation needs a 'default' flow")
        unknown = sorted(set(self.evaluation) - {DEFAULT, *AGENCY_TYPES})
        if unknown:
            raise ValueError(f"team_reporting.evaluation: unknown agency types {unknown}")
        return self

    def flows(self) -> set[str]:
        """Every flow key the table names (checked against the pack's workflows)."""
        return {self.lead_report, self.member_report, self.member_result, *self.evaluation.values()}

    def evaluation_flow(self, agency_type: str) -> str:
        """The evaluation flow of a team whose owner unit sits in an agency of this type."""
        return self.evaluation.get(agency_type, self.evaluation[DEFAULT])
