"""How a team's work is reported and evaluated: `[parameters.team_reporting]` of a pack.

The chains themselves are pack `[chains]` named by the pack's report and evaluation flows
(kinds `report` and `evaluation`); this table says which flow serves which report, and which
evaluation flow serves a team by the type of its owner unit or of a unit above it (a UPTD, a
Puskesmas, a school, a Kelurahan: Blitar Mekanisme 3 and 4), else of its Perangkat Daerah
(WF-MECH by unit type, SPEC §4.10). The interval of periodic reports is V-52's `default_interval_months`.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.enums import UnitType

DEFAULT = "default"


class IndividualReporting(BaseModel):
    """How an employee reports on individual work (SPEC 4.12, "individual assignee reports to"):
    the flow for an approved individual penugasan and the flow for their own individual work
    (the same chain in every pack; Blitar's regular work by product decision, V-72), and who is
    copied (tembusan) from the moment the report is submitted (Surakarta, Appendix A, A3)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    assignment_report: str = Field(description="flow of the report on an individual penugasan")
    own_work_report: str = Field(description="flow of the report on one's own individual work")
    copy_from_start: tuple[str, ...] = Field(
        default=(),
        description="actor expressions copied on the report from its submission (A3)",
    )
    copy_citation: Citation | None = None
    copy_product_decision: bool = False
    citation: Citation
    product_decision: bool = False

    @model_validator(mode="after")
    def _copy_cited(self) -> IndividualReporting:
        if self.copy_from_start and self.copy_citation is None:
            raise ValueError("individual.copy_from_start needs its copy_citation")
        return self


class TeamReporting(BaseModel):
    """The flows a team's reports and its evaluation run on (WF-REPORT, WF-EVAL)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lead_report: str = Field(description="flow of the lead's periodic report (V-52, V-54)")
    member_report: str = Field(description="flow of a member's report to the lead")
    member_result: str = Field(
        description="flow of the lead's report on one member to the member's own appraiser"
    )
    evaluation: dict[str, str] = Field(
        description="evaluation flow by the type of the owner unit (or a unit above it) or of "
        "its agency; 'default' for the others"
    )
    due_days_after_period: int = Field(
        ge=0, description="days after a period's end its report is due [product decision]"
    )
    individual: IndividualReporting | None = Field(
        default=None, description="reports on individual (non-team) work"
    )
    citation: Citation
    product_decision: bool = False

    @model_validator(mode="after")
    def _types(self) -> TeamReporting:
        if DEFAULT not in self.evaluation:
            raise ValueError("team_reporting.evaluation needs a 'default' flow")
        unknown = sorted(set(self.evaluation) - {DEFAULT, *UnitType})
        if unknown:
            raise ValueError(f"team_reporting.evaluation: unknown unit types {unknown}")
        return self

    def flows(self) -> set[str]:
        """Every flow key the table names (checked against the pack's workflows)."""
        flows = {self.lead_report, self.member_report, self.member_result}
        if self.individual is not None:
            flows |= {self.individual.assignment_report, self.individual.own_work_report}
        return {*flows, *self.evaluation.values()}

    def evaluation_flow(self, agency_type: str, unit_types: Sequence[str] = ()) -> str:
        """The evaluation flow of a team: by the nearest of its owner's unit types (the owner
        unit first, then the units above it) the table names, else by its agency's type."""
        for unit_type in (*unit_types, agency_type):
            if unit_type in self.evaluation:
                return self.evaluation[unit_type]
        return self.evaluation[DEFAULT]
