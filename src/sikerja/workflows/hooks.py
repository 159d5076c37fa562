"""What the engine asks the app that owns a workflow's subject (e.g. assignments).

The subject app registers its hooks once (in its AppConfig.ready); the engine stays unaware of
assignment fields while still letting the subject's rules refuse or warn at a decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sikerja.regulations.schema.workflows import StepSpec
    from sikerja.workflows.models import WorkflowInstance


@dataclass(frozen=True)
class RuleWarning:
    """A PREFERRED rule not met: the decision needs a written justification."""

    rule: str
    citation: str
    message: str


class SubjectHooks(Protocol):
    """The subject app's part in a workflow."""

    def check_decision(
        self,
        *,
        instance: WorkflowInstance,
        step: StepSpec,
        decision: str,
        data: dict[str, Any],
        on: dt.date,
    ) -> list[RuleWarning]:
        """Raise a DomainError to refuse; return warnings for PREFERRED rules not met."""
        ...

    def apply_decision(
        self, *, instance: WorkflowInstance, step: StepSpec, decision: str, data: dict[str, Any]
    ) -> None:
        """Write the subject's side of a decision, inside the deciding transaction."""
        ...

    def document_body(self, *, instance: WorkflowInstance) -> dict[str, Any]:
        """The fields a letter's body takes from the subject (purpose, target, duration, …)."""
        ...


_registry: dict[str, SubjectHooks] = {}


def register(subject_type: str, hooks: SubjectHooks) -> None:
    """Register the hooks of a subject type (idempotent)."""
    _registry[subject_type] = hooks


def hooks_for(subject_type: str) -> SubjectHooks | None:
    return _registry.get(subject_type)
