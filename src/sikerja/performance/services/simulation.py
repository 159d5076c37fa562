"""The curve simulator's apply (issue item 6): the head redrafts the moved ratings at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound, ValidationFailed
from sikerja.organization.models import Employee, OrgUnit
from sikerja.performance.errors import PerformanceErrorCode
from sikerja.performance.models import Rating
from sikerja.performance.services.ratings import RatingInput, draft_in_transaction
from sikerja.performance.simulator import moves_of
from sikerja.regulations.loader import load_pack


@transaction.atomic(durable=True)
def ratings_redraft(
    *,
    actor: Employee,
    unit_id: int,
    period: tuple[int, str, int],
    asked: Mapping[int, str],
    at: dt.datetime,
    on: dt.date,
) -> list[Rating]:
    """Redraft the unit's ratings of the period the simulator moved (rating id → a pair
    "RESULT|BEHAVIOUR", or a predikat drafted as the pair nearest the current one), each as `rating_draft` does (its appraiser of record on the day, one
    audit event each); all or nothing: one refusal writes none of them.

    Implements: P-PREDIKAT (the predikat from the matrix). Raises NotFound (a rating outside the
    unit's board), ValidationFailed (nothing moved, unknown value), PermissionDenied (a rating
    the actor does not give: its appraiser is named), StaleState (a rating signed meanwhile).
    """
    year, kind, index = period
    unit = OrgUnit.objects.filter(pk=unit_id, government_id=actor.government_id).first()
    if unit is None:
        raise NotFound()
    ratings = Rating.objects.filter(
        pk__in=list(asked),
        government_id=actor.government_id,
        unit__path__startswith=unit.path,
        year=year,
        period_kind=kind,
        period_index=index,
    ).in_bulk()
    if len(ratings) != len(asked):
        raise NotFound()
    current = {pk: (r.result_rating, r.behaviour_rating) for pk, r in ratings.items()}
    moves = moves_of(load_pack(actor.government.pack_id), current, asked)
    if not moves:
        raise ValidationFailed(
            code=PerformanceErrorCode.NOTHING_MOVED,
            message=_("Tidak ada penilaian yang dipindahkan dalam simulasi."),
        )
    return [
        draft_in_transaction(
            actor=actor,
            data=RatingInput(
                ratings[move.rating_id].skp_id,
                kind,
                index,
                move.result_rating,
                move.behaviour_rating,
                ratings[move.rating_id].note,
            ),
            at=at,
            on=on,
        )[0]
        for move in moves
    ]
