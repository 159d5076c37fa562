"""Audit events and the per-government chain heads that order them."""

from __future__ import annotations

from django.db import models


class AuditEvent(models.Model):
    """One recorded write: who did what to which object, when, and under which rule.

    Rows are append-only: database triggers (migration 0002) refuse UPDATE and DELETE.
    `government_id` is a plain integer so that the audit app depends on no other app.
    """

    government_id = models.BigIntegerField(db_index=True)
    seq = models.PositiveBigIntegerField()
    at = models.DateTimeField()
    actor_user_id = models.BigIntegerField(null=True)
    actor_label = models.CharField(max_length=150)
    action = models.CharField(max_length=100)
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    rule = models.CharField(max_length=100, blank=True)
    citation = models.CharField(max_length=500, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)
    # The id of the audit key (settings.AUDIT_KEYS) the hash was computed with.
    key_id = models.CharField(max_length=32)
    # The id of the HTTP request that wrote it (its log lines and X-Request-ID header carry the
    # same id); empty for a command. Hashed when not empty (sikerja.audit.hashing).
    request_id = models.CharField(max_length=128, blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government_id", "seq"], name="audit_event_government_seq_unique"
            ),
            models.CheckConstraint(condition=models.Q(seq__gte=1), name="audit_event_seq_gte_1"),
        ]
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_event_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.government_id}#{self.seq} {self.action} {self.object_type}:{self.object_id}"


class AuditChainHead(models.Model):
    """The last link of one government's audit chain, locked to serialise appends."""

    government_id = models.BigIntegerField(unique=True)
    last_seq = models.PositiveBigIntegerField()
    last_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"{self.government_id}#{self.last_seq}"
