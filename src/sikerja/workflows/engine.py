"""The workflow engine: the only writer of workflow state (ARCHITECTURE §3.3).

Every transition is check-and-set: the instance row is updated only `WHERE version = n AND
status = OPEN AND current_step = <step>`; the step row only `WHERE status = OPEN`. Two concurrent
decisions on one step therefore cannot both win — the loser gets StaleState — on SQLite
(IMMEDIATE transactions serialise writers) and on PostgreSQL (the second UPDATE re-checks the
row after the first commits) alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from sikerja.audit.services import event_record
from sikerja.core.errors import NotFound, RuleViolation, StaleState, ValidationFailed
from sikerja.organization.models import Delegation, Employee, Government
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.workflows import (
    TERMINALS,
    Decision,
    StepSpec,
    Subject,
    WorkflowDefinition,
)
from sikerja.workflows import hooks as subject_hooks
from sikerja.workflows import letters
from sikerja.workflows.errors import WorkflowErrorCode
from sikerja.workflows.models import Recommendation, WorkflowInstance, WorkflowStep
from sikerja.workflows.parties import Parties, PartyResolver, ResolvedActor

TERMINAL_STATUS = {
    "@approved": WorkflowInstance.Status.APPROVED,
    "@rejected": WorkflowInstance.Status.REJECTED,
    "@withdrawn": WorkflowInstance.Status.WITHDRAWN,
}


def _cite(pack: LoadedPack, rule_id: str) -> str:
    return pack.citation_of(rule_id)


def definition_for(
    pack: LoadedPack, workflow_id: str, subject: str
) -> tuple[str, WorkflowDefinition]:
    """The pack's definition of a flow for a subject, or the rule that forbids it."""
    team_key = f"{workflow_id}-TEAM"
    key = team_key if subject == Subject.TEAM and team_key in pack.data.workflows else workflow_id
    definition = pack.data.workflows.get(key)
    if definition is None:
        raise RuleViolation(
            code=WorkflowErrorCode.FLOW_NOT_PROVIDED,
            message=_("Alur %(flow)s tidak diatur dalam %(pack)s.")
            % {"flow": workflow_id, "pack": pack.data.pack.instrument},
            citation=pack.short,
        )
    if not definition.allowed:
        raise RuleViolation(
            code=WorkflowErrorCode.FLOW_FORBIDDEN,
            message=_("%(flow)s tidak diperbolehkan menurut %(pack)s.")
            % {"flow": definition.label, "pack": pack.short},
            rule=definition.refusal_rule,
            citation=_cite(pack, definition.refusal_rule),
        )
    if subject not in definition.subjects:
        raise RuleViolation(
            code=WorkflowErrorCode.SUBJECT_NOT_ALLOWED,
            message=_("%(flow)s tidak berlaku untuk penugasan %(subject)s.")
            % {"flow": definition.label, "subject": subject.lower()},
            citation="; ".join(pack.cite(c) for c in definition.citations),
        )
    return key, definition


def instance_start(
    *,
    government: Government,
    pack: LoadedPack,
    key: str,
    subject_type: str,
    subject_id: int,
    parties: Parties,
    at: dt.datetime,
    on: dt.date,
) -> WorkflowInstance:
    """Start an instance of a definition and open its first step for its resolved actor."""
    definition = pack.data.workflows[key]
    resolver = PartyResolver(pack, parties, on)
    with transaction.atomic():
        instance = WorkflowInstance.objects.create(
            government=government,
            pack_id=pack.id,
            definition_key=key,
            definition_id=definition.id,
            subject_type=subject_type,
            subject_id=subject_id,
            parties=parties.as_json(),
            requester_id=parties.requester,
            current_step=definition.start,
            started_at=at,
        )
        _open_step(instance, definition.step(definition.start), resolver, seq=1, at=at)
        _audit(instance, None, "workflow.started", at, after={"definition": key})
    return instance


