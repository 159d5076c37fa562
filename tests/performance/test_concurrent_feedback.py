"""The employee answering the same feedback twice at once (two tabs): exactly one answer is
kept, the other is refused `feedback_already_acknowledged` (a check-and-set), on SQLite and
PostgreSQL alike."""

from __future__ import annotations

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.performance.models import RhkFeedback
from sikerja.performance.services.feedback import rhk_feedback_acknowledge
from tests.performance.notes_world import give
from tests.performance.test_concurrent_sign_off import _race
from tests.performance.world import NOW, approved, cascaded_skp, head_skp


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_two_answers_to_one_feedback_at_once_exactly_one_is_kept(world, persona):
    jf = persona("jf_ahli_muda")
    _head, head_main = head_skp(persona("kepala_dinas"))
    _kabid, kabid_main = cascaded_skp(persona("kabid"), head_main)
    skp, main = cascaded_skp(jf, kabid_main)
    approved(skp)
    note = give(persona("kabid"), main, "Lengkapi dokumentasi")

    outcomes = _race(
        lambda employee: rhk_feedback_acknowledge(
            actor=employee, feedback_id=note.pk, reply=f"Jawaban {id(employee)}", at=NOW
        ),
        [jf.pk, jf.pk, jf.pk],
    )

    assert sorted(outcomes)[2] == f"won:{jf.pk}"
    assert all("feedback_already_acknowledged" in outcome for outcome in sorted(outcomes)[:2])
    kept = RhkFeedback.objects.get(pk=note.pk)
    assert (kept.acknowledged_at, kept.reply.startswith("Jawaban ")) == (NOW, True)
    assert AuditEvent.objects.filter(action="performance.feedback_acknowledged").count() == 1
