"""The SKP: drawn up by its employee per year and position, approved by the appraiser on the
pack's WF-SKP flow (SPEC §10.1)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound, PermissionDenied, RuleViolation, ValidationFailed
from sikerja.organization.models import Employee, Placement
from sikerja.organization.placements import placement_on
from sikerja.performance import checks, rules
from sikerja.performance.errors import PerformanceErrorCode
from sikerja.performance.models import Expectation, PkIndicator, Rhk, RhkIndicator, Skp
from sikerja.performance.parties import PerformanceParties
from sikerja.performance.rules import SKP_SUBJECT
from sikerja.performance.services.common import audit
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.workflows import engine
from sikerja.workflows.models import WorkflowStep

SKP_FLOW = "WF-SKP"


def _placement(employee: Employee, on: dt.date) -> Placement:
    placement = placement_on(employee.pk, on)
    if placement is None:
        raise ValidationFailed(
            code=PerformanceErrorCode.NO_PLACEMENT,
            message=_("Anda tidak menduduki jabatan pada tanggal ini."),
        )
    return placement


def _close_previous(employee: Employee, year: int, position_id: int, starts_on: dt.date) -> None:
    """P-CASCADING: a change of position mid-year ends the previous SKP the day before."""
    previous = (
        Skp.objects.select_for_update()
        .filter(employee=employee, year=year, ends_on__gte=starts_on)
        .exclude(position_id=position_id)
        .first()
    )
    if previous is None:
        return
    if previous.starts_on >= starts_on:
        raise ValidationFailed(
            code=PerformanceErrorCode.SKP_OVERLAP,
            message=_("SKP jabatan sebelumnya dimulai pada atau setelah tanggal ini."),
        )
    Skp.objects.filter(pk=previous.pk).update(ends_on=starts_on - dt.timedelta(days=1))


@transaction.atomic(durable=True)
def skp_create(*, actor: Employee, year: int, at: dt.datetime, on: dt.date) -> Skp:
    """Start the actor's SKP for the year in the position they hold on the day, naming the
    appraiser the resolver gives (with its citation). A new position mid-year starts a new SKP
    for the rest of the year and ends the previous one.

    Raises ValidationFailed (no placement, an SKP of this position and year exists).
    """
    placement = _placement(actor, on)
    if Skp.objects.filter(employee=actor, position=placement.position, year=year).exists():
        raise ValidationFailed(
            code=PerformanceErrorCode.SKP_EXISTS,
            message=_("SKP tahun %(year)s untuk jabatan ini sudah ada.") % {"year": year},
        )
    starts_on = max(dt.date(year, 1, 1), placement.valid_from)
    if starts_on > dt.date(year, 12, 31) or (
        placement.valid_to is not None and placement.valid_to <= dt.date(year, 1, 1)
    ):
        raise ValidationFailed(
            code=PerformanceErrorCode.YEAR_OUTSIDE_POSITION,
            message=_("Anda tidak menduduki jabatan ini pada tahun %(year)s.") % {"year": year},
            fields={"year": _("Pilih tahun selama Anda menduduki jabatan ini.")},
        )
    _close_previous(actor, year, placement.position_id, starts_on)
    skp = Skp(
        government_id=actor.government_id,
        employee=actor,
        position=placement.position,
        unit_id=placement.position.unit_id,
        year=year,
        starts_on=starts_on,
        ends_on=dt.date(year, 12, 31),
    )
    answer = rules.appraiser_of_record(skp, on)
    skp.appraiser_id = answer.person.employee_id if answer.person else None
    skp.appraiser_rule, skp.appraiser_citation = answer.rule, answer.citation
    skp.save()
    audit(
        actor.government_id,
        actor,
        "performance.skp_created",
        (SKP_SUBJECT, skp.pk),
        at,
        after={"year": year, "position": placement.position_id, "starts_on": str(starts_on)},
        rule=answer.rule,
        citation=answer.citation,
    )
    return skp


def _own_draft(actor: Employee, skp_id: int) -> Skp:
    skp = (
        Skp.objects.select_for_update()
        .select_related("government")
        .filter(pk=skp_id, government_id=actor.government_id)
        .first()
    )
    if skp is None or skp.employee_id != actor.pk:
        raise NotFound()
    if not rules.may_edit_skp(actor.pk, skp):
        raise ValidationFailed(
            code=PerformanceErrorCode.NOT_DRAFT,
            message=_("SKP ini tidak lagi dapat diubah (sedang diajukan atau sudah disetujui)."),
        )
    return skp


@dataclass(frozen=True)
class IndicatorInput:
    text: str
    approach: str
    target: str


@dataclass(frozen=True)
class RhkInput:
    kind: str
    text: str
    indicators: tuple[IndicatorInput, ...]
    parent_id: int | None = None
    cascade: str = ""
    pk_indicator_id: int | None = None


def _source(actor: Employee, data: RhkInput) -> tuple[Rhk | None, PkIndicator | None]:
    parent = pk_indicator = None
    if data.parent_id is not None:
        parent = (
            Rhk.objects.select_related("skp")
            .filter(pk=data.parent_id, skp__government_id=actor.government_id)
            .first()
        )
        if parent is None:
            raise NotFound()
        checks.choice_check(data.cascade, Rhk.Cascade.values, "cascade")
    if data.pk_indicator_id is not None:
        pk_indicator = (
            PkIndicator.objects.select_related("agreement")
            .filter(pk=data.pk_indicator_id, agreement__government_id=actor.government_id)
            .first()
        )
        if pk_indicator is None:
            raise NotFound()
    return parent, pk_indicator


@transaction.atomic(durable=True)
def skp_rhk_add(*, actor: Employee, skp_id: int, data: RhkInput, at: dt.datetime) -> Rhk:
    """Add an RHK (main or additional) with its indicators to the actor's draft SKP.

    Implements: P-SKP (kinds, approaches), P-CASCADING (a main RHK cascades from the
    appraiser's RHK, directly or by intervention, or from the head's own PK).
    Raises NotFound, ValidationFailed, RuleViolation.
    """
    skp = _own_draft(actor, skp_id)
    pack = load_pack(skp.government.pack_id)
    content = checks.skp_content(pack).params
    checks.choice_check(data.kind, content.result_kinds, "kind")
    for indicator in data.indicators:
        checks.choice_check(indicator.approach, content.approaches, "approach")
    parent, pk_indicator = _source(actor, data)
    checks.cascade_check(pack, skp, data.kind, parent, pk_indicator)
    rhk = Rhk.objects.create(
        government_id=skp.government_id,
        skp=skp,
        seq=Rhk.objects.filter(skp=skp).count() + 1,
        kind=data.kind,
        text=data.text,
        parent=parent,
        cascade=data.cascade if parent is not None else "",
        pk_indicator=pk_indicator,
    )
    RhkIndicator.objects.bulk_create(
        RhkIndicator(
            government_id=rhk.government_id,
            rhk=rhk,
            seq=n,
            text=i.text,
            approach=i.approach,
            target=i.target,
        )
        for n, i in enumerate(data.indicators, start=1)
    )
    audit(
        actor.government_id,
        actor,
        "performance.rhk_added",
        (SKP_SUBJECT, skp.pk),
        at,
        after={"rhk": rhk.pk, "kind": data.kind, "parent": data.parent_id, "cascade": rhk.cascade},
    )
    return rhk


@dataclass(frozen=True)
class ExpectationInput:
    core_value: str
    text: str
    output: str = ""
    target: str = ""
    timeline: str = ""


@transaction.atomic(durable=True)
def skp_expectation_set(
    *, actor: Employee, skp_id: int, data: ExpectationInput, at: dt.datetime
) -> Expectation:
    """Record the leader's expectation of one BerAKHLAK core value on the draft SKP.

    Implements: P-SKP (the seven core values), P-EXPECTATION where the pack states it (Blitar
    Pasal 25 huruf a). Raises NotFound, ValidationFailed, RuleViolation.
    """
    skp = _own_draft(actor, skp_id)
    pack = load_pack(skp.government.pack_id)
    checks.choice_check(data.core_value, checks.skp_content(pack).params.core_values, "core_value")
    expectation = Expectation(
        government_id=skp.government_id,
        skp=skp,
        core_value=data.core_value,
        text=data.text,
        output=data.output,
        target=data.target,
        timeline=data.timeline,
    )
    if pack.has_rule("P-EXPECTATION"):
        checks.expectation_check(pack, [expectation])
    Expectation.objects.filter(skp=skp, core_value=data.core_value).delete()
    expectation.save()
    audit(
        actor.government_id,
        actor,
        "performance.expectation_set",
        (SKP_SUBJECT, skp.pk),
        at,
        after={"core_value": data.core_value, "text": data.text},
    )
    return expectation


@transaction.atomic(durable=True)
def skp_submit(*, actor: Employee, skp_id: int, at: dt.datetime, on: dt.date) -> Skp:
    """Submit the draft SKP to the appraiser the resolver names on the day (WF-SKP).

    Raises NotFound, ValidationFailed, RuleViolation (incomplete SKP; no appraiser).
    """
    skp = _own_draft(actor, skp_id)
    pack = load_pack(skp.government.pack_id)
    checks.skp_complete_check(pack, skp)
    answer = rules.appraiser_of_record(skp, on)
    if answer.person is None:
        raise RuleViolation(
            code=PerformanceErrorCode.NO_APPRAISER,
            message=_("Tidak ada Pejabat Penilai Kinerja untuk Anda pada tanggal ini."),
            rule=answer.rule,
            citation=answer.citation,
        )
    Skp.objects.filter(pk=skp.pk).update(
        appraiser_id=answer.person.employee_id,
        appraiser_rule=answer.rule,
        appraiser_citation=answer.citation,
    )
    step = skp_step(skp) or _start(skp, pack, actor, at, on)
    engine.step_decide(step_id=step.pk, by=actor, decision="submit", at=at, on=on)
    audit(
        actor.government_id,
        actor,
        "performance.skp_submitted",
        (SKP_SUBJECT, skp.pk),
        at,
        after={"appraiser": answer.person.employee_id},
        rule=answer.rule,
        citation=answer.citation,
    )
    skp.refresh_from_db()
    return skp


def _start(
    skp: Skp, pack: LoadedPack, actor: Employee, at: dt.datetime, on: dt.date
) -> WorkflowStep:
    """Start the SKP's WF-SKP instance; its first step is the employee's submission."""
    instance = engine.instance_start(
        government_id=skp.government_id,
        pack=pack,
        key=SKP_FLOW,
        subject_type=SKP_SUBJECT,
        subject_id=skp.pk,
        parties=PerformanceParties(owner=actor.pk),
        requester_id=actor.pk,
        at=at,
        on=on,
    )
    return instance.steps.get(status=WorkflowStep.Status.OPEN)


def skp_step(skp: Skp) -> WorkflowStep | None:
    """The open step of the SKP's WF-SKP flow: its employee's submission (again, after a
    return) or its appraiser's decision."""
    return (
        WorkflowStep.objects.filter(
            instance__subject_type=SKP_SUBJECT,
            instance__subject_id=skp.pk,
            status=WorkflowStep.Status.OPEN,
        )
        .select_related("instance")
        .first()
    )


