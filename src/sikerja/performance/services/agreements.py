"""Perjanjian Kinerja: a unit's PK with its head, and the unit activity PK (SPEC §6.2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound, PermissionDenied, ValidationFailed
from sikerja.organization.models import Employee, OrgUnit
from sikerja.performance import checks, rules
from sikerja.performance.errors import PerformanceErrorCode
from sikerja.performance.models import PerformanceAgreement, PkActivity, PkIndicator
from sikerja.performance.services.common import audit
from sikerja.regulations.loader import load_pack


@dataclass(frozen=True)
class IndicatorInput:
    objective: str
    indicator: str
    target: str


@dataclass(frozen=True)
class ActivityInput:
    name: str
    assignment_type: str
    basis_refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgreementInput:
    unit_id: int
    kind: str
    year: int
    indicators: tuple[IndicatorInput, ...] = ()
    activities: tuple[ActivityInput, ...] = field(default=())


def _content_check(data: AgreementInput) -> None:
    checks.choice_check(data.kind, PerformanceAgreement.Kind.values, "kind")
    for activity in data.activities:
        checks.choice_check(
            activity.assignment_type, PkActivity.AssignmentType.values, "assignment_type"
        )
    wanted = (
        data.activities if data.kind == PerformanceAgreement.Kind.UNIT_ACTIVITY else data.indicators
    )
    if not wanted:
        raise ValidationFailed(
            code=PerformanceErrorCode.PK_EMPTY,
            message=_("Perjanjian Kinerja memuat sedikitnya satu indikator atau kegiatan."),
            fields={"indicators": _("Wajib diisi.")},
        )


@transaction.atomic(durable=True)
def pk_set(
    *, actor: Employee, data: AgreementInput, at: dt.datetime, on: dt.date
) -> PerformanceAgreement:
    """Set (or amend, as a new version: V-50) a unit's PK as its head on the day.

    Implements: SPEC §6.2 (the leader's PK), V-49 (unit activity PK before its year, where the
    pack has one). Raises NotFound, PermissionDenied, RuleViolation, ValidationFailed.
    """
    unit = OrgUnit.objects.filter(pk=data.unit_id, government_id=actor.government_id).first()
    if unit is None:
        raise NotFound()
    pack = load_pack(actor.government.pack_id)
    _content_check(data)
    if data.kind == PerformanceAgreement.Kind.UNIT_ACTIVITY:
        checks.activity_pk_check(pack, data.year, on)
    head = rules.unit_head_of(unit.pk, pack.id, on)
    if head.person is None or head.person.employee_id != actor.pk:
        raise PermissionDenied(
            _("Perjanjian Kinerja unit ini ditetapkan oleh pimpinannya."),
            rule=head.rule,
            citation=head.citation,
        )
    current = (
        PerformanceAgreement.objects.select_for_update()
        .filter(unit=unit, kind=data.kind, year=data.year, is_current=True)
        .first()
    )
    version = 1
    if current is not None:
        version = current.version + 1
        PerformanceAgreement.objects.filter(pk=current.pk).update(is_current=False)
    agreement = PerformanceAgreement.objects.create(
        government_id=actor.government_id,
        unit=unit,
        kind=data.kind,
        year=data.year,
        version=version,
        head=actor,
        head_rule=head.rule,
        head_citation=head.citation,
        set_on=on,
    )
    PkIndicator.objects.bulk_create(
        PkIndicator(
            government_id=agreement.government_id,
            agreement=agreement,
            seq=n,
            objective=i.objective,
            indicator=i.indicator,
            target=i.target,
        )
        for n, i in enumerate(data.indicators, start=1)
    )
    PkActivity.objects.bulk_create(
        PkActivity(
            government_id=agreement.government_id,
            agreement=agreement,
            seq=n,
            name=a.name,
            assignment_type=a.assignment_type,
            basis_refs=list(a.basis_refs),
        )
        for n, a in enumerate(data.activities, start=1)
    )
    audit(
        actor.government_id,
        actor,
        "performance.pk_set",
        ("performance.agreement", agreement.pk),
        at,
        after={"unit": unit.pk, "kind": data.kind, "year": data.year, "version": version},
        rule=head.rule,
        citation=head.citation,
    )
    return agreement
