"""Deciding a step: the checks, the claim (check-and-set), the subject's writes, the letters,
and what comes next (the next step, a chain's next node, or the instance closed).

`engine` is the door: `step_decide` and `instance_submit` find the step and the caller and
call `decide`; `lifecycle` re-routes and withdraws with the same claim and audit.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from sikerja.audit.services import event_record
from sikerja.core.errors import NotFound, RuleViolation, StaleState, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.organization.officials import official_for
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.workflows import (
    PASSING,
    SYSTEM_ACTOR,
    TERMINALS,
    Decision,
    FlowCore,
    StepSpec,
)
from sikerja.workflows import events, letters
from sikerja.workflows.actors import ActorContext
from sikerja.workflows.due_dates import step_due_at
from sikerja.workflows.errors import WorkflowErrorCode
from sikerja.workflows.hooks import RuleWarning, SubjectHooks, hooks_for
from sikerja.workflows.models import Recommendation, WorkflowInstance, WorkflowStep
from sikerja.workflows.opening import MEMBER_STEP, open_step

TERMINAL_STATUS = {
    "@approved": WorkflowInstance.Status.APPROVED,
    "@rejected": WorkflowInstance.Status.REJECTED,
    "@withdrawn": WorkflowInstance.Status.WITHDRAWN,
}


def definition_of(pack: LoadedPack, key: str) -> FlowCore:
    """The pack's definition under a key (any kind); `KEY#step` is a per-member step's flow."""
    if MEMBER_STEP in key:
        return _member_flow(pack.id, key)
    definition = pack.data.workflows.get(key)
    if definition is None:
        raise NotFound(
            _("Alur %(flow)s tidak ada dalam %(pack)s.") % {"flow": key, "pack": pack.short}
        )
    return definition


@functools.cache
def _member_flow(pack_id: str, key: str) -> FlowCore:
    parent_key, step_id = key.split(MEMBER_STEP, 1)
    return load_pack(pack_id).data.workflows[parent_key].member_flow(step_id)


def context_for(instance: WorkflowInstance, pack: LoadedPack, on: dt.date) -> ActorContext:
    """Resolve the instance's actor expressions on a day through its kind's role map."""
    parties = hooks_for(instance.kind).parties_from_json(instance.parties)
    return ActorContext(pack, instance.kind, parties, instance.government_id, on)


@dataclass(frozen=True)
class Advance:
    """What a decision did after its own step: the letters it issued and the step row it opened
    (None when it closed the instance or passed a chain on to its next node)."""

    letters: list[Any]
    opened: WorkflowStep | None


def plain(step: WorkflowStep) -> bool:
    """A step of one row with its own actor (not a chain's node, not a members' fan-out)."""
    return step.chain_length == 1 and step.actor_expression != SYSTEM_ACTOR


def decide(
    instance: WorkflowInstance,
    step: WorkflowStep,
    by: Employee,
    decision: str,
    at: dt.datetime,
    on: dt.date,
    *,
    reason: str = "",
    justification: str = "",
    data: dict[str, Any] | None = None,
    ctx: ActorContext | None = None,
    next_seq: int | None = None,
    savepoint: bool = True,
) -> Advance:
    """Check and record a decision on an open step the caller may act on, then advance; a
    refusal midway undoes what it wrote (`savepoint=False`: the caller's block undoes it).

    `ctx` and `next_seq` are what the caller knows already: the context that resolved this
    instance's actors, and the seq of the next row when the decided one is the newest."""
    pack = load_pack(instance.pack_id)
    definition = definition_of(pack, instance.definition_key)
    spec = definition.step(step.step_key)
    hooks = hooks_for(instance.kind)
    data = dict(data or {})
    _check_decision(pack, spec, step, decision, reason, on)
    warnings = hooks.check_decision(
        instance=instance, step=spec, decision=decision, data=data, on=on
    )
    data["justifications"] = justify(warnings, justification)
    parties = instance.parties
    with transaction.atomic(savepoint=savepoint):
        _claim(instance, step, by, decision, reason, data, at)
        hooks.apply_decision(instance=instance, step=spec, decision=decision, data=data)
        if ctx is not None and instance.parties != parties:
            ctx = None  # the decision changed the role map: resolve afresh
        advance = _issue_and_advance(
            instance,
            definition,
            spec,
            step,
            decision,
            reason,
            data,
            at,
            on,
            ctx=ctx,
            next_seq=next_seq,
        )
        audit(
            instance,
            by,
            "workflow.step_decided",
            at,
            after={"step": step.step_key, "decision": decision, "reason": reason.strip()},
            citation=step.citation,
        )
    return advance


def _claim(
    instance: WorkflowInstance,
    step: WorkflowStep,
    by: Employee,
    decision: str,
    reason: str,
    data: dict[str, Any],
    at: dt.datetime,
) -> None:
    """`compare_and_set` with the decision written by the step's claiming UPDATE itself; the
    step object in hand takes the values written."""
    record = {
        "status": WorkflowStep.Status.DECIDED,
        "decision": decision,
        "reason": reason.strip(),
        "data": data,
        "decided_by": by,
        "decided_at": at,
        "updated_at": at,
    }
    compare_and_set(instance, step, at, record=record)
    for name, value in record.items():
        setattr(step, name, value)


def _record(
    step: WorkflowStep,
    by: Employee | None,
    decision: str,
    reason: str,
    data: dict[str, Any],
    at: dt.datetime,
) -> None:
    WorkflowStep.objects.filter(pk=step.pk).update(
        status=WorkflowStep.Status.DECIDED,
        decision=decision,
        reason=reason.strip(),
        data=data,
        decided_by=by,
        decided_at=at,
    )


def _issue_and_advance(
    instance: WorkflowInstance,
    definition: FlowCore,
    spec: StepSpec,
    step: WorkflowStep,
    decision: str,
    reason: str,
    data: dict[str, Any],
    at: dt.datetime,
    on: dt.date,
    letters_too: bool = True,
    ctx: ActorContext | None = None,
    next_seq: int | None = None,
) -> Advance:
    pack = load_pack(instance.pack_id)
    ctx = ctx or context_for(instance, pack, on)
    issued: list[Any] = []
    if letters_too:
        issued = letters.issue_for_decision(
            instance,
            step,
            spec.documents.get(Decision(decision), ()),
            ctx,
            at=at,
            on=on,
            reason=reason,
            decision=decision,
            data=data,
        )
    if spec.is_chain and _next_node(instance, spec, step, decision, at):
        return Advance(issued, None)
    target = _target(instance, spec, decision, data, on)
    if target in TERMINALS:
        _close(instance, target, at, on)
        return Advance(issued, None)
    opened = open_step(instance, definition, definition.step(target), ctx, at=at, seq=next_seq)
    return Advance(issued, opened)


def _next_node(
    instance: WorkflowInstance, spec: StepSpec, step: WorkflowStep, decision: str, at: dt.datetime
) -> bool:
    """Pass a chain on to its next node; a non-passing decision cancels the rest."""
    pending = instance.steps.filter(
        step_key=spec.id, status=WorkflowStep.Status.PENDING, seq__gt=step.seq
    ).order_by("seq")
    if decision not in PASSING:
        pending.update(status=WorkflowStep.Status.CANCELLED)
        return False
    node = pending.first()
    if node is None:
        return False
    count = load_pack(instance.pack_id).parameters.deadline_days_count
    due = step_due_at(at, spec.deadline_days, count)
    WorkflowStep.objects.filter(pk=node.pk).update(
        status=WorkflowStep.Status.OPEN, opened_at=at, due_at=due
    )
    events.publish_on_commit(events.STEP_OPENED, step_id=node.pk)
    return True


def _target(
    instance: WorkflowInstance, spec: StepSpec, decision: str, data: dict[str, Any], on: dt.date
) -> str:
    """The first guarded transition whose condition holds, else the step's plain next."""
    hooks = hooks_for(instance.kind)
    for transition in spec.transitions:
        if transition.decision != decision:
            continue
        if _holds(hooks, transition.when, instance, data, on):
            return transition.to
    return spec.next[Decision(decision)]


def _holds(
    hooks: SubjectHooks, when: str, instance: WorkflowInstance, data: dict[str, Any], on: dt.date
) -> bool:
    negate = when.startswith("!")
    value = hooks.evaluate(when.lstrip("!"), instance=instance, data=data, on=on)
    return not value if negate else value


def _close(instance: WorkflowInstance, target: str, at: dt.datetime, on: dt.date) -> None:
    WorkflowInstance.objects.filter(pk=instance.pk).update(
        status=TERMINAL_STATUS[target], current_step="", closed_at=at
    )
    instance.status = TERMINAL_STATUS[target]
    events.publish_on_commit(events.INSTANCE_CLOSED, instance_id=instance.pk)
    if instance.parent_id is not None:
        _child_closed(instance, at, on)


def _child_closed(child: WorkflowInstance, at: dt.datetime, on: dt.date) -> None:
    """When the last member's child closes, the engine decides the parent's fan-out step."""
    if child.parent_id is None:
        return
    # Lock the parent so that two members answering at once cannot both miss (or both take)
    # the last answer: the second waits, then reads the first one's committed child.
    parent = WorkflowInstance.objects.select_for_update().get(pk=child.parent_id)
    prefix = child.party_key.split(".", 1)[0] + "."
    siblings = list(parent.children.filter(party_key__startswith=prefix).order_by("pk"))
    if any(s.status == WorkflowInstance.Status.OPEN for s in siblings):
        return
    pack = load_pack(parent.pack_id)
    definition = definition_of(pack, parent.definition_key)
    step = parent.steps.get(status=WorkflowStep.Status.OPEN)
    if step.actor_expression != SYSTEM_ACTOR:
        return
    spec = definition.step(step.step_key)
    approved = [s for s in siblings if s.status == WorkflowInstance.Status.APPROVED]
    passed = len(approved) == len(siblings) if spec.join == "all" else bool(approved)
    decision = spec.passing_decision() or Decision.APPROVE
    if not passed:
        decision = Decision.REJECT
    hooks_for(parent.kind).children_closed(parent=parent, children=siblings, step=spec)
    parent.refresh_from_db(fields=["parties"])
    compare_and_set(parent, step, at)
    data = {"members": {s.party_key: s.status for s in siblings}}
    _record(step, None, decision, "", data, at)
    # A per-member step's letters were issued to each member in their own child instance.
    letters_too = not spec.per_member
    _issue_and_advance(parent, definition, spec, step, decision, "", data, at, on, letters_too)
    audit(
        parent,
        None,
        "workflow.step_decided",
        at,
        after={"step": step.step_key, "decision": decision},
    )


def _check_decision(
    pack: LoadedPack, spec: StepSpec, step: WorkflowStep, decision: str, reason: str, on: dt.date
) -> None:
    if decision not in spec.decisions:
        raise ValidationFailed(
            code=WorkflowErrorCode.INVALID_DECISION,
            message=_("Keputusan “%(decision)s” tidak tersedia pada langkah ini.")
            % {"decision": decision},
            fields={
                "decision": _("Pilih salah satu: %(list)s") % {"list": ", ".join(spec.decisions)}
            },
        )
    if decision in spec.reason_required and not reason.strip():
        raise RuleViolation(
            code=WorkflowErrorCode.REASON_REQUIRED,
            message=_("Alasan wajib diisi untuk keputusan ini."),
            rule=spec.reason_rule,
            citation=pack.citation_of(spec.reason_rule),
            fields={"reason": _("Wajib diisi.")},
        )
    recommender_id = step.recommender_id if decision == Decision.APPROVE else None
    if recommender_id is not None and not Recommendation.objects.filter(step=step).exists():
        raise _recommendation_required(pack, spec, Employee.objects.get(pk=recommender_id), on)


def _recommendation_required(
    pack: LoadedPack, spec: StepSpec, by: Employee, on: dt.date
) -> RuleViolation:
    """Approval waits for the recommender: the refusal names them and says to remind them."""
    recommender = official_for(by, on)
    return RuleViolation(
        code=WorkflowErrorCode.RECOMMENDATION_REQUIRED,
        message=_("Persetujuan memerlukan rekomendasi terlebih dahulu."),
        rule=spec.recommendation_rule,
        citation=pack.citation_of(spec.recommendation_rule),
        instead=(recommender,),
        next_step=_("Tunggu rekomendasi %(name)s, atau kirim pengingat kepadanya dari halaman ini.")
        % {"name": recommender.name},
    )


def justify(warnings: list[RuleWarning], justification: str) -> list[dict[str, str]]:
    """PREFERRED rules not met need a written justification, recorded with the decision."""
    if not warnings:
        return []
    if not justification.strip():
        raise ValidationFailed(
            code=WorkflowErrorCode.JUSTIFICATION_REQUIRED,
            message=" ".join(w.message for w in warnings),
            rule=warnings[0].rule,
            citation=warnings[0].citation,
            fields={
                "justification": _("Tuliskan alasan menyimpang dari ketentuan yang diutamakan.")
            },
        )
    return [
        {
            "rule": w.rule,
            "citation": w.citation,
            "message": w.message,
            "justification": justification.strip(),
        }
        for w in warnings
    ]


def compare_and_set(
    instance: WorkflowInstance,
    step: WorkflowStep,
    at: dt.datetime,
    *,
    record: dict[str, Any] | None = None,
) -> None:
    """Claim the open step: bump the instance's version where it is still at this step and
    version, and claim the step where it is still open (writing `record` to it); exactly one of
    two concurrent claims wins, the other gets StaleState."""
    updated = WorkflowInstance.objects.filter(
        pk=instance.pk,
        version=instance.version,
        status=WorkflowInstance.Status.OPEN,
        current_step=step.step_key,
    ).update(version=F("version") + 1, updated_at=at)
    claimed = WorkflowStep.objects.filter(pk=step.pk, status=WorkflowStep.Status.OPEN).update(
        **(record or {"updated_at": at})
    )
    if updated != 1 or claimed != 1:
        raise StaleState(_("Permohonan ini sudah diputuskan oleh pihak lain; muat ulang halaman."))
    instance.version += 1


def audit(
    instance: WorkflowInstance,
    by: Employee | None,
    action: str,
    at: dt.datetime,
    *,
    after: dict[str, Any] | None = None,
    citation: str = "",
) -> None:
    """Append the instance's audit event (the system when no employee acted)."""
    event_record(
        government_id=instance.government_id,
        actor_user_id=by.user_id if by else None,
        actor_label=by.nip if by else "system",
        action=action,
        object_type="workflows.workflowinstance",
        object_id=str(instance.pk),
        at=at,
        after=after,
        citation=citation,
    )
