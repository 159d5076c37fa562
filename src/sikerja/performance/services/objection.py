"""The objection (keberatan) to a final rating on the pack's WF-KEBERATAN flow (P-OBJECTION:
PP 30/2019 Pasal 59, PermenPANRB 6/2022 Bab V): the employee files it within the window the
national rule sets; the atasan of the Pejabat Penilai Kinerja, resolved on the day, upholds the
predikat or changes it with a reason. A rating's predikat changes only through this decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.core.errors import (
    NotFound,
    PermissionDenied,
    RuleViolation,
    StaleState,
    ValidationFailed,
)
from sikerja.organization.models import Employee
from sikerja.performance import checks, rules
from sikerja.performance.errors import PerformanceErrorCode
from sikerja.performance.models import Objection, Rating
from sikerja.performance.parties import PerformanceParties
from sikerja.performance.rules import OBJECTION_SUBJECT
from sikerja.performance.services.common import audit
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.performance import StatedRule, stated_rule
from sikerja.regulations.schema.objection import ObjectionRules
from sikerja.regulations.schema.performance import PredikatMatrix
from sikerja.regulations.schema.workflows import Decision
from sikerja.workflows import engine
from sikerja.workflows.due_dates import add_working_days
from sikerja.workflows.models import WorkflowStep

OBJECTION_RULE = "P-OBJECTION"
UPHOLD, CHANGE = "uphold", "change"
# The engine's decisions: the objection granted (the predikat changed) or refused (upheld).
ENGINE_DECISION = {CHANGE: Decision.APPROVE, UPHOLD: Decision.REJECT}


def objection_rule(pack: LoadedPack) -> StatedRule[ObjectionRules]:
    """P-OBJECTION as the government's pack states it, else as the national baseline does."""
    return stated_rule(pack, OBJECTION_RULE, ObjectionRules)


def window_ends_on(rule: ObjectionRules, signed_on: dt.date) -> dt.date:
    """The last day an objection to a rating signed on `signed_on` may be filed."""
    if rule.days_count == "working":
        return add_working_days(signed_on, rule.file_within_days)
    return signed_on + dt.timedelta(days=rule.file_within_days)


def rating_window_ends_on(rule: ObjectionRules, rating: Rating) -> dt.date | None:
    """The last day an objection to the rating may be filed (None while it is a draft)."""
    if rating.signed_at is None:
        return None
    return window_ends_on(rule, timezone.localtime(rating.signed_at).date())


def _own_signed_rating(actor: Employee, rating_id: int) -> Rating:
    rating = (
        Rating.objects.select_related("skp", "government")
        .filter(pk=rating_id, government_id=actor.government_id)
        .first()
    )
    if rating is None or rating.skp.employee_id != actor.pk:
        raise NotFound()
    if not rules.may_object(actor.pk, rating):
        raise ValidationFailed(
            code=PerformanceErrorCode.OBJECTION_NOT_SIGNED,
            message=_("Keberatan diajukan atas penilaian yang sudah ditetapkan."),
        )
    return rating


def _window_check(stated: StatedRule[ObjectionRules], rating: Rating, on: dt.date) -> dt.date:
    last = rating_window_ends_on(stated.params, rating)
    if last is None or on > last:
        raise RuleViolation(
            code=PerformanceErrorCode.OBJECTION_LATE,
            message=_(
                "Keberatan diajukan paling lama %(days)s hari setelah penilaian ditetapkan "
                "(sampai %(last)s)."
            )
            % {"days": stated.params.file_within_days, "last": str(last)},
            rule=stated.rule_id,
            citation=stated.citation,
        )
    return last


def _reason_check(reason: str, field: str, rule: str = "", citation: str = "") -> str:
    if not reason.strip():
        raise ValidationFailed(
            code=PerformanceErrorCode.OBJECTION_REASON,
            message=_("Alasan wajib diisi."),
            rule=rule,
            citation=citation,
            fields={field: _("Wajib diisi.")},
        )
    return reason.strip()


@transaction.atomic(durable=True)
def objection_file(
    *, actor: Employee, rating_id: int, reason: str, at: dt.datetime, on: dt.date
) -> Objection:
    """File the actor's objection to their own signed rating, within the window of
    P-OBJECTION; the atasan of their appraiser (resolved on the day) gets it in the inbox, due
    when the rule says. One objection per rating.

    Implements: P-OBJECTION. Raises NotFound, ValidationFailed (not signed; no reason),
    RuleViolation (window closed; no deciding official), StaleState (already objected).
    """
    rating = _own_signed_rating(actor, rating_id)
    pack = load_pack(rating.government.pack_id)
    stated = objection_rule(pack)
    text = _reason_check(reason, "reason", stated.rule_id, stated.citation)
    last = _window_check(stated, rating, on)
    try:
        with transaction.atomic():
            objection = Objection.objects.create(
                government_id=rating.government_id,
                rating=rating,
                employee=actor,
                reason=text,
                filed_at=at,
                window_ends_on=last,
                predikat_before=rating.predikat,
            )
    except IntegrityError:
        raise StaleState(_("Keberatan atas penilaian ini sudah diajukan.")) from None
    _start(objection, pack, stated, actor, at, on)
    audit(
        rating.government_id,
        actor,
        "performance.objection_filed",
        (OBJECTION_SUBJECT, objection.pk),
        at,
        after={"rating": rating.pk, "predikat": rating.predikat, "reason": text},
        rule=stated.rule_id,
        citation=stated.citation,
    )
    return objection


