"""Periodic and annual appraisal (SPEC §10.1-10.3): the unit's organisational level, each
employee's rating drafted and signed off by the appraiser of record, and the unit's curve."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from sikerja.core.errors import (
    NotFound,
    PermissionDenied,
    RuleViolation,
    StaleState,
    ValidationFailed,
)
from sikerja.organization.models import Employee, OrgUnit
from sikerja.organization.resolver import RoleAnswer
from sikerja.performance import appraisal_checks, checks, rules
from sikerja.performance.curve import CurveView, curves_for
from sikerja.performance.errors import PerformanceErrorCode
from sikerja.performance.models import Rating, Skp, UnitLevel
from sikerja.performance.services.common import audit
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.performance import stated_rule
from sikerja.regulations.schema.enums import Strength
from sikerja.regulations.schema.performance import OrgLevel, OrgPerformance

RATING = "performance.rating"


def _refuse_rater(answer: RoleAnswer) -> PermissionDenied:
    name = answer.person.display_name if answer.person else _("(tidak ada)")
    return PermissionDenied(
        _("Penilaian ini diberikan oleh Pejabat Penilai Kinerja %(name)s atau kuasanya.")
        % {"name": name},
        rule=answer.rule,
        citation=answer.citation,
    )


@dataclass(frozen=True)
class RatingInput:
    skp_id: int
    period_kind: str
    period_index: int
    result_rating: str
    behaviour_rating: str
    note: str = ""


@dataclass(frozen=True)
class Drafted:
    """A drafted rating and the curves it counts in: their breaches warn until sign-off."""

    rating: Rating
    curves: list[CurveView]


def _rated_skp(actor: Employee, skp_id: int, on: dt.date) -> tuple[Skp, RoleAnswer]:
    skp = (
        Skp.objects.select_related("government", "unit")
        .filter(pk=skp_id, government_id=actor.government_id)
        .first()
    )
    if skp is None:
        raise NotFound()
    allowed, answer = rules.may_rate(actor.pk, skp, on)
    if not allowed:
        raise _refuse_rater(answer)
    if skp.status != Skp.Status.APPROVED:
        raise ValidationFailed(
            code=PerformanceErrorCode.SKP_NOT_APPROVED,
            message=_("SKP dinilai setelah disetujui Pejabat Penilai Kinerja."),
        )
    return skp, answer


@transaction.atomic(durable=True)
def rating_draft(*, actor: Employee, data: RatingInput, at: dt.datetime, on: dt.date) -> Drafted:
    """Draft (or redraft) the rating of an SKP for a period, as its appraiser of record on the
    day or that official's delegate for appraisal; the predikat comes from the matrix.

    Implements: P-APPRAISAL-PERIODS, P-PREDIKAT; P-DISTRIBUTION as a warning (SPEC §10.3 item
    5). Raises NotFound, PermissionDenied, ValidationFailed, RuleViolation (period), StaleState
    (the rating was signed meanwhile).
    """
    rating, pack = draft_in_transaction(actor=actor, data=data, at=at, on=on)
    return Drafted(rating, curves_for(pack, rating))


def draft_in_transaction(
    *, actor: Employee, data: RatingInput, at: dt.datetime, on: dt.date
) -> tuple[Rating, LoadedPack]:
    """`rating_draft` inside the caller's transaction (one audit event), for a use case that
    redrafts several ratings at once (the curve simulator's apply)."""
    skp, answer = _rated_skp(actor, data.skp_id, on)
    pack = load_pack(skp.government.pack_id)
    start, end = checks.period_check(
        pack, skp.year, data.period_kind, data.period_index, (skp.starts_on, skp.ends_on)
    )
    predikat = checks.predikat_for(pack, data.result_rating, data.behaviour_rating)
    values = {
        "result_rating": data.result_rating,
        "behaviour_rating": data.behaviour_rating,
        "predikat": predikat.value,
        "note": data.note,
        "drafted_by": actor,
        "appraiser_rule": answer.rule,
        "appraiser_citation": answer.citation,
    }
    key = {"skp": skp, "period_kind": data.period_kind, "period_index": data.period_index}
    rating = _upsert_draft(skp, key, values, (start, end))
    audit(
        skp.government_id,
        actor,
        "performance.rating_drafted",
        (RATING, rating.pk),
        at,
        after={
            "predikat": predikat.value,
            "result": data.result_rating,
            "behaviour": data.behaviour_rating,
        },
        rule="P-PREDIKAT",
        citation=checks.matrix_citation(pack),
    )
    return rating, pack


def _upsert_draft(
    skp: Skp, key: dict[str, Any], values: dict[str, Any], bounds: tuple[dt.date, dt.date]
) -> Rating:
    """Create the period's draft, or redraft it while it is still a draft (check-and-set); a
    concurrent first draft of the same period meets the unique constraint and loses."""
    existing = Rating.objects.filter(**key).first()
    if existing is None:
        try:
            with transaction.atomic():
                return Rating.objects.create(
                    government_id=skp.government_id,
                    unit_id=skp.unit_id,
                    year=skp.year,
                    period_start=bounds[0],
                    period_end=bounds[1],
                    **key,
                    **values,
                )
        except IntegrityError:
            raise StaleState(_("Penilaian periode ini baru saja disusun pihak lain.")) from None
    updated = Rating.objects.filter(pk=existing.pk, status=Rating.Status.DRAFT).update(
        version=F("version") + 1, **values
    )
    if not updated:
        raise _signed()
    return Rating.objects.get(pk=existing.pk)


def _signed() -> StaleState:
    return StaleState(_("Penilaian ini sudah ditetapkan dan tidak dapat diubah."))


def _curve_check(pack: LoadedPack, rating: Rating, justification: str) -> str:
    """P-DISTRIBUTION at sign-off: a broken curve refuses where the rule binds (MUST), and
    needs a written justification where the pack makes it PREFERRED (SPEC §10.3 item 5)."""
    broken = [curve for curve in curves_for(pack, rating) if curve.breaches]
    if not broken:
        return ""
    rule = checks.curve_of(pack)
    if rule.strength == Strength.PREFERRED and justification.strip():
        return justification.strip()
    curve = broken[0]
    raise RuleViolation(
        code=PerformanceErrorCode.CURVE,
        message=_(
            "Kurva distribusi predikat unit %(unit)s (%(level)s) tidak terpenuhi: %(detail)s."
        )
        % {
            "unit": curve.unit_name,
            "level": curve.level_label,
            "detail": "; ".join(curve.messages),
        },
        rule=rule.rule_id,
        citation=rule.citation,
        fields={"justification": _("Tulis alasan penyimpangan dari kurva.")}
        if rule.strength == Strength.PREFERRED
        else {},
    )


@transaction.atomic(durable=True)
def rating_sign(
    *, actor: Employee, rating_id: int, at: dt.datetime, on: dt.date, justification: str = ""
) -> Rating:
    """Sign off a drafted rating as the appraiser of record on the day (or a delegate for
    appraisal): it becomes final and immutable. Two signing at once: exactly one wins.

    Implements: P-DISTRIBUTION at sign-off, V-46 (the Kepala Bagian's consideration). Raises
    NotFound, PermissionDenied, RuleViolation (the unit's curve; V-46), StaleState (signed
    first by someone else).
    """
    rating = Rating.objects.filter(pk=rating_id, government_id=actor.government_id).first()
    if rating is None:
        raise NotFound()
    if rating.status == Rating.Status.SIGNED:
        raise _signed()
    skp, answer = _rated_skp(actor, rating.skp_id, on)
    pack = load_pack(skp.government.pack_id)
    kept = _curve_check(pack, rating, justification)
    appraisal_checks.v46_check(pack, skp, rating, on)
    # Check-and-set: the draft as read, still a draft, becomes signed; a concurrent signer (or a
    # redraft) changed the version first and this update finds no row.
    signed = Rating.objects.filter(
        pk=rating.pk, status=Rating.Status.DRAFT, version=rating.version
    ).update(
        status=Rating.Status.SIGNED,
        signed_by=actor,
        signed_at=at,
        curve_justification=kept,
        appraiser_rule=answer.rule,
        appraiser_citation=answer.citation,
        version=F("version") + 1,
    )
    if not signed:
        raise _signed()
    audit(
        skp.government_id,
        actor,
        "performance.rating_signed",
        (RATING, rating.pk),
        at,
        before={"status": Rating.Status.DRAFT},
        after={"status": Rating.Status.SIGNED, "predikat": rating.predikat, "justification": kept},
        rule=answer.rule,
        citation=answer.citation,
    )
    return Rating.objects.get(pk=rating.pk)


@transaction.atomic(durable=True)
def unit_level_set(
    *,
    actor: Employee,
    unit_id: int,
    year: int,
    period_kind: str,
    period_index: int,
    level: str,
    at: dt.datetime,
    on: dt.date,
    recommendations: str = "",
) -> UnitLevel:
    """Set a unit's organisational level for a period, as the leader one level up: the
    appraiser of the unit's head on the day (P-ORG-PERFORMANCE). Recommendations of the
    planning, staffing or oversight units may be attached (SPEC §10.3 item 4).

    Raises NotFound, PermissionDenied, ValidationFailed.
    """
    unit = OrgUnit.objects.filter(pk=unit_id, government_id=actor.government_id).first()
    if unit is None:
        raise NotFound()
    pack = load_pack(actor.government.pack_id)
    checks.choice_check(level, OrgLevel, "level")
    checks.period_check(pack, year, period_kind, period_index)
    setter = rules.level_setter(unit.pk, pack.id, on)
    if setter.person is None or setter.person.employee_id != actor.pk:
        raise _refuse_rater(setter)
    stated = stated_rule(pack, "P-ORG-PERFORMANCE", OrgPerformance)
    unit_level, _created = UnitLevel.objects.update_or_create(
        unit=unit,
        year=year,
        period_kind=period_kind,
        period_index=period_index,
        defaults={
            "government_id": unit.government_id,
            "level": level,
            "recommendations": recommendations,
            "set_by": actor,
            "set_at": at,
            "setter_rule": setter.rule,
            "setter_citation": setter.citation,
        },
    )
    audit(
        unit.government_id,
        actor,
        "performance.unit_level_set",
        ("performance.unit_level", unit_level.pk),
        at,
        after={"unit": unit.pk, "level": level, "period": f"{year} {period_kind} {period_index}"},
        rule=stated.rule_id,
        citation=stated.citation,
    )
    return unit_level
