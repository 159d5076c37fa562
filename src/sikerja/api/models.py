"""What the API assembly keeps in the database: the claims of `Idempotency-Key`s."""

from __future__ import annotations

from django.db import models


class IdempotencyKey(models.Model):
    """A caller's claim on one Idempotency-Key, and once finished the response it earned.

    The unique (user, key) row is inserted before the operation runs, so of concurrent requests
    with one key exactly one inserts it and runs; `status` stays empty while it is in flight.
    """

    user_id = models.BigIntegerField()
    key_hash = models.CharField(max_length=64)
    fingerprint = models.CharField(max_length=64)
    claimed_at = models.DateTimeField()
    status = models.PositiveSmallIntegerField(null=True, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    body = models.BinaryField(default=b"")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user_id", "key_hash"], name="api_idempotency_key_once")
        ]
        indexes = [models.Index(fields=["claimed_at"], name="api_idempotency_claimed")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.key_hash[:8]}"
