"""`manage.py setup_demo`: everything `make run` prepares before serving, in one process."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

DEFAULT_PACK = "surakarta-2023"
DEFAULT_EMPLOYEES = 1500


def add_demo_arguments(parser: ArgumentParser) -> None:
    """`--pack` and `--employees`, as `setup_demo` and `run_demo` take them."""
    parser.add_argument("--pack", default=DEFAULT_PACK, help="Pack id of the demo pemda.")
    parser.add_argument(
        "--employees", type=int, default=DEFAULT_EMPLOYEES, help="Employees of the demo."
    )


def migrations_pending() -> bool:
    """Whether the database lacks a migration of the code (what `migrate` would apply)."""
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


class Command(BaseCommand):
    """Migrate, create the cache table, check the packs, then build the demo pemda, its
    requests, its teams and its performance year unless the database already has them: one Python start-up and one Django set-up
    instead of five (each `manage.py` run paid both, before the server could start).

    On a prepared database it is cheap: `migrate` runs only when a migration is pending (its
    model-change detection and post-migrate signals cost more than the rest of a prepared
    run), the packs parsed by the system checks are not parsed again, and each demo step only
    asks whether its data is there. `manage.py run_demo` (what `make run` runs) calls it and then
    serves in the same process.
    """

    help = (
        "Prepare the demo database in one process: migrate, cache table, packs, demo, requests, "
        "teams, performance."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        add_demo_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        quiet = {"stdout": self.stdout, "verbosity": options["verbosity"]}
        if migrations_pending():
            call_command("migrate", interactive=False, **quiet)
        else:
            self.stdout.write("No migrations to apply.")
        call_command("createcachetable", **quiet)
        call_command("packs", check=True, **quiet)
        call_command(
            "demo", pack=options["pack"], employees=options["employees"], if_empty=True, **quiet
        )
        call_command("demo_requests", if_empty=True, **quiet)
        call_command("demo_teams", if_empty=True, **quiet)
        call_command("demo_performance", if_empty=True, **quiet)
