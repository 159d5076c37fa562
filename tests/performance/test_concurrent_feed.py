"""Two appraisers deciding the same proposed RHK at once (the appraiser of record and one acting
for them under a delegation of performance management): exactly one wins, the other gets
StaleState; the SKP gains one RHK. Threads with their own connections, as for sign-off."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.performance.feed_sources import Feed
from sikerja.performance.models import Rhk, RhkProposal
from sikerja.performance.services.feed import propose, rhk_proposal_accept, rhk_proposal_decline
from tests.performance.test_concurrent_sign_off import _approved_jf_skp, _race
from tests.performance.world import NOW, ON


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_two_appraisers_deciding_one_proposal_at_once_exactly_one_wins(world, persona, operator):
    skp, kabid, acting = _approved_jf_skp(persona, operator)
    work = Feed(
        "ASSIGNMENT",
        777,
        skp.employee_id,
        "",
        "Kajian",
        "",
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 31),
    )
    proposal = propose(work, NOW, ON)
    assert proposal is not None

    def decide(signer):
        if signer.pk == kabid.pk:
            return rhk_proposal_accept(actor=signer, proposal_id=proposal.pk, at=NOW, on=ON)
        return rhk_proposal_decline(
            actor=signer, proposal_id=proposal.pk, reason="Sudah tercakup", at=NOW, on=ON
        )

    outcomes = _race(decide, [kabid.pk, acting.pk, kabid.pk, acting.pk])

    assert sorted(outcomes)[:3] == ["stale", "stale", "stale"]
    decided = RhkProposal.objects.get(pk=proposal.pk)
    assert decided.status in {"ACCEPTED", "DECLINED"}
    assert Rhk.objects.filter(skp=skp, kind="TAMBAHAN").count() == (
        1 if decided.status == "ACCEPTED" else 0
    )
    assert AuditEvent.objects.filter(action__startswith="performance.rhk_proposal_").count() == 1