def _open_step(
    instance: WorkflowInstance,
    spec: StepSpec,
    resolver: PartyResolver,
    *,
    seq: int,
    at: dt.datetime,
) -> WorkflowStep:
    actor = resolver.resolve(spec.actor)
    if actor.person is None and actor.recorder is None:
        raise RuleViolation(
            code=WorkflowErrorCode.NO_ACTOR,
            message=_(
                "Langkah “%(step)s” tidak dapat dibuka: tidak ada pejabat yang menduduki jabatan itu."
            )
            % {"step": spec.label},
            rule=actor.rule,
            citation=actor.citation,
        )
    recommender = (
        resolver.resolve(spec.recommendation_from).person if spec.recommendation_from else None
    )
    step = WorkflowStep.objects.create(
        instance=instance,
        seq=seq,
        step_key=spec.id,
        label=spec.label,
        actor_expression=spec.actor,
        actor_id=actor.employee_id if not actor.external else None,
        actor_name=actor.person.name if actor.person else actor.agency_name,
        actor_position=actor.person.position_title if actor.person else "",
        actor_acting=actor.person.acting if actor.person else "",
        actor_rule=actor.rule,
        actor_citation=actor.citation,
        recorder_id=actor.recorder.employee_id if actor.external and actor.recorder else None,
        recommender_id=recommender.employee_id if recommender else None,
        opened_at=at,
        due_at=at + dt.timedelta(days=spec.deadline_days) if spec.deadline_days else None,
        citation=resolver.pack.cite(spec.citation),
    )
    transaction.on_commit(lambda: _notify_opened(step.pk))
    return step


def _notify_opened(step_id: int) -> None:
    from sikerja.notifications.services import notify_step_opened

    notify_step_opened(step_id=step_id)


def may_act(step: WorkflowStep, employee_id: int, on: dt.date) -> bool:
    """The step's actor, its recorder (external parties), or an active delegate of either."""
    principals = {pk for pk in (step.actor_id, step.recorder_id) if pk is not None}
    if employee_id in principals:
        return True
    return (
        Delegation.objects.effective_on(on)
        .filter(
            from_employee_id__in=principals,
            to_employee_id=employee_id,
            scope=Delegation.Scope.APPOINTMENT,
        )
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
    definition = pack.data.workflows[instance.definition_key]
    spec = definition.step(step.step_key)
    data = dict(data or {})
    _check_decision(pack, spec, step, decision, reason)
    warnings = _subject_checks(instance, spec, decision, data, on)
    data["justifications"] = _justify(pack, warnings, justification)
    with transaction.atomic():
        _compare_and_set(instance, step, at)
        WorkflowStep.objects.filter(pk=step.pk).update(
            status=WorkflowStep.Status.DECIDED,
            decision=decision,
            reason=reason.strip(),
            data=data,
            decided_by=by,
            decided_at=at,
        )
        _apply(instance, spec, decision, data)
        resolver = PartyResolver(pack, Parties.from_json(instance.parties), on)
        letters.issue_for_decision(
            instance,
            step,
            spec.documents.get(Decision(decision), ()),
            resolver,
            at=at,
            on=on,
            reason=reason,
            decision=decision,
            data=data,
        )
        _advance(instance, spec.next[Decision(decision)], definition, resolver, step.seq, at)
        _audit(
            instance,
            by,
            "workflow.step_decided",
            at,
            after={"step": step.step_key, "decision": decision, "reason": reason.strip()},
            citation=step.citation,
        )
    step.refresh_from_db()
    return step


def _check_decision(
    pack: LoadedPack, spec: StepSpec, step: WorkflowStep, decision: str, reason: str
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
            citation=_cite(pack, spec.reason_rule),
            fields={"reason": _("Wajib diisi.")},
        )
    needs_recommendation = decision == Decision.APPROVE and step.recommender_id is not None
    if needs_recommendation and not Recommendation.objects.filter(step=step).exists():
        raise RuleViolation(
            code=WorkflowErrorCode.RECOMMENDATION_REQUIRED,
            message=_("Persetujuan memerlukan rekomendasi terlebih dahulu."),
            rule=spec.recommendation_rule,
            citation=_cite(pack, spec.recommendation_rule),
        )


def _subject_checks(
    instance: WorkflowInstance, spec: StepSpec, decision: str, data: dict[str, Any], on: dt.date
) -> list[subject_hooks.RuleWarning]:
    hooks = subject_hooks.hooks_for(instance.subject_type)
    if hooks is None:
        return []
    return hooks.check_decision(instance=instance, step=spec, decision=decision, data=data, on=on)


def _justify(
    pack: LoadedPack, warnings: list[subject_hooks.RuleWarning], justification: str
) -> list[dict[str, str]]:
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
    del pack
    return [
        {
            "rule": w.rule,
            "citation": w.citation,
            "message": w.message,
            "justification": justification.strip(),
        }
        for w in warnings
    ]


def _apply(instance: WorkflowInstance, spec: StepSpec, decision: str, data: dict[str, Any]) -> None:
    hooks = subject_hooks.hooks_for(instance.subject_type)
    if hooks is not None:
        hooks.apply_decision(instance=instance, step=spec, decision=decision, data=data)


def _compare_and_set(instance: WorkflowInstance, step: WorkflowStep, at: dt.datetime) -> None:
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


def _advance(
    instance: WorkflowInstance,
    target: str,
    definition: WorkflowDefinition,
    resolver: PartyResolver,
    seq: int,
    at: dt.datetime,
) -> None:
    if target in TERMINALS:
        WorkflowInstance.objects.filter(pk=instance.pk).update(
            status=TERMINAL_STATUS[target], current_step="", closed_at=at
        )
        return
    _open_step(instance, definition.step(target), resolver, seq=seq + 1, at=at)
    WorkflowInstance.objects.filter(pk=instance.pk).update(current_step=target)


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
            step=step, by=by, text=text.strip(), recommended_ids=list(recommended_ids or []), at=at
        )
        _audit(step.instance, by, "workflow.recommended", at, after={"step": step.step_key})
    return recommendation


