"""Reads of workflow state across every kind: the one inbox.

Each subject app gives its subjects' title and page through its hooks (`describe`), so the
inbox needs no knowledge of assignments, teams or performance.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import connections, router

from sikerja.core import fixed
from sikerja.organization.access import stamped
from sikerja.organization.models import Delegation, Government
from sikerja.regulations.loader import load_pack
from sikerja.workflows.hooks import SubjectRef, hooks_for
from sikerja.workflows.models import WorkflowInstance, WorkflowStep


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


# The inbox is read on every page that shows it (the home page, the penugasan inbox): its two
# reads are written out once (`core.fixed`), as `Delegation.objects.effective_on(on)` and
# `WorkflowStep.objects.select_related("instance")` would read them, since building them
# through the ORM cost more than running them.


def _delegations(employee_id: int, on: dt.date) -> dict[int, frozenset[str]]:
    """The scopes delegated to the employee on the day, by the official who delegated them."""
    connection = connections[router.db_for_read(Delegation)]
    day = connection.ops.adapt_datefield_value(on)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT from_employee_id, scope"  # noqa: S608 - the model's own table
            f" FROM {connection.ops.quote_name(Delegation._meta.db_table)}"
            " WHERE to_employee_id = %s AND valid_from <= %s"
            " AND (valid_to IS NULL OR valid_to > %s)",
            [employee_id, day, day],
        )
        rows = cursor.fetchall()
    scopes: dict[int, set[str]] = defaultdict(set)
    for from_id, scope in rows:
        scopes[from_id].add(scope)
    return {from_id: frozenset(kept) for from_id, kept in scopes.items()}


def _delegations_kept(
    employee_id: int, on: dt.date, government: Government | None
) -> dict[int, frozenset[str]]:
    """`_delegations`, kept under the government's access stamp when the caller gives the
    government read with their account on this request (delegation_create and delegation_end
    give it a new stamp, so a kept answer is never stale)."""
    if government is None:
        return _delegations(employee_id, on)
    return stamped(
        government, ("delegations_to", employee_id, on), lambda: _delegations(employee_id, on)
    )


def _open_steps(
    principals: list[int], employee_id: int, subject_types: tuple[str, ...]
) -> list[WorkflowStep]:
    """Open steps whose actor or recorder is one of the principals or whose recommender is the
    employee, each with its instance, oldest first."""
    connection = connections[router.db_for_read(WorkflowStep)]
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(principals))
    sql = (
        f"SELECT {fixed.columns(WorkflowStep, 's', connection)},"  # noqa: S608 - models' names
        f" {fixed.columns(WorkflowInstance, 'i', connection)}"
        f" FROM {quote(WorkflowStep._meta.db_table)} s"
        f" JOIN {quote(WorkflowInstance._meta.db_table)} i ON i.id = s.instance_id"
        f" WHERE s.status = %s AND (s.actor_id IN ({marks}) OR s.recorder_id IN ({marks})"
        " OR s.recommender_id = %s)"
    )
    params: list[str | int] = [
        WorkflowStep.Status.OPEN.value,
        *principals,
        *principals,
        employee_id,
    ]
    if subject_types:
        sql += f" AND i.subject_type IN ({', '.join(['%s'] * len(subject_types))})"
        params += subject_types
    with connection.cursor() as cursor:
        cursor.execute(sql + " ORDER BY s.opened_at, s.id", params)
        rows = cursor.fetchall()
    step_of = fixed.loader(WorkflowStep, connection)
    instance_of = fixed.loader(WorkflowInstance, connection)
    split = fixed.width(WorkflowStep)
    steps = []
    for row in rows:
        step = step_of(row[:split])
        step._state.fields_cache["instance"] = instance_of(row[split:])  # as select_related
        steps.append(step)
    return steps


def _delegated(step: WorkflowStep, scopes: dict[int, frozenset[str]]) -> int | None:
    instance = step.instance
    definition = load_pack(instance.pack_id).data.workflows.get(instance.definition_key)
    wanted = definition.delegation_scope if definition is not None else ""
    for principal in (step.actor_id, step.recorder_id):
        if principal is not None and wanted in scopes.get(principal, frozenset()):
            return principal
    return None


def waiting_steps(
    *,
    employee_id: int,
    on: dt.date,
    subject_types: tuple[str, ...] = (),
    government: Government | None = None,
) -> list[WaitingStep]:
    """Open steps awaiting the employee, oldest first (2 queries, whatever their number; 1 when
    the caller's government is given and the delegations to them are kept under its stamp)."""
    scopes = _delegations_kept(employee_id, on, government)
    principals = [employee_id, *scopes]
    found = []
    for step in _open_steps(principals, employee_id, subject_types):
        own = employee_id in {step.actor_id, step.recorder_id}
        delegate_of = None if own else _delegated(step, scopes)
        if own or delegate_of is not None:
            found.append(WaitingStep(step, as_recommender=False, as_delegate_of=delegate_of))
        elif step.recommender_id == employee_id:
            found.append(WaitingStep(step, as_recommender=True))
    return found


def inbox(
    *, employee_id: int, on: dt.date, government: Government | None = None
) -> list[InboxEntry]:
    """Every step waiting for the employee, of every kind, with its subject (overdue first).

    Costs `waiting_steps` plus what each kind's `describe` needs, whatever the number of steps.
    """
    waiting = waiting_steps(employee_id=employee_id, on=on, government=government)
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
