"""The workflow engine: the only writer of workflow state (ARCHITECTURE §3.3).

Every transition is check-and-set: the instance row is updated only `WHERE version = n AND
status = OPEN AND current_step = <step>`; the step row only `WHERE status = OPEN`. Two concurrent
decisions on one step therefore cannot both win — the loser gets StaleState — on SQLite
(IMMEDIATE transactions serialise writers) and on PostgreSQL (the second UPDATE re-checks the
row after the first commits) alike.

The engine knows no subject: the subject app's hooks (by workflow kind) give the typed role map,
the guard conditions, the checks and writes at a decision and the letters' body.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from sikerja.audit.services import event_record
from sikerja.core.errors import NotFound, RuleViolation, StaleState, ValidationFailed
from sikerja.organization.models import Delegation, Employee
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
from sikerja.workflows.actors import ActorContext, Parties
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
) -> WorkflowInstance:
    """Start an instance of a definition and open its first step for its resolved actor.

    `first_due_at` gives the first step a due date of the subject's own (a periodic report is
    due after its period ends) instead of the step's days.

    Raises: RuleViolation (no official holds the first step's role), StaleState (the subject
    already has an open instance).
    """
    definition = definition_of(pack, key)
    with transaction.atomic():
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
        ctx = ActorContext(pack, definition.kind, parties, government_id, on)
        first = open_step(instance, definition, definition.step(definition.start), ctx, at=at)
        if first_due_at is not None:
            WorkflowStep.objects.filter(pk=first.pk).update(due_at=first_due_at)
        audit(instance, None, "workflow.started", at, after={"definition": key})
    return instance


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
    instance = step.instance
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
    with transaction.atomic():
        compare_and_set(instance, step, at)
        _record(step, by, decision, reason, data, at)
        hooks.apply_decision(instance=instance, step=spec, decision=decision, data=data)
        _issue_and_advance(instance, definition, spec, step, decision, reason, data, at, on)
        audit(
            instance,
            by,
            "workflow.step_decided",
            at,
            after={"step": step.step_key, "decision": decision, "reason": reason.strip()},
            citation=step.citation,
        )
    step.refresh_from_db()
    return step


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
) -> None:
    pack = load_pack(instance.pack_id)
    ctx = context_for(instance, pack, on)
    if letters_too:
        letters.issue_for_decision(
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
        return
    target = _target(instance, spec, decision, data, on)
    if target in TERMINALS:
        _close(instance, target, at, on)
        return
    open_step(instance, definition, definition.step(target), ctx, at=at)


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


def compare_and_set(instance: WorkflowInstance, step: WorkflowStep, at: dt.datetime) -> None:
    updated = WorkflowInstance.objects.filter(
        pk=instance.pk,
        version=instance.version,
        status=WorkflowInstance.Status.OPEN,
        current_step=step.step_key,
    ).update(version=F("version") + 1, updated_at=at)
    claimed = WorkflowStep.objects.filter(pk=step.pk, status=WorkflowStep.Status.OPEN).update(
        updated_at=at
    )
    if updated != 1 or claimed != 1:
        raise StaleState(_("Permohonan ini sudah diputuskan oleh pihak lain; muat ulang halaman."))
    instance.version += 1


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
