import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import StaleState, ValidationFailed
from sikerja.documents.models import Letter, LetterRevocation
from sikerja.documents.services import letter_revoke
from tests.documents.conftest import NOW, issue

LATER = NOW + dt.timedelta(days=3)


def _revocation_events(org):
    return AuditEvent.objects.filter(government_id=org.government.pk, action="letter.revoked")


def test_revoking_adds_a_revocation_and_one_audit_event_and_leaves_the_letter_unchanged(org):
    letter = issue(org)

    revocation = letter_revoke(letter=letter, reason="Salah alamat", by_label="bkpsdm", at=LATER)

    assert LetterRevocation.objects.get(letter=letter) == revocation
    assert (revocation.reason, revocation.by_label, revocation.at) == (
        "Salah alamat",
        "bkpsdm",
        LATER,
    )
    event = _revocation_events(org).get()
    assert (event.object_id, event.actor_label) == (str(letter.pk), "bkpsdm")
    assert event.after == {"number": letter.number, "reason": "Salah alamat"}
    assert Letter.objects.get(pk=letter.pk).content_sha256 == letter.content_sha256


def test_a_revocation_needs_a_reason(org):
    letter = issue(org)

    with pytest.raises(ValidationFailed) as refusal:
        letter_revoke(letter=letter, reason=" ", by_label="bkpsdm", at=LATER)

    assert refusal.value.code == "reason_required"
    assert not LetterRevocation.objects.filter(letter=letter).exists()
    assert not _revocation_events(org).exists()


def test_a_letter_is_revoked_once(org):
    letter = issue(org)
    letter_revoke(letter=letter, reason="Salah alamat", by_label="bkpsdm", at=LATER)

    with pytest.raises(StaleState) as refusal:
        letter_revoke(letter=letter, reason="Lagi", by_label="bkpsdm", at=LATER)

    assert refusal.value.code == "stale_state"
    assert LetterRevocation.objects.get(letter=letter).reason == "Salah alamat"
    assert _revocation_events(org).count() == 1
