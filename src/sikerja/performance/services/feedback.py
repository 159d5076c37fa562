"""Continuous feedback on an RHK (umpan balik berkelanjutan; SPEC §6.4, §10.1 stage 2): given
at any time of the year by the appraiser of record (or a delegate) and, on an RHK a team fed,
by that team's lead (P-FEEDBACK); acknowledged and answered once by the employee. What a signed
rating rests on does not change: feedback about a period whose rating is signed off (or about
the year, once the annual rating is) is refused."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from sikerja.core.errors import DomainError, NotFound, RuleViolation, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.performance import checks, rules
from sikerja.performance.errors import PerformanceErrorCode
from sikerja.performance.models import Rating, Rhk, RhkFeedback, Skp
from sikerja.performance.periods import ANNUAL
from sikerja.performance.rules import SKP_SUBJECT
from sikerja.performance.services.common import audit
from sikerja.regulations.loader import load_pack

FEEDBACK_SUBJECT = "performance.rhk_feedback"
TEXT_LENGTH = 4000


@dataclass(frozen=True)
class Period:
    """An appraisal period of the SKP's year a note is about (kind and index from 1)."""

    kind: str
    index: int


def rhk_of(actor: Employee, rhk_id: int) -> tuple[Rhk, Skp]:
    """An RHK of the actor's government with its SKP (and the SKP's government loaded).
    Raises NotFound."""
    rhk = (
        Rhk.objects.select_related("skp__government")
        .filter(pk=rhk_id, government_id=actor.government_id)
        .first()
    )
    if rhk is None:
        raise NotFound()
    return rhk, rhk.skp


def period_of(skp: Skp, period: Period | None) -> Period | None:
    """The period a note is about, once the pack allows it inside the SKP's part of the year
    (P-APPRAISAL-PERIODS). Raises RuleViolation."""
    if period is None:
        return None
    pack = load_pack(skp.government.pack_id)
    checks.period_check(pack, skp.year, period.kind, period.index, (skp.starts_on, skp.ends_on))
    return period


def open_check(skp: Skp, period: Period | None, rule_id: str, citation: str) -> None:
    """Refuse a note once the rating it would stand beside is signed off: the period's, and
    the annual one for every note. The rating rows are locked, so a sign-off running at the
    same moment either waits for this note or is seen by it. Raises RuleViolation."""
    closing = Q(period_kind=ANNUAL)
    if period is not None:
        closing |= Q(period_kind=period.kind, period_index=period.index)
    signed = [
        rating
        for rating in Rating.objects.select_for_update().filter(closing, skp=skp).order_by("pk")
        if rating.status == Rating.Status.SIGNED
    ]
    if signed:
        raise RuleViolation(
            code=PerformanceErrorCode.SIGNED_OFF,
            message=_(
                "Penilaian %(kind)s %(index)s sudah ditetapkan; yang menjadi dasarnya tidak "
                "dapat ditambah lagi."
            )
            % {"kind": signed[0].get_period_kind_display(), "index": signed[0].period_index},
            rule=rule_id,
            citation=citation,
        )


def text_check(text: str, field: str) -> str:
    """Non-empty text of a sensible length. Raises ValidationFailed."""
    body = text.strip()
    if not body or len(body) > TEXT_LENGTH:
        raise ValidationFailed(
            code=PerformanceErrorCode.FEEDBACK_TEXT,
            message=_("Tulis isi umpan balik (paling banyak %(n)s karakter).") % {"n": TEXT_LENGTH},
            fields={field: _("Wajib diisi.")},
        )
    return body


