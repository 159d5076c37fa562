"""`manage.py api_token <username> [--label L]`: create an API token and print it once."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sikerja.accounts.tokens import api_token_create
from sikerja.core.errors import DomainError


class Command(BaseCommand):
    """Create an API token for an integration acting as the given user.

    Prints the raw token on one line, once: only its hash is stored, so it cannot be shown
    again. Send it as `Authorization: Bearer <token>`. The creation is recorded in the audit
    log of the user's government. Fails for an unknown user or one without a government account.
    """

    help = "Create an API token for a user and print it once (only its hash is stored)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username", help="The user the integration acts as.")
        parser.add_argument(
            "--label", default="", help="What the token is for, e.g. 'e-Kinerja sync'."
        )

    def handle(self, *args: Any, username: str, label: str, **options: Any) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"unknown user: {username}")
        try:
            raw = api_token_create(user=user, label=label, at=timezone.now())
        except DomainError as exc:
            raise CommandError(str(exc.message)) from exc
        self.stdout.write(raw)
