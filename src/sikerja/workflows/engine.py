"""The workflow engine: the only writer of workflow state (ARCHITECTURE §3.3).

Every transition is check-and-set: the instance row is updated only `WHERE version = n AND
status = OPEN AND current_step = <step>`; the step row only `WHERE status = OPEN`. Two concurrent
decisions on one step therefore cannot both win — the loser gets StaleState — on SQLite
(IMMEDIATE transactions serialise writers) and on PostgreSQL (the second UPDATE re-checks the
row after the first commits) alike.

The engine knows no subject: the subject app's hooks (by workflow kind) give the typed role map,
the guard conditions, the checks and writes at a decision and the letters' body. This module
starts instances and finds who may decide what; `deciding` records a decision and advances.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.audit.services import events_held
from sikerja.core.errors import NotFound, StaleState, ValidationFailed
from sikerja.organization.models import Delegation, Employee
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.workflows import Decision, FlowCore
from sikerja.workflows.actors import ActorContext, Parties
from sikerja.workflows.deciding import audit as audit
from sikerja.workflows.deciding import compare_and_set as compare_and_set
from sikerja.workflows.deciding import context_for as context_for
from sikerja.workflows.deciding import decide, plain
from sikerja.workflows.deciding import definition_of as definition_of
from sikerja.workflows.deciding import justify as justify
from sikerja.workflows.errors import WorkflowErrorCode
from sikerja.workflows.models import Recommendation, WorkflowInstance, WorkflowStep
from sikerja.workflows.opening import open_rows


@dataclass(frozen=True)
class Submitted:
    """An instance started with its first step decided (`instance_submit`).

    `steps` are its step rows as written, in the order they were created, when the engine wrote
    each one whole itself (a plain first step and a plain next one); None otherwise (a chain's
    pending nodes, a member's child instance, a closing), when only a read gives them.
    """

    instance: WorkflowInstance
    steps: list[WorkflowStep] | None
    letters: list[Any]


def instance_start(
    *,
    government_id: int,
    pack: LoadedPack,
    key: str,
    subject_type: str,
    subject_id: int,
    parties: Parties,
    requester_id: int,
    at: dt.datetime,
    on: dt.date,
    parent: WorkflowInstance | None = None,
    party_key: str = "",
    first_due_at: dt.datetime | None = None,
    ctx: ActorContext | None = None,
) -> WorkflowInstance:
    """Start an instance of a definition and open its first step for its resolved actor.

    `first_due_at` gives the first step a due date of the subject's own (a periodic report is
    due after its period ends) instead of the step's days. `ctx` is the caller's context for
    the same pack, kind, parties, government and day, when it has resolved some of its
    expressions already (each is then resolved once per request).

    Raises: RuleViolation (no official holds the first step's role), StaleState (the subject
    already has an open instance).
    """
    definition = definition_of(pack, key)
    with transaction.atomic():
        instance, _first = _start(
            government_id=government_id,
            pack=pack,
            key=key,
            definition=definition,
            subject_type=subject_type,
            subject_id=subject_id,
            parties=parties,
            requester_id=requester_id,
            at=at,
            ctx=ctx or ActorContext(pack, definition.kind, parties, government_id, on),
            parent=parent,
            party_key=party_key,
            first_due_at=first_due_at,
        )
    return instance


def instance_submit(
    *,
    government_id: int,
    pack: LoadedPack,
    key: str,
    subject_type: str,
    subject_id: int,
    parties: Parties,
    by: Employee,
    at: dt.datetime,
    on: dt.date,
    decision: str = Decision.SUBMIT,
    justification: str = "",
    ctx: ActorContext | None = None,
    savepoint: bool = True,
) -> Submitted:
    """Start an instance and decide its first step as its requester, `by`, in one transaction:
    `instance_start` then `step_decide` on the step it opened, with the same checks, writes and
    audit events, without reading back what it has just written. The two events (and any of
    the letters it issues) are appended to the audit chain together.

    A refusal leaves nothing of it written. `savepoint=False` is for a caller whose own atomic
    block ends with this call's refusal (it catches nothing), where a savepoint of its own would
    only repeat that block's undoing.

    Raises what `instance_start` and `step_decide` raise (NotFound when `by` may not act on the
    first step).
    """
    definition = definition_of(pack, key)
    ctx = ctx or ActorContext(pack, definition.kind, parties, government_id, on)
    with transaction.atomic(savepoint=savepoint), events_held():
        instance, first = _start(
            government_id=government_id,
            pack=pack,
            key=key,
            definition=definition,
            subject_type=subject_type,
            subject_id=subject_id,
            parties=parties,
            requester_id=by.pk,
            at=at,
            ctx=ctx,
        )
        scope = definition.delegation_scope
        if by.government_id != government_id or not may_act(first, by.pk, on, scope):
            raise NotFound()
        # A new instance's one plain first row: the next row follows it.
        whole = plain(first) and not definition.step(first.step_key).is_chain
        advance = decide(
            instance,
            first,
            by,
            decision,
            at,
            on,
            justification=justification,
            ctx=ctx,
            next_seq=first.seq + 1 if whole else None,
            savepoint=False,
        )
    steps = [first, advance.opened] if advance.opened is not None else None
    whole = whole and steps is not None and all(plain(row) for row in steps)
    return Submitted(instance=instance, steps=steps if whole else None, letters=advance.letters)


def _start(
    *,
    government_id: int,
    pack: LoadedPack,
    key: str,
    definition: FlowCore,
    subject_type: str,
    subject_id: int,
    parties: Parties,
    requester_id: int,
    at: dt.datetime,
    ctx: ActorContext,
    parent: WorkflowInstance | None = None,
    party_key: str = "",
    first_due_at: dt.datetime | None = None,
) -> tuple[WorkflowInstance, WorkflowStep]:
    if WorkflowInstance.objects.filter(
        subject_type=subject_type,
        subject_id=subject_id,
        party_key=party_key,
        status=WorkflowInstance.Status.OPEN,
    ).exists():
        raise StaleState(_("Alur ini masih berjalan; selesaikan atau tarik dulu."))
    instance = WorkflowInstance.objects.create(
        government_id=government_id,
        pack_id=pack.id,
        kind=definition.kind,
        definition_key=key,
        definition_id=definition.id,
        subject_type=subject_type,
        subject_id=subject_id,
        parent=parent,
        party_key=party_key,
        parties=parties.as_json(),
        requester_id=requester_id,
        current_step=definition.start,
        started_at=at,
    )
    # A new instance: no step yet (the first is seq 1) and its current step already set.
    first = open_rows(instance, definition, definition.step(definition.start), ctx, 1, at=at)
    if first_due_at is not None:
        WorkflowStep.objects.filter(pk=first.pk).update(due_at=first_due_at)
        first.due_at = first_due_at
    audit(instance, None, "workflow.started", at, after={"definition": key})
    return instance, first


def may_act(step: WorkflowStep, employee_id: int, on: dt.date, scope: str | None = None) -> bool:
    """The step's actor, its recorder (external parties), or an active delegate of either.

    A delegate acts only under the delegation scope the step's definition names (appointments
    by default).
    """
    principals = {pk for pk in (step.actor_id, step.recorder_id) if pk is not None}
    if employee_id in principals:
        return True
    if not principals:
        return False
    if scope is None:
        instance = step.instance
        scope = definition_of(load_pack(instance.pack_id), instance.definition_key).delegation_scope
    return (
        Delegation.objects.effective_on(on)
        .filter(from_employee_id__in=principals, to_employee_id=employee_id, scope=scope)
        .exists()
    )


def _step_for(step_id: int, by: Employee, on: dt.date) -> WorkflowStep:
    step = WorkflowStep.objects.select_related("instance").filter(pk=step_id).first()
    if (
        step is None
        or step.instance.government_id != by.government_id
        or not may_act(step, by.pk, on)
    ):
        raise NotFound()
    if step.status != WorkflowStep.Status.OPEN:
        raise StaleState(_("Langkah ini sudah diputuskan atau dialihkan."))
    return step


def step_decide(
    *,
    step_id: int,
    by: Employee,
    decision: str,
    at: dt.datetime,
    on: dt.date,
    reason: str = "",
    justification: str = "",
    data: dict[str, Any] | None = None,
) -> WorkflowStep:
    """Decide an open step; issue its documents; open the next step or close the instance.

    Raises: NotFound (not the actor or delegate), StaleState (someone decided first),
    ValidationFailed / RuleViolation (reason, recommendation, pack rules).
    """
    step = _step_for(step_id, by, on)
    decide(
        step.instance,
        step,
        by,
        decision,
        at,
        on,
        reason=reason,
        justification=justification,
        data=data,
    )
    step.refresh_from_db()
    return step


def step_recommend(
    *,
    step_id: int,
    by: Employee,
    text: str,
    at: dt.datetime,
    recommended_ids: list[int] | None = None,
) -> Recommendation:
    """Record the recommendation a step waits for (only its snapshotted recommender)."""
    step = (
        WorkflowStep.objects.select_related("instance").filter(pk=step_id, recommender=by).first()
    )
    if step is None:
        raise NotFound()
    if step.status != WorkflowStep.Status.OPEN:
        raise StaleState(_("Langkah ini sudah diputuskan."))
    if not text.strip():
        raise ValidationFailed(
            code=WorkflowErrorCode.INVALID_DECISION,
            message=_("Isi rekomendasi wajib diisi."),
            fields={"text": _("Wajib diisi.")},
        )
    with transaction.atomic():
        recommendation = Recommendation.objects.create(
            government_id=step.government_id,
            step=step,
            by=by,
            text=text.strip(),
            recommended_ids=list(recommended_ids or []),
            at=at,
        )
        audit(step.instance, by, "workflow.recommended", at, after={"step": step.step_key})
    return recommendation
