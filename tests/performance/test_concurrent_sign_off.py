"""Two appraisers signing the same rating at once (the appraiser of record and one acting for
them under a delegation of performance management): exactly one wins, the other gets StaleState; the rating is signed once.

Each signer runs in its own thread with its own connection, started together by a barrier: on
PostgreSQL these are real parallel transactions, on SQLite they queue for the write lock.
"""

from __future__ import annotations

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Employee
from sikerja.performance import services
from sikerja.performance.models import Rating
from sikerja.performance.services.ratings import RatingInput
from tests.concurrency import race
from tests.performance.world import NOW, ON, approved, cascaded_skp, delegate, head_skp


def _race(act, signer_ids: list[int]) -> list[str]:
    """Run `act(employee)` for every id at once, each in its own thread and connection."""

    def sign(signer: Employee) -> str:
        act(signer)
        return f"won:{signer.pk}"

    return race(
        sign, signer_ids, ready=lambda pk: Employee.objects.select_related("government").get(pk=pk)
    )


def _approved_jf_skp(persona, operator):
    """The JF's approved SKP, and the kabid with one acting for them (performance management)."""
    kabid, acting = persona("kabid"), persona("outsider")
    delegate(operator, kabid, acting, "PERF_MGMT")
    _head, head_main = head_skp(persona("kepala_dinas"))
    _kabid_skp, kabid_main = cascaded_skp(kabid, head_main)
    jf, _ = cascaded_skp(persona("jf_ahli_muda"), kabid_main)
    return approved(jf), kabid, acting


DATA = ("QUARTERLY", 4, "SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI")


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_two_appraisers_signing_one_rating_at_once_exactly_one_wins(world, persona, operator):
    jf, kabid, acting = _approved_jf_skp(persona, operator)
    data = RatingInput(jf.pk, *DATA)
    rating = services.rating_draft(actor=kabid, data=data, at=NOW, on=ON).rating

    outcomes = _race(
        lambda signer: services.rating_sign(actor=signer, rating_id=rating.pk, at=NOW, on=ON),
        [kabid.pk, acting.pk, kabid.pk, acting.pk],
    )

    assert sorted(outcomes)[:3] == ["stale", "stale", "stale"]
    winner = int(sorted(outcomes)[3].removeprefix("won:"))
    signed = Rating.objects.get(pk=rating.pk)
    assert (signed.status, signed.signed_by_id, signed.version) == ("SIGNED", winner, 1)
    assert AuditEvent.objects.filter(action="performance.rating_signed").count() == 1


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_two_first_drafts_of_one_period_at_once_leave_one_rating(world, persona, operator):
    jf, kabid, acting = _approved_jf_skp(persona, operator)
    data = RatingInput(jf.pk, *DATA)

    outcomes = _race(
        lambda rater: services.rating_draft(actor=rater, data=data, at=NOW, on=ON),
        [kabid.pk, acting.pk],
    )

    # The later one redrafts the draft (SQLite serialises the two) or loses the race to create
    # it (PostgreSQL runs them side by side): never a second rating, never a server error.
    assert {outcome.partition(":")[0] for outcome in outcomes} <= {"won", "stale"}
    assert Rating.objects.filter(skp=jf).count() == 1
