"""`manage.py run_demo [ADDRPORT]`: prepare the demo database and serve it, in one process."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import CommandParser
from django.core.management.commands.runserver import Command as RunserverCommand

from sikerja.organization.management.commands.setup_demo import add_demo_arguments


class Command(RunserverCommand):
    """What `make run` runs: `setup_demo` (every system check once, migrations when pending,
    the demo pemda unless there, printing how to log in), then Django's development server in
    the same process, without the reloader's second process and without checking again what
    the set-up has just checked. Python, Django and the project are imported once: a second
    `manage.py runserver` paid all of it again before the first page (edit code: runserver).
    """

    help = "Prepare the demo database (setup_demo) and serve it in the same process."

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        add_demo_arguments(parser)
        # The reloader would run the set-up again in its child process.
        parser.set_defaults(use_reloader=False)

    def handle(self, *args: Any, **options: Any) -> None:
        call_command(
            "setup_demo",
            pack=options["pack"],
            employees=options["employees"],
            skip_checks=options["skip_checks"],
            verbosity=options["verbosity"],
            stdout=self.stdout,
            stderr=self.stderr,
        )
        super().handle(*args, **{**options, "use_reloader": False, "skip_checks": True})

    def check_migrations(self) -> None:
        """Nothing to warn about: `setup_demo` has just applied every pending migration."""
