"""Two appraisers signing the same rating at once (the appraiser of record and one acting for
them under a delegation of performance management): exactly one wins, the other gets StaleState; the rating is signed once.

Each signer runs in its own thread with its own connection, started together by a barrier: on
PostgreSQL these are real parallel transactions, on SQLite they queue for the write lock.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import StaleState
from sikerja.organization.models import Employee
from sikerja.performance import services
from sikerja.performance.models import Rating
from sikerja.performance.services.ratings import RatingInput
from tests.performance.world import NOW, ON, approved, cascaded_skp, delegate, head_skp


def _race(rating_id: int, signer_ids: list[int]) -> list[str]:
    barrier = threading.Barrier(len(signer_ids))
    outcomes: list[str] = []

    def sign(signer_id: int) -> None:
        signer = Employee.objects.select_related("government").get(pk=signer_id)
        barrier.wait()
        try:
            services.rating_sign(actor=signer, rating_id=rating_id, at=NOW, on=ON)
            outcomes.append(f"won:{signer_id}")
        except StaleState:
            outcomes.append("stale")
        except Exception as exc:
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=sign, args=(pk,)) for pk in signer_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_two_appraisers_signing_one_rating_at_once_exactly_one_wins(world, persona, operator):
    kabid, acting = persona("kabid"), persona("outsider")
    delegate(operator, kabid, acting, "PERF_MGMT")
    _head, head_main = head_skp(persona("kepala_dinas"))
    _kabid_skp, kabid_main = cascaded_skp(kabid, head_main)
    jf, _ = cascaded_skp(persona("jf_ahli_muda"), kabid_main)
    jf = approved(jf)
    data = RatingInput(jf.pk, "QUARTERLY", 4, "SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI")
    rating = services.rating_draft(actor=kabid, data=data, at=NOW, on=ON).rating

    outcomes = _race(rating.pk, [kabid.pk, acting.pk, kabid.pk, acting.pk])

    assert sorted(outcomes)[:3] == ["stale", "stale", "stale"]
    winner = int(sorted(outcomes)[3].removeprefix("won:"))
    signed = Rating.objects.get(pk=rating.pk)
    assert (signed.status, signed.signed_by_id, signed.version) == ("SIGNED", winner, 1)
    assert AuditEvent.objects.filter(action="performance.rating_signed").count() == 1
