"""Reads of workflow state across every kind: the one inbox.

Each subject app gives its subjects' title and page through its hooks (`describe`), so the
inbox needs no knowledge of assignments, teams or performance.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q

from sikerja.organization.models import Delegation
from sikerja.regulations.loader import load_pack
from sikerja.workflows.hooks import SubjectRef, hooks_for
from sikerja.workflows.models import WorkflowStep


@dataclass(frozen=True)
class WaitingStep:
    """An open step waiting for me: as its actor, recorder, their delegate, or recommender."""

    step: WorkflowStep
    as_recommender: bool
    as_delegate_of: int | None = None


@dataclass(frozen=True)
class InboxEntry:
    """A waiting step with its subject's title and page."""

    waiting: WaitingStep
    subject: SubjectRef


def _delegations(employee_id: int, on: dt.date) -> dict[int, set[str]]:
    scopes: dict[int, set[str]] = defaultdict(set)
    rows = (
        Delegation.objects.effective_on(on)
        .filter(to_employee_id=employee_id)
        .values_list("from_employee_id", "scope")
    )
    for from_id, scope in rows:
        scopes[from_id].add(scope)
    return scopes


def _delegated(step: WorkflowStep, scopes: dict[int, set[str]]) -> int | None:
    instance = step.instance
    definition = load_pack(instance.pack_id).data.workflows.get(instance.definition_key)
    wanted = definition.delegation_scope if definition is not None else ""
    for principal in (step.actor_id, step.recorder_id):
        if principal is not None and wanted in scopes.get(principal, set()):
            return principal
    return None


def waiting_steps(
    *, employee_id: int, on: dt.date, subject_types: tuple[str, ...] = ()
) -> list[WaitingStep]:
    """Open steps awaiting the employee, oldest first (2 queries, whatever their number)."""
    scopes = _delegations(employee_id, on)
    principals = [employee_id, *scopes]
    query = WorkflowStep.objects.filter(status=WorkflowStep.Status.OPEN).filter(
        Q(actor_id__in=principals) | Q(recorder_id__in=principals) | Q(recommender_id=employee_id)
    )
    if subject_types:
        query = query.filter(instance__subject_type__in=subject_types)
    found = []
    for step in query.select_related("instance").order_by("opened_at", "pk"):
        own = employee_id in {step.actor_id, step.recorder_id}
        delegate_of = None if own else _delegated(step, scopes)
        if own or delegate_of is not None:
            found.append(WaitingStep(step, as_recommender=False, as_delegate_of=delegate_of))
        elif step.recommender_id == employee_id:
            found.append(WaitingStep(step, as_recommender=True))
    return found


def inbox(*, employee_id: int, on: dt.date) -> list[InboxEntry]:
    """Every step waiting for the employee, of every kind, with its subject (overdue first).

    Costs 2 queries plus what each kind's `describe` needs, whatever the number of steps.
    """
    waiting = waiting_steps(employee_id=employee_id, on=on)
    by_kind: dict[str, list[WaitingStep]] = defaultdict(list)
    for item in waiting:
        by_kind[item.step.instance.kind].append(item)
    subjects: dict[int, SubjectRef] = {}
    for kind, items in by_kind.items():
        subjects |= hooks_for(kind).describe([item.step.instance for item in items])
    entries = [
        InboxEntry(item, subjects.get(item.step.instance_id, SubjectRef(item.step.label, "")))
        for item in waiting
    ]
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    return sorted(entries, key=lambda e: (e.waiting.step.due_at or far, e.waiting.step.opened_at))


def step_label(step: WorkflowStep, language: str) -> str:
    """The step's name in the reader's language: the pack's `label_en` in English, else the
    Indonesian label snapshotted when the step opened (the step needs its instance loaded)."""
    if not language.startswith("en"):
        return step.label
    instance = step.instance
    definition = load_pack(instance.pack_id).data.workflows.get(instance.definition_key)
    try:
        return definition.step(step.step_key).label_en if definition else step.label
    except KeyError:
        return step.label
