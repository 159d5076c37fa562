"""A whole regulation pack and its cross-reference checks."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from sikerja.regulations.schema.enums import Strength
from sikerja.regulations.schema.flow_core import SYSTEM_ACTOR
from sikerja.regulations.schema.identity import PackIdentity
from sikerja.regulations.schema.letters import LetterLayouts
from sikerja.regulations.schema.organisation import Placement, Roles
from sikerja.regulations.schema.parameters import PackParameters
from sikerja.regulations.schema.rules import Rule
from sikerja.regulations.schema.teamwork import TeamWork
from sikerja.regulations.schema.workflows import ChainSpec, FlowCore, parse_definition
from sikerja.regulations.schema.workload import TrainingProposals

Definition = Annotated[FlowCore, BeforeValidator(parse_definition)]


class Pack(BaseModel):
    """A whole regulation pack."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pack: PackIdentity
    rules: tuple[Rule, ...] = Field(min_length=1)
    placement: Placement | None = None
    roles: Roles | None = None
    parameters: PackParameters = Field(default_factory=PackParameters)
    workflows: dict[str, Definition] = Field(default_factory=dict)
    chains: dict[str, ChainSpec] = Field(default_factory=dict)
    letters: LetterLayouts = Field(default_factory=LetterLayouts)
    teamwork: TeamWork | None = None
    training: TrainingProposals | None = None

    @model_validator(mode="before")
    @classmethod
    def _default_deadlines(cls, raw: Any) -> Any:
        """Give every step a person decides, without its own `deadline_days`, the pack's
        `step_deadline_days` (a product default; a fan-out step decided by the system has none)."""
        if not isinstance(raw, dict):
            return raw
        days = (raw.get("parameters") or {}).get("step_deadline_days")
        if days is None:
            return raw
        workflows = {}
        for key, definition in (raw.get("workflows") or {}).items():
            steps = definition.get("steps", []) if isinstance(definition, dict) else []
            if steps:
                definition = {
                    **definition,
                    "steps": [
                        step
                        if step.get("actor") == SYSTEM_ACTOR or "deadline_days" in step
                        else {**step, "deadline_days": days}
                        for step in steps
                    ],
                }
            workflows[key] = definition
        return {**raw, "workflows": workflows}

    @model_validator(mode="after")
    def _consistent(self) -> Pack:
        ids = [rule.id for rule in self.rules]
        duplicates = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
        if duplicates:
            raise ValueError(f"duplicate rule ids: {', '.join(duplicates)}")
        if self.pack.region_kind != "nasional" and (self.placement is None or self.roles is None):
            raise ValueError("a regional pack needs [placement] and [roles]")
        wrong_keys = [key for key, wf in self.workflows.items() if not key.startswith(wf.id)]
        if wrong_keys:
            raise ValueError(f"workflow keys must start with their id: {', '.join(wrong_keys)}")
        self._check_flow_links()
        self._check_training()
        known = set(ids)
        referenced = self._referenced_rule_ids()
        missing = sorted(referenced - known)
        if missing:
            raise ValueError(f"rules referenced but not defined: {', '.join(missing)}")
        if self.placement is not None:
            tables = {table.id for table in self.placement.tables}
            wrong = sorted(
                set(self.placement.affairs.values()) | set(self.placement.default_tables.values())
            )
            unknown = [table_id for table_id in wrong if table_id not in tables]
            if unknown:
                raise ValueError(f"unknown placement tables: {', '.join(unknown)}")
        return self

    def _check_flow_links(self) -> None:
        """Children and chains a definition names exist in the pack."""
        for key, definition in self.workflows.items():
            unknown = sorted(definition.children() - set(self.workflows))
            if unknown:
                raise ValueError(f"workflow {key}: unknown child flows: {', '.join(unknown)}")
            chains = sorted(definition.chains() - set(self.chains))
            if chains:
                raise ValueError(f"workflow {key}: unknown chains: {', '.join(chains)}")
        reporting = self.parameters.team_reporting
        missing = sorted(reporting.flows() - set(self.workflows)) if reporting else []
        if missing:
            raise ValueError(f"team_reporting names unknown flows: {', '.join(missing)}")
        plan_flow = self.teamwork.plan.flow if self.teamwork else ""
        if plan_flow and getattr(self.workflows.get(plan_flow), "kind", "") != "plan":
            raise ValueError(f"teamwork.plan.flow {plan_flow!r} is not a workflow of kind plan")

    def _check_training(self) -> None:
        """V-62 binding needs the proposal offered, on the pack's own footing (not as a product
        decision); a pack silent on it may offer it only as a product decision."""
        binds = any(
            rule.id == "V-62" and rule.strength in {Strength.MUST, Strength.ONLY}
            for rule in self.rules
        )
        training = self.training
        if binds and (training is None or not training.offered or training.product_decision):
            raise ValueError("V-62 binds: [training] offers the proposal on the pack's footing")
        if (
            not binds
            and training is not None
            and training.offered
            and not training.product_decision
        ):
            raise ValueError(
                "V-62 does not bind: [training] offers the proposal as a product decision"
            )

    def _referenced_rule_ids(self) -> set[str]:
        referenced: set[str] = set()
        if self.placement is not None:
            referenced |= self.placement.rule_ids()
        if self.roles is not None:
            for name in Roles.model_fields:
                referenced.add(getattr(self.roles, name).rule)
        for definition in self.workflows.values():
            referenced |= definition.rule_ids()
        if self.letters.rule:
            referenced.add(self.letters.rule)
        return referenced