@transaction.atomic(durable=True)
def skp_decide(
    *,
    actor: Employee,
    skp_id: int,
    decision: str,
    at: dt.datetime,
    on: dt.date,
    reason: str = "",
) -> Skp:
    """Approve the SKP or return it for revision, as its appraiser (or a delegate for
    performance management) on the engine's check-and-set.

    Raises NotFound, PermissionDenied, StaleState (someone decided first), ValidationFailed
    (a return without its reason).
    """
    skp = Skp.objects.filter(
        pk=skp_id, government_id=actor.government_id, status=Skp.Status.SUBMITTED
    ).first()
    step = skp_step(skp) if skp is not None else None
    if skp is None or step is None:
        raise NotFound()
    if not engine.may_act(step, actor.pk, on):
        raise PermissionDenied(
            _("SKP ini disetujui oleh Pejabat Penilai Kinerja %(name)s.")
            % {"name": step.actor_name},
            rule=step.actor_rule,
            citation=step.actor_citation,
        )
    engine.step_decide(step_id=step.pk, by=actor, decision=decision, at=at, on=on, reason=reason)
    if decision == "approve":
        Skp.objects.filter(pk=skp.pk).update(approved_at=at)
    audit(
        actor.government_id,
        actor,
        f"performance.skp_{'approved' if decision == 'approve' else 'returned'}",
        (SKP_SUBJECT, skp.pk),
        at,
        after={"decision": decision, "reason": reason.strip()},
        rule=step.actor_rule,
        citation=step.actor_citation,
    )
    skp.refresh_from_db()
    return skp