def _start(
    objection: Objection,
    pack: LoadedPack,
    stated: StatedRule[ObjectionRules],
    actor: Employee,
    at: dt.datetime,
    on: dt.date,
) -> None:
    """Start the objection's flow and submit its first step (the employee's filing): the
    decision step opens for the deciding official the resolver names on the day."""
    instance = engine.instance_start(
        government_id=objection.government_id,
        pack=pack,
        key=stated.params.flow,
        subject_type=OBJECTION_SUBJECT,
        subject_id=objection.pk,
        parties=PerformanceParties(owner=actor.pk),
        requester_id=actor.pk,
        at=at,
        on=on,
    )
    step = instance.steps.get(status=WorkflowStep.Status.OPEN)
    engine.step_decide(step_id=step.pk, by=actor, decision=Decision.SUBMIT, at=at, on=on)


def objection_step(objection: Objection) -> WorkflowStep | None:
    """The open decision step of the objection's flow."""
    return (
        WorkflowStep.objects.filter(
            instance__subject_type=OBJECTION_SUBJECT,
            instance__subject_id=objection.pk,
            status=WorkflowStep.Status.OPEN,
        )
        .select_related("instance")
        .first()
    )


@dataclass(frozen=True)
class ObjectionDecision:
    decision: str
    reason: str
    predikat: str = ""


def _new_predikat(pack: LoadedPack, objection: Objection, data: ObjectionDecision) -> str:
    """The predikat the decision leaves: the same when upheld, another of P-PREDIKAT when
    changed."""
    checks.choice_check(data.decision, tuple(ENGINE_DECISION), "decision")
    if data.decision == UPHOLD:
        return objection.predikat_before
    matrix = stated_rule(pack, "P-PREDIKAT", PredikatMatrix)
    allowed = [p.value for p in matrix.params.predikat if p.value != objection.predikat_before]
    if data.predikat not in allowed:
        raise ValidationFailed(
            code=PerformanceErrorCode.OBJECTION_PREDIKAT,
            message=_("Pilih predikat baru yang berbeda dari predikat semula."),
            rule=matrix.rule_id,
            citation=matrix.citation,
            fields={"predikat": _("Pilih salah satu: %(list)s") % {"list": ", ".join(allowed)}},
        )
    return data.predikat


@transaction.atomic(durable=True)
def objection_decide(
    *, actor: Employee, objection_id: int, data: ObjectionDecision, at: dt.datetime, on: dt.date
) -> Objection:
    """Decide an open objection as the atasan of the appraiser snapshotted on its step (or
    acting for that official under a delegation of performance management): uphold the
    predikat or change it, with a reason. The decision is final; two deciding at once: exactly
    one wins on the engine's check-and-set.

    Implements: P-OBJECTION, P-OBJECTION-DECISION. Raises NotFound, PermissionDenied,
    ValidationFailed (reason; predikat), StaleState (decided first by someone else).
    """
    objection = (
        Objection.objects.select_related("rating", "government")
        .filter(pk=objection_id, government_id=actor.government_id)
        .first()
    )
    step = objection_step(objection) if objection is not None else None
    if objection is None:
        raise NotFound()
    if step is None or objection.status != Objection.Status.OPEN:
        raise StaleState(_("Keberatan ini sudah diputuskan."))
    if not engine.may_act(step, actor.pk, on):
        raise PermissionDenied(
            _("Keberatan ini diputuskan oleh %(name)s.") % {"name": step.actor_name},
            rule=step.actor_rule,
            citation=step.actor_citation,
        )
    pack = load_pack(objection.government.pack_id)
    predikat = _new_predikat(pack, objection, data)
    reason = _reason_check(data.reason, "reason", "P-OBJECTION-DECISION", step.citation)
    engine.step_decide(
        step_id=step.pk,
        by=actor,
        decision=ENGINE_DECISION[data.decision],
        reason=reason,
        data={"predikat": predikat},
        at=at,
        on=on,
    )
    _record_decision(objection, actor, predikat, reason, step, at)
    return Objection.objects.get(pk=objection.pk)


def _record_decision(
    objection: Objection,
    actor: Employee,
    predikat: str,
    reason: str,
    step: WorkflowStep,
    at: dt.datetime,
) -> None:
    """Write the outcome on the objection and, when changed, the rating's predikat: both
    conditional on the state read, so a concurrent writer makes this fail loudly."""
    changed = predikat != objection.predikat_before
    status = Objection.Status.CHANGED if changed else Objection.Status.UPHELD
    decided = Objection.objects.filter(pk=objection.pk, status=Objection.Status.OPEN).update(
        status=status,
        predikat_after=predikat if changed else "",
        decision_reason=reason,
        decided_by=actor,
        decided_at=at,
        decider_rule=step.actor_rule,
        decider_citation=step.actor_citation,
    )
    rewritten = (
        Rating.objects.filter(
            pk=objection.rating_id,
            status=Rating.Status.SIGNED,
            predikat=objection.predikat_before,
        ).update(predikat=predikat, version=F("version") + 1)
        if changed
        else 1
    )
    if decided != 1 or rewritten != 1:
        raise StaleState(_("Keberatan ini sudah diputuskan."))
    audit(
        objection.government_id,
        actor,
        "performance.objection_decided",
        (OBJECTION_SUBJECT, objection.pk),
        at,
        before={"predikat": objection.predikat_before},
        after={"status": status, "predikat": predikat, "reason": reason},
        rule="P-OBJECTION-DECISION",
        citation=step.citation,
    )
