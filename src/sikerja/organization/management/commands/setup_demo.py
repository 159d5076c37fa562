"""`manage.py setup_demo`: everything `make run` prepares before serving, in one process."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

DEFAULT_PACK = "surakarta-2023"
DEFAULT_EMPLOYEES = 1500


class Command(BaseCommand):
    """Migrate, create the cache table, check the packs, then build the demo pemda, its
    requests, its teams and its performance year unless the database already has them: one Python start-up and one Django set-up
    instead of five (each `manage.py` run paid both, before the server could start)."""

    help = (
        "Prepare the demo database in one process: migrate, cache table, packs, demo, requests, "
        "teams, performance."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--pack", default=DEFAULT_PACK, help="Pack id of the demo pemda.")
        parser.add_argument(
            "--employees", type=int, default=DEFAULT_EMPLOYEES, help="Employees of the demo."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        quiet = {"stdout": self.stdout, "verbosity": options["verbosity"]}
        call_command("migrate", interactive=False, **quiet)
        call_command("createcachetable", **quiet)
        call_command("packs", check=True, **quiet)
        call_command(
            "demo", pack=options["pack"], employees=options["employees"], if_empty=True, **quiet
        )
        call_command("demo_requests", if_empty=True, **quiet)
        call_command("demo_teams", if_empty=True, **quiet)
        call_command("demo_performance", if_empty=True, **quiet)