@transaction.atomic(durable=True)
def rhk_feedback_give(
    *,
    actor: Employee,
    rhk_id: int,
    text: str,
    at: dt.datetime,
    on: dt.date,
    period: Period | None = None,
) -> RhkFeedback:
    """Give feedback on an RHK, about the year or one of its periods, as the one P-FEEDBACK
    names on the day (`rules.feedback_giver`).

    Implements: P-FEEDBACK. Raises NotFound, RuleViolation (not a giver the pack names:
    `feedback_giver_not_permitted`; the period's or the year's rating signed off:
    `rhk_period_signed_off`; a period the pack does not set), ValidationFailed (no text).
    """
    rhk, skp = rhk_of(actor, rhk_id)
    giver = rules.feedback_giver(actor.pk, skp, rhk, on)
    stated = giver.rule
    if not giver.role:
        raise RuleViolation(
            code=PerformanceErrorCode.FEEDBACK_GIVER,
            message=_(
                "Umpan balik atas RHK diberikan oleh Pejabat Penilai Kinerja pegawai (atau yang "
                "menerima pelimpahan) dan, atas RHK dari tim kerja, oleh ketua timnya."
            ),
            rule=stated.rule_id,
            citation=stated.citation,
            status=403,
        )
    body = text_check(text, "text")
    about = period_of(skp, period)
    open_check(skp, about, stated.rule_id, stated.citation)
    feedback = RhkFeedback.objects.create(
        government_id=skp.government_id,
        skp=skp,
        rhk=rhk,
        period_kind=about.kind if about else "",
        period_index=about.index if about else None,
        text=body,
        given_by=actor,
        giver_role=giver.role,
        giver_rule=stated.rule_id,
        giver_citation=stated.citation[:300],
        given_at=at,
    )
    audit(
        skp.government_id,
        actor,
        "performance.feedback_given",
        (SKP_SUBJECT, skp.pk),
        at,
        after={"feedback": feedback.pk, "rhk": rhk.pk, "role": giver.role, "period": _label(about)},
        rule=stated.rule_id,
        citation=stated.citation,
    )
    return feedback


def _label(period: Period | None) -> str:
    return f"{period.kind}{period.index}" if period else ""


@transaction.atomic(durable=True)
def rhk_feedback_acknowledge(
    *, actor: Employee, feedback_id: int, reply: str, at: dt.datetime
) -> RhkFeedback:
    """Acknowledge feedback on one's own RHK, with an optional reply, once; refused once the
    rating it stands beside is signed off. Two acknowledgements at once: exactly one wins.

    Raises NotFound, RuleViolation (`feedback_not_own_rhk`, `rhk_period_signed_off`),
    DomainError 409 `feedback_already_acknowledged`, ValidationFailed (a reply too long).
    """
    feedback = (
        RhkFeedback.objects.select_related("skp__government")
        .filter(pk=feedback_id, government_id=actor.government_id)
        .first()
    )
    if feedback is None:
        raise NotFound()
    stated = rules.feedback_rule(feedback.skp.government.pack_id)
    if feedback.skp.employee_id != actor.pk:
        raise RuleViolation(
            code=PerformanceErrorCode.FEEDBACK_NOT_OWNER,
            message=_("Umpan balik ditanggapi oleh pegawai pemilik RHK."),
            rule=stated.rule_id,
            citation=stated.citation,
            status=403,
        )
    answer = text_check(reply, "reply") if reply.strip() else ""
    about = (
        Period(feedback.period_kind, feedback.period_index or 0) if feedback.period_kind else None
    )
    open_check(feedback.skp, about, stated.rule_id, stated.citation)
    # Check-and-set: only an unacknowledged feedback takes the acknowledgement.
    updated = RhkFeedback.objects.filter(pk=feedback.pk, acknowledged_at__isnull=True).update(
        acknowledged_at=at, reply=answer
    )
    if not updated:
        raise _acknowledged()
    audit(
        feedback.government_id,
        actor,
        "performance.feedback_acknowledged",
        (SKP_SUBJECT, feedback.skp_id),
        at,
        after={"feedback": feedback.pk, "replied": bool(answer)},
        rule=stated.rule_id,
        citation=stated.citation,
    )
    return RhkFeedback.objects.get(pk=feedback.pk)


def _acknowledged() -> DomainError:
    return DomainError(
        code=PerformanceErrorCode.FEEDBACK_ACKNOWLEDGED,
        message=_("Umpan balik ini sudah ditanggapi."),
        status=409,
    )
