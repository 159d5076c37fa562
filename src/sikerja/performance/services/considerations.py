"""Appraisal inputs the pack requires: the considerations the appraiser records on a rating
before signing it (the Kepala Bagian's, V-46; the team lead's), and the targets of JF activity
items set after a performance dialogue (V-60)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound, PermissionDenied, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.performance import appraisal_checks, checks, rules
from sikerja.performance.errors import PerformanceErrorCode
from sikerja.performance.models import ActivityItemTarget, Consideration, Rating, Rhk, Skp
from sikerja.performance.rules import SKP_SUBJECT
from sikerja.performance.services.common import audit
from sikerja.regulations.loader import load_pack
from sikerja.teams.models import Team

RATING_SUBJECT = "performance.rating"


def _draft_to_consider(actor: Employee, rating_id: int, on: dt.date) -> tuple[Rating, Skp]:
    rating = (
        Rating.objects.select_for_update()
        .filter(pk=rating_id, government_id=actor.government_id)
        .first()
    )
    if rating is None:
        raise NotFound()
    skp = Skp.objects.select_related("government", "position", "unit__agency").get(pk=rating.skp_id)
    allowed, answer = rules.may_rate(actor.pk, skp, on)
    if not allowed:
        raise PermissionDenied(
            _("Pertimbangan dicatat oleh Pejabat Penilai Kinerja %(name)s.")
            % {"name": answer.person.name if answer.person else "-"},
            rule=answer.rule,
            citation=answer.citation,
        )
    if rating.status != Rating.Status.DRAFT:
        raise ValidationFailed(
            code=PerformanceErrorCode.RATING_SIGNED,
            message=_("Penilaian yang sudah ditetapkan tidak dapat diubah."),
        )
    return rating, skp


def _lead_check(skp: Skp, given_by_id: int) -> None:
    """The lead's consideration comes from the lead of a team the employee worked in."""
    teams = Team.objects.filter(
        lead_id=given_by_id, memberships__employee_id=skp.employee_id
    ).exclude(status__in=(Team.Status.FORMING, Team.Status.REJECTED))
    if not teams.exists():
        raise ValidationFailed(
            code=PerformanceErrorCode.CONSIDERATION_GIVER,
            message=_("Pertimbangan diberikan oleh ketua tim tempat pegawai bekerja."),
            fields={"given_by_id": _("Bukan ketua tim pegawai ini.")},
        )


@transaction.atomic(durable=True)
def rating_consideration_record(
    *,
    actor: Employee,
    rating_id: int,
    kind: str,
    given_by_id: int,
    text: str,
    at: dt.datetime,
    on: dt.date,
) -> Consideration:
    """Record, as the appraiser of record, a consideration heard for a drafted rating: the
    Kepala Bagian's for its field (V-46) or a team lead's.

    Implements: V-46 (Perwali Surakarta 32/2023 Pasal 28 ayat (3), Lampiran VI angka 1 huruf b:
    the giver is the head on the day of the Bagian BKPSDM recorded as the position's field).
    Raises NotFound, PermissionDenied, ValidationFailed (signed rating, wrong giver, empty text),
    RuleViolation (V-46: no field recorded).
    """
    rating, skp = _draft_to_consider(actor, rating_id, on)
    checks.choice_check(kind, Consideration.Kind.values, "kind")
    if not text.strip():
        raise ValidationFailed(
            code=PerformanceErrorCode.UNKNOWN_VALUE,
            message=_("Tuliskan pertimbangannya."),
            fields={"text": _("Wajib diisi.")},
        )
    pack = load_pack(skp.government.pack_id)
    if kind == Consideration.Kind.KEPALA_BAGIAN:
        appraisal_checks.kepala_bagian_check(pack, skp, given_by_id, on)
    else:
        _lead_check(skp, given_by_id)
    consideration, _created = Consideration.objects.update_or_create(
        rating=rating,
        kind=kind,
        given_by_id=given_by_id,
        defaults={
            "government_id": rating.government_id,
            "text": text.strip(),
            "recorded_by": actor,
            "recorded_at": at,
        },
    )
    audit(
        actor.government_id,
        actor,
        "performance.consideration_recorded",
        (RATING_SUBJECT, rating.pk),
        at,
        after={"kind": kind, "given_by": given_by_id},
        rule=appraisal_checks.V46 if kind == Consideration.Kind.KEPALA_BAGIAN else "",
        citation=pack.citation_of(appraisal_checks.V46)
        if kind == Consideration.Kind.KEPALA_BAGIAN
        else "",
    )
    return consideration


@transaction.atomic(durable=True)
def rhk_activity_item_target_set(
    *, actor: Employee, rhk_id: int, item: str, target: str, at: dt.datetime, on: dt.date
) -> ActivityItemTarget:
    """Set the target of a JF activity item (butir kegiatan) under an RHK of a JF's SKP, as the
    employee or the appraiser of record, after the performance dialogue it rests on.

    Implements: V-60 (Perwali Surakarta 32/2023 Lampiran IV 3.1.1 angka 1 huruf i). Raises
    NotFound, ValidationFailed (not a JF; empty item or target), RuleViolation (V-60: no
    dialogue held yet).
    """
    rhk = (
        Rhk.objects.select_related("skp__government", "skp__position")
        .filter(pk=rhk_id, skp__government_id=actor.government_id)
        .first()
    )
    if rhk is None or not rules.may_record_dialogue(actor.pk, rhk.skp, on)[0]:
        raise NotFound()
    skp = rhk.skp
    if skp.position.kind != "FUNGSIONAL" or not item.strip() or not target.strip():
        raise ValidationFailed(
            code=PerformanceErrorCode.UNKNOWN_VALUE,
            message=_("Butir kegiatan dan targetnya ditetapkan untuk RHK pejabat fungsional."),
            fields={"item": _("Wajib diisi.")},
        )
    pack = load_pack(skp.government.pack_id)
    dialogue = appraisal_checks.v60_dialogue(pack, skp, on)
    target_row = ActivityItemTarget.objects.create(
        government_id=skp.government_id,
        rhk=rhk,
        item=item.strip()[:300],
        target=target.strip()[:120],
        dialogue=dialogue,
        set_by=actor,
        set_on=on,
    )
    audit(
        actor.government_id,
        actor,
        "performance.activity_item_target_set",
        (SKP_SUBJECT, skp.pk),
        at,
        after={
            "rhk": rhk.pk,
            "item": target_row.item,
            "dialogue": dialogue.pk if dialogue else None,
        },
        rule=appraisal_checks.V60,
        citation=pack.citation_of(appraisal_checks.V60),
    )
    return target_row
