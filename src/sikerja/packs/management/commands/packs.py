"""List the regulation packs, or check that every pack file satisfies the schema."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from django.core import checks
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sikerja.regulations.loader import PACKS_DIR, PackCheck, check_all


def check_line(result: PackCheck) -> str:
    """One line of `packs --check`: `<id>  ok  <n> rules` or `<id>  INVALID  <reason>`."""
    if result.ok:
        return f"{result.pack_id}  ok  {result.rules} rules"
    return f"{result.pack_id}  INVALID  {result.error}"


def _instrument(path: Path) -> str:
    with path.open("rb") as handle:
        return str(tomllib.load(handle)["pack"]["instrument"])


class Command(BaseCommand):
    """`manage.py packs [--check] [--dir PATH]`: list or validate the regulation packs.

    Raises CommandError (exit status 1) when `--check` finds an invalid pack.
    """

    help = "List the regulation packs with their instrument; --check validates every pack file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="validate every pack file against the schema; exit 1 if any is invalid",
        )
        parser.add_argument(
            "--dir",
            type=Path,
            default=PACKS_DIR,
            help="directory of pack files (default: the installed packs)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        results = check_all(options["dir"])
        if options["check"]:
            self._check(results)
        else:
            self._list(results)

    def _check(self, results: list[PackCheck]) -> None:
        for result in results:
            self.stdout.write(check_line(result))
        invalid = [result.pack_id for result in results if not result.ok]
        if invalid:
            raise CommandError(f"{len(invalid)} invalid pack(s): {', '.join(invalid)}")
        # What only the running product knows: that every workflow's kind, actor expressions
        # and conditions are registered by an app (the system checks tagged "packs").
        problems = [m for m in checks.run_checks(tags=["packs"]) if m.is_serious()]
        for problem in problems:
            self.stdout.write(f"{problem.obj}  INVALID  {problem.msg}")
        if problems:
            raise CommandError(f"{len(problems)} workflow problem(s) in the packs")

    def _list(self, results: list[PackCheck]) -> None:
        for result in results:
            if result.ok:
                self.stdout.write(f"{result.pack_id}  {_instrument(result.path)}")
            else:
                self.stdout.write(check_line(result))
