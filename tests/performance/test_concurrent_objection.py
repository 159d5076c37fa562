"""Two officials deciding one objection at once (the appraiser's superior and one acting for
them under a delegation of performance management): exactly one wins, the other gets
StaleState; the objection is decided once and the rating's predikat changes once."""

from __future__ import annotations

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.performance.models import Objection, Rating
from tests.performance.objection_world import decide, filed, signed_rating
from tests.performance.test_concurrent_sign_off import _race
from tests.performance.world import approved, cascaded_skp, delegate, head_skp


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_two_officials_deciding_one_objection_at_once_exactly_one_wins(world, persona, operator):
    kepala_dinas, acting = persona("kepala_dinas"), persona("outsider")
    delegate(operator, kepala_dinas, acting, "PERF_MGMT")
    _head, head_main = head_skp(kepala_dinas)
    _kabid_skp, kabid_main = cascaded_skp(persona("kabid"), head_main)
    jf, _ = cascaded_skp(persona("jf_ahli_muda"), kabid_main)
    rating = signed_rating(persona("kabid"), approved(jf))
    objection = filed(persona("jf_ahli_muda"), rating)
    choices = {kepala_dinas.pk: "BAIK", acting.pk: "SANGAT_BAIK"}

    outcomes = _race(
        lambda by: decide(by, objection, "change", choices[by.pk]),
        [kepala_dinas.pk, acting.pk, kepala_dinas.pk, acting.pk],
    )

    assert sorted(outcomes)[:3] == ["stale", "stale", "stale"]
    winner = int(sorted(outcomes)[3].removeprefix("won:"))
    decided = Objection.objects.get(pk=objection.pk)
    assert (decided.status, decided.decided_by_id, decided.predikat_after) == (
        "CHANGED",
        winner,
        choices[winner],
    )
    assert Rating.objects.get(pk=rating.pk).predikat == choices[winner]
    assert AuditEvent.objects.filter(action="performance.objection_decided").count() == 1
