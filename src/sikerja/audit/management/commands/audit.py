"""`manage.py audit --verify [--government ID]`: check the audit hash chains."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sikerja.audit import selectors


class Command(BaseCommand):
    """Verify the audit hash chains; print one line per break and fail if there is any.

    On success prints `audit chain ok: N events in M governments`. Run it from cron or after a
    restore: a break means an event was changed, removed or inserted outside `event_record`.
    """

    help = "Verify the audit log's hash chains (all governments, or one with --government)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--verify", action="store_true", help="Recompute and check every hash chain."
        )
        parser.add_argument(
            "--government", type=int, default=None, metavar="ID", help="Check only this one."
        )

    def handle(self, *args: Any, verify: bool, government: int | None, **options: Any) -> None:
        if not verify:
            raise CommandError("nothing to do: pass --verify")
        breaks = selectors.chain_verify(government_id=government)
        for chain_break in breaks:
            self.stdout.write(
                f"government {chain_break.government_id} seq {chain_break.seq}: "
                f"{chain_break.reason}"
            )
        if breaks:
            raise CommandError(f"audit chain broken: {len(breaks)} break(s)")
        totals = selectors.chain_totals(government_id=government)
        self.stdout.write(
            f"audit chain ok: {totals.events} events in {totals.governments} governments"
        )
