"""Logins' standing in a government (Account) and the API tokens of integrations (ApiToken)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sikerja.core.models import TimeStampedModel


class Account(TimeStampedModel):
    """A login's standing in one government: its employee record and operator rights."""

    class Role(models.TextChoices):
        BKPSDM_ADMIN = "BKPSDM_ADMIN", _("Operator BKPSDM")
        AUDITOR = "AUDITOR", _("Auditor (Inspektorat)")
        EMPLOYEE = "EMPLOYEE", _("Pegawai")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account"
    )
    government = models.ForeignKey(
        "organization.Government", on_delete=models.PROTECT, related_name="accounts"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    # Set when failed logins used up the account's attempts; cleared by time or by BKPSDM.
    login_locked_until = models.DateTimeField(null=True, blank=True)
    # The first day the login is refused (the employee left the government, or BKPSDM
    # deactivated it); empty while it is active. Read at login and on every request.
    access_until = models.DateField(null=True, blank=True)
    # Set when BKPSDM creates the login or resets its password: the next login must choose one.
    must_change_password = models.BooleanField(default=False)
    # The language the person last chose in the UI ("" until they choose one): what is written
    # to them outside a request (the email copies of notifications) is written in it.
    language = models.CharField(max_length=10, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["government", "login_locked_until"], name="account_gov_locked_idx")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} ({self.role})"

    def is_active_on(self, day: dt.date) -> bool:
        """Whether the login may be used on the day (refused from `access_until` on)."""
        return self.access_until is None or day < self.access_until


class ApiToken(TimeStampedModel):
    """An API token for an integration, stored as a hash; the raw token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    label = models.CharField(max_length=100, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user_id})"