def instance_withdraw(*, instance_id: int, by: Employee, at: dt.datetime) -> WorkflowInstance:
    """The requester withdraws an open request before anyone else decided it [product decision]."""
    instance = WorkflowInstance.objects.filter(pk=instance_id, requester=by).first()
    if instance is None:
        raise NotFound()
    decided_by_others = instance.steps.filter(status=WorkflowStep.Status.DECIDED).exclude(
        decided_by=by
    )
    if instance.status != WorkflowInstance.Status.OPEN or decided_by_others.exists():
        raise ValidationFailed(
            code=WorkflowErrorCode.NOT_WITHDRAWABLE,
            message=_("Permohonan hanya dapat ditarik sebelum diputuskan pihak lain."),
        )
    with transaction.atomic():
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
        instance.steps.filter(status=WorkflowStep.Status.OPEN).update(
            status=WorkflowStep.Status.CANCELLED
        )
        _audit(instance, by, "workflow.withdrawn", at)
    instance.refresh_from_db()
    return instance


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
    pack = load_pack(instance.pack_id)
    definition = pack.data.workflows[instance.definition_key]
    resolver = PartyResolver(pack, Parties.from_json(instance.parties), on)
    fresh = resolver.resolve(step.actor_expression)
    if fresh.employee_id == step.actor_id and not fresh.external:
        return None
    with transaction.atomic():
        _compare_and_set(instance, step, at)
        WorkflowStep.objects.filter(pk=step.pk).update(status=WorkflowStep.Status.CANCELLED)
        new_step = _open_step(
            instance, definition.step(step.step_key), resolver, seq=step.seq + 1, at=at
        )
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


def step_needs_reroute(step: WorkflowStep, on: dt.date) -> ResolvedActor | None:
    """The actor the open step would have today, if different from its snapshot."""
    instance = step.instance
    pack = load_pack(instance.pack_id)
    fresh = PartyResolver(pack, Parties.from_json(instance.parties), on).resolve(
        step.actor_expression
    )
    if fresh.external or fresh.employee_id == step.actor_id:
        return None
    return fresh


def _audit(
    instance: WorkflowInstance,
    by: Employee | None,
    action: str,
    at: dt.datetime,
    *,
    after: dict[str, Any] | None = None,
    citation: str = "",
) -> None:
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
