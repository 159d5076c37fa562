"""A signed rating of the JF Ahli Muda (by the kabid, their appraiser) and its objection, built
through the services on the Surakarta world: the kabid's own appraiser, the Kepala Dinas, is the
atasan of the JF's Pejabat Penilai Kinerja and decides the objection."""

from __future__ import annotations

import datetime as dt

from sikerja.performance import services
from sikerja.performance.models import Objection, Rating
from sikerja.performance.services.objection import ObjectionDecision
from sikerja.performance.services.ratings import RatingInput
from tests.performance.world import NOW, ON, approved, cascaded_skp, head_skp

BELOW, MEETS = "DI_BAWAH_EKSPEKTASI", "SESUAI_EKSPEKTASI"


def signed_rating(kabid, skp, at: dt.datetime = NOW) -> Rating:
    """The JF's fourth-quarter rating, Butuh Perbaikan, signed by the kabid at `at`."""
    data = RatingInput(skp.pk, "QUARTERLY", 4, BELOW, MEETS)
    drafted = services.rating_draft(actor=kabid, data=data, at=NOW, on=ON).rating
    return services.rating_sign(actor=kabid, rating_id=drafted.pk, at=at, on=ON)


def jf_signed_rating(persona_of, at: dt.datetime = NOW) -> Rating:
    """The JF Ahli Muda's approved SKP (cascaded from the kabid's, from the Kepala Dinas's PK)
    and its fourth quarter signed by the kabid."""
    _head, head_main = head_skp(persona_of("kepala_dinas"))
    _kabid, kabid_main = cascaded_skp(persona_of("kabid"), head_main)
    jf, _ = cascaded_skp(persona_of("jf_ahli_muda"), kabid_main)
    return signed_rating(persona_of("kabid"), approved(jf), at)


def jf_objection(persona_of) -> Objection:
    """The JF Ahli Muda's objection to that rating, waiting for the Kepala Dinas."""
    return filed(persona_of("jf_ahli_muda"), jf_signed_rating(persona_of))


def filed(employee, rating: Rating, *, days_later: int = 1) -> Objection:
    at = NOW + dt.timedelta(days=days_later)
    return services.objection_file(
        actor=employee,
        rating_id=rating.pk,
        reason="Hasil kerja triwulan ini memenuhi target.",
        at=at,
        on=at.date(),
    )


def decide(by, objection: Objection, decision: str = "uphold", predikat: str = "", **extra):
    data = ObjectionDecision(decision, extra.pop("reason", "Sudah diperiksa."), predikat)
    at = NOW + dt.timedelta(days=3)
    return services.objection_decide(
        actor=by, objection_id=objection.pk, data=data, at=at, on=at.date()
    )
