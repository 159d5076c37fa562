"""Instance lifecycle outside decisions: withdrawal by the requester, re-routing after a
placement change (audited), and the check behind the daily re-route command."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from sikerja.audit.services import event_record
from sikerja.core.errors import NotFound, StaleState, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.organization.officials import official_named
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.workflows import SYSTEM_ACTOR, is_chain
from sikerja.workflows.actors import ResolvedActor
from sikerja.workflows.engine import audit, compare_and_set, context_for, definition_of
from sikerja.workflows.errors import WorkflowErrorCode
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from sikerja.workflows.opening import chain_rest, open_step, reopen_chain


def instance_withdraw(*, instance_id: int, by: Employee, at: dt.datetime) -> WorkflowInstance:
    """The requester withdraws an open request before anyone else decided it [product decision].

    Open member instances of a team request are withdrawn with it.
    """
    instance = WorkflowInstance.objects.filter(
        pk=instance_id, requester=by, parent__isnull=True
    ).first()
    if instance is None:
        raise NotFound()
    family = [instance.pk, *instance.children.values_list("pk", flat=True)]
    decided_by_others = (
        WorkflowStep.objects.filter(instance_id__in=family, status=WorkflowStep.Status.DECIDED)
        .exclude(decided_by=by)
        .exclude(decided_by__isnull=True)
    )
    if instance.status != WorkflowInstance.Status.OPEN or decided_by_others.exists():
        raise _not_withdrawable(instance)
    with transaction.atomic():
        _withdrawn(instance, at)
        WorkflowInstance.objects.filter(
            parent=instance, status=WorkflowInstance.Status.OPEN
        ).update(status=WorkflowInstance.Status.WITHDRAWN, current_step="", closed_at=at)
        WorkflowStep.objects.filter(
            instance_id__in=family,
            status__in=[WorkflowStep.Status.OPEN, WorkflowStep.Status.PENDING],
        ).update(status=WorkflowStep.Status.CANCELLED)
        audit(instance, by, "workflow.withdrawn", at)
    instance.refresh_from_db()
    return instance


def _withdrawn(instance: WorkflowInstance, at: dt.datetime) -> None:
    """Check-and-set an open instance to withdrawn. Raises StaleState if it changed first."""
    updated = WorkflowInstance.objects.filter(
        pk=instance.pk, version=instance.version, status=WorkflowInstance.Status.OPEN
    ).update(
        status=WorkflowInstance.Status.WITHDRAWN,
        current_step="",
        closed_at=at,
        version=F("version") + 1,
    )
    if updated != 1:
        raise StaleState(_("Permohonan ini sudah berubah; muat ulang halaman."))


def _not_withdrawable(instance: WorkflowInstance) -> ValidationFailed:
    """A request someone else decided: while it is open, the officials of its open steps may
    end it, so the refusal names them."""
    refusal = ValidationFailed(
        code=WorkflowErrorCode.NOT_WITHDRAWABLE,
        message=_("Permohonan hanya dapat ditarik sebelum diputuskan pihak lain."),
    )
    if instance.status != WorkflowInstance.Status.OPEN:
        return refusal
    deciding = instance.steps.filter(status=WorkflowStep.Status.OPEN).order_by("seq")
    officials = tuple(
        dict.fromkeys(
            official_named(step.actor_name, step.actor_position, step.actor_acting)
            for step in deciding
            if step.actor_name
        )
    )
    if not officials:
        return refusal
    refusal.instead = officials
    refusal.next_step = _(
        "Sampaikan kepada %(name)s, yang kini memutuskan permohonan ini, bahwa permohonan tidak "
        "lagi diperlukan."
    ) % {"name": officials[0].name}
    return refusal


def _fresh_actor(step: WorkflowStep, on: dt.date) -> ResolvedActor | None:
    """The actor the open step would have today; None when it cannot be re-resolved.

    A node of a chain is the node at its place in the chain resolved today (the nodes already
    decided stay as they were); fan-out steps keep their snapshot.
    """
    instance = step.instance
    if step.actor_expression == SYSTEM_ACTOR:
        return None
    pack = load_pack(instance.pack_id)
    spec = definition_of(pack, instance.definition_key).step(step.step_key)
    ctx = context_for(instance, pack, on)
    if spec.is_chain:
        rest = chain_rest(ctx, spec, step.chain_index)
        return rest[0] if rest else None
    if is_chain(step.actor_expression):
        return None
    return ctx.resolve(step.actor_expression)


def step_needs_reroute(step: WorkflowStep, on: dt.date) -> ResolvedActor | None:
    """The actor the open step would have today, if different from its snapshot."""
    fresh = _fresh_actor(step, on)
    if fresh is None or fresh.external or fresh.employee_id == step.actor_id:
        return None
    return fresh


def instance_reroute(
    *,
    instance_id: int,
    operator_label: str,
    operator_user_id: int | None,
    at: dt.datetime,
    on: dt.date,
) -> WorkflowStep | None:
    """Re-resolve the open step's actor after a placement change; audited. None if unchanged."""
    instance = WorkflowInstance.objects.filter(
        pk=instance_id, status=WorkflowInstance.Status.OPEN
    ).first()
    if instance is None:
        raise NotFound()
    step = instance.steps.get(status=WorkflowStep.Status.OPEN)
    fresh = step_needs_reroute(step, on)
    if fresh is None:
        return None
    pack = load_pack(instance.pack_id)
    definition = definition_of(pack, instance.definition_key)
    spec = definition.step(step.step_key)
    ctx = context_for(instance, pack, on)
    with transaction.atomic():
        compare_and_set(instance, step, at)
        WorkflowStep.objects.filter(
            instance=instance,
            step_key=step.step_key,
            status__in=[WorkflowStep.Status.OPEN, WorkflowStep.Status.PENDING],
        ).update(status=WorkflowStep.Status.CANCELLED)
        if spec.is_chain:
            new_step = reopen_chain(instance, spec, ctx, step.chain_index, at=at)
        else:
            new_step = open_step(instance, definition, spec, ctx, at=at)
        event_record(
            government_id=instance.government_id,
            actor_user_id=operator_user_id,
            actor_label=operator_label,
            action="workflow.rerouted",
            object_type="workflows.workflowinstance",
            object_id=str(instance.pk),
            at=at,
            before={"step": step.pk, "actor": step.actor_id},
            after={"step": new_step.pk, "actor": new_step.actor_id},
            rule=fresh.rule,
            citation=fresh.citation,
        )
    return new_step


def instances_close_open(
    *, instance_ids: list[int], at: dt.datetime, reason: str, citation: str = ""
) -> int:
    """Withdraw open instances whose subject has ended (a team's reports once its work is
    declared complete), by the system, each audited; their open and waiting steps cancelled.
    Call inside the caller's transaction. Returns how many were closed."""
    closed = 0
    for instance in WorkflowInstance.objects.filter(
        pk__in=instance_ids, status=WorkflowInstance.Status.OPEN
    ).order_by("pk"):
        _withdrawn(instance, at)
        instance.steps.filter(
            status__in=[WorkflowStep.Status.OPEN, WorkflowStep.Status.PENDING]
        ).update(status=WorkflowStep.Status.CANCELLED)
        audit(instance, None, "workflow.withdrawn", at, after={"reason": reason}, citation=citation)
        closed += 1
    return closed
