"""Signed checkpoints outside the database: a chain cut at its end no longer verifies."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sikerja.audit.models import AuditChainHead, AuditEvent
from sikerja.audit.selectors import chain_totals
from tests.audit.factories import GOVERNMENT_ID, append_only_guard_drop, event_record


@pytest.fixture
def checkpoint_file(settings, tmp_path):
    settings.AUDIT_CHECKPOINT_PATH = tmp_path / "audit" / "checkpoints.jsonl"
    return settings.AUDIT_CHECKPOINT_PATH


def _audit(*args: str) -> str:
    out = StringIO()
    call_command("audit", *args, stdout=out)
    return out.getvalue()


def _cut_last_event() -> None:
    """Delete the chain's last event and point its head at the one before, as an intruder
    with database access would."""
    append_only_guard_drop()
    chain = AuditEvent.objects.filter(government_id=GOVERNMENT_ID)
    last = chain.order_by("-seq").first()
    chain.filter(pk=last.pk).delete()
    previous = chain.order_by("-seq").first()
    AuditChainHead.objects.filter(government_id=GOVERNMENT_ID).update(
        last_seq=previous.seq, last_hash=previous.hash
    )


@pytest.mark.django_db
def test_a_checkpoint_is_appended_signed_and_verify_checks_it(checkpoint_file):
    event_record()
    totals = chain_totals()

    written = _audit("--checkpoint")
    _audit("--checkpoint")
    verified = _audit("--verify")

    lines = checkpoint_file.read_text().splitlines()
    latest = json.loads(lines[-1])
    assert len(lines) == 2
    assert latest["heads"][str(GOVERNMENT_ID)][0] == 1
    assert (latest["key_id"], len(latest["mac"])) == ("1", 64)
    assert written.startswith(f"audit checkpoint written: {totals.governments} governments at ")
    assert verified == (
        f"audit chain ok: {totals.events} events in {totals.governments} governments\n"
        f"audit checkpoint ok: {latest['at']}\n"
    )


@pytest.mark.django_db
def test_cutting_the_last_event_and_rewriting_the_head_fails_verify(checkpoint_file):
    for number in range(3):
        event_record(object_id=f"test-{number}")
    _audit("--checkpoint")
    _cut_last_event()
    out = StringIO()

    with pytest.raises(CommandError, match=r"^audit chain broken: 1 break\(s\)$"):
        call_command("audit", "--verify", stdout=out)

    assert out.getvalue() == f"government {GOVERNMENT_ID} seq 3: checkpoint_missing\n"


@pytest.mark.django_db
def test_a_checkpoint_edited_without_the_key_fails_verify(checkpoint_file):
    for number in range(3):
        event_record(object_id=f"test-{number}")
    _audit("--checkpoint")
    _cut_last_event()
    latest = json.loads(checkpoint_file.read_text())
    latest["heads"][str(GOVERNMENT_ID)] = [
        2,
        AuditEvent.objects.get(government_id=GOVERNMENT_ID, seq=2).hash,
    ]
    checkpoint_file.write_text(json.dumps(latest) + "\n")
    out = StringIO()

    with pytest.raises(CommandError, match=r"^audit chain broken: 1 break\(s\)$"):
        call_command("audit", "--verify", stdout=out)

    assert out.getvalue() == (
        f"checkpoint {checkpoint_file}: checkpoint signature does not verify\n"
    )


@pytest.mark.django_db
def test_a_broken_chain_is_not_checkpointed(checkpoint_file):
    for number in range(2):
        event_record(object_id=f"test-{number}")
    append_only_guard_drop()
    AuditEvent.objects.filter(government_id=GOVERNMENT_ID, seq=2).update(citation="forged")

    with pytest.raises(CommandError, match="audit chain broken"):
        _audit("--checkpoint")

    assert not checkpoint_file.exists()


@pytest.mark.django_db
def test_checkpoint_refuses_a_single_government(checkpoint_file):
    with pytest.raises(CommandError, match="leave out --government"):
        _audit("--checkpoint", "--government", str(GOVERNMENT_ID))


@pytest.mark.django_db
def test_after_a_deliberate_restore_the_restored_heads_are_anchored_anew(checkpoint_file):
    for number in range(3):
        event_record(object_id=f"test-{number}")
    _audit("--checkpoint")
    _cut_last_event()  # what restoring a backup taken before the third event looks like
    with pytest.raises(CommandError, match="audit chain broken"):
        _audit("--checkpoint")

    _audit("--checkpoint", "--after-restore")
    verified = _audit("--verify")

    latest = json.loads(checkpoint_file.read_text().splitlines()[-1])
    assert latest["after_restore"] is True
    assert latest["heads"][str(GOVERNMENT_ID)][0] == 2
    assert verified.endswith(f"audit checkpoint ok: {latest['at']}\n")


@pytest.mark.django_db
def test_after_restore_goes_with_checkpoint_alone(checkpoint_file):
    with pytest.raises(CommandError, match="--after-restore goes with --checkpoint alone"):
        _audit("--verify", "--after-restore")
