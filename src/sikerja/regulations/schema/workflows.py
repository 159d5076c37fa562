"""Workflow definitions inside a pack (ARCHITECTURE §3.3): the common core and the kinds.

`WorkflowDefinition` is any registered kind's variant (dispatched on `kind` when a pack loads);
code that needs a kind's own fields narrows it with `isinstance` (e.g. `PenugasanDefinition`).
"""

from sikerja.regulations.schema.flow_core import (
    CHAIN_PREFIX,
    PASSING,
    SYSTEM_ACTOR,
    TERMINALS,
    ChainNode,
    ChainSpec,
    Decision,
    DocType,
    DocumentSpec,
    FlowCore,
    StepSpec,
    Transition,
    chain_name,
    is_chain,
    known_kinds,
    parse_definition,
    register_kind,
)
from sikerja.regulations.schema.kinds import (
    EvaluationDefinition,
    IssueDefinition,
    MemberDefinition,
    Mode,
    PenugasanDefinition,
    PerformanceDefinition,
    PlanDefinition,
    ReportDefinition,
    Scope,
    Subject,
    TeamDefinition,
)

WorkflowDefinition = FlowCore

__all__ = [
    "CHAIN_PREFIX",
    "PASSING",
    "SYSTEM_ACTOR",
    "TERMINALS",
    "ChainNode",
    "ChainSpec",
    "Decision",
    "DocType",
    "DocumentSpec",
    "EvaluationDefinition",
    "FlowCore",
    "IssueDefinition",
    "MemberDefinition",
    "Mode",
    "PenugasanDefinition",
    "PerformanceDefinition",
    "PlanDefinition",
    "ReportDefinition",
    "Scope",
    "StepSpec",
    "Subject",
    "TeamDefinition",
    "Transition",
    "WorkflowDefinition",
    "chain_name",
    "is_chain",
    "known_kinds",
    "parse_definition",
    "register_kind",
]
