"""What the engine asks the app that owns a workflow's subject (assignments, teams, …).

A subject app registers one `SubjectHooks` per workflow kind in its AppConfig.ready: its typed
role map, the actor expressions and guard conditions only it can answer, its checks and writes
at a decision, the body of its letters, and the title and page of its subjects for the inbox.
The engine stays unaware of any subject's fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sikerja.regulations.schema.workflows import StepSpec
    from sikerja.workflows.actors import Parties
    from sikerja.workflows.models import WorkflowInstance


@dataclass(frozen=True)
class RuleWarning:
    """A PREFERRED rule not met: the decision needs a written justification."""

    rule: str
    citation: str
    message: str


@dataclass(frozen=True)
class SubjectRef:
    """How the inbox and notifications show a subject: its title and its page."""

    title: str
    url: str


class SubjectHooks:
    """The subject app's part in a workflow kind; override what the kind needs."""

    kind: str = ""
    subject_type: str = ""
    conditions: frozenset[str] = frozenset()
    """The closed vocabulary of guard conditions this kind evaluates."""
    condition_labels: dict[str, tuple[str, str]] = {}
    """What process maps print for each condition (Indonesian, English); "!x" may have its own."""

    def parties_from_json(self, data: dict[str, Any]) -> Parties:
        """The typed role map stored on an instance."""
        raise NotImplementedError

    def child_parties(self, parent: Parties, member_id: int) -> Parties:
        """The role map of a per-member child instance of a fan-out step."""
        raise NotImplementedError

    def evaluate(
        self, condition: str, *, instance: WorkflowInstance, data: dict[str, Any], on: dt.date
    ) -> bool:
        """Whether a guard condition of the closed vocabulary holds."""
        raise KeyError(condition)

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
        return []

    def apply_decision(
        self, *, instance: WorkflowInstance, step: StepSpec, decision: str, data: dict[str, Any]
    ) -> None:
        """Write the subject's side of a decision, inside the deciding transaction."""

    def children_closed(
        self, *, parent: WorkflowInstance, children: list[WorkflowInstance], step: StepSpec
    ) -> None:
        """Record the outcome of every member's child instance (inside the transaction)."""

    def document_body(self, *, instance: WorkflowInstance) -> dict[str, Any]:
        """The fields a letter's body takes from the subject (purpose, target, duration, …)."""
        return {}

    def describe(self, instances: list[WorkflowInstance]) -> dict[int, SubjectRef]:
        """Title and page of each instance's subject, keyed by instance id (batched)."""
        return {}


_by_kind: dict[str, SubjectHooks] = {}


def register(hooks: SubjectHooks) -> None:
    """Register the hooks of a workflow kind (idempotent)."""
    _by_kind[hooks.kind] = hooks


def hooks_for(kind: str) -> SubjectHooks:
    """The hooks of a kind; a kind without hooks cannot run."""
    try:
        return _by_kind[kind]
    except KeyError as exc:
        raise LookupError(f"no subject hooks registered for workflow kind {kind!r}") from exc


def condition_label(condition: str) -> tuple[str, str] | None:
    """The (id, en) words any registered kind gives a guard condition, for process maps."""
    for hooks in _by_kind.values():
        if condition in hooks.condition_labels:
            return hooks.condition_labels[condition]
    return None


def registered_kinds() -> tuple[str, ...]:
    return tuple(sorted(_by_kind))
