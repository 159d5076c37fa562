"""`manage.py restore_check [--save FILE | --expect FILE]`: check a database after a restore.

It lives in core because it belongs to no domain app: it counts the rows of every installed
model through the app registry and runs the audit app's own `audit --verify` by name, so core
still imports no other Sikerja app.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from io import StringIO
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def row_counts() -> dict[str, int]:
    """Rows of every table of an installed model, by table name (a table shared by several
    models, such as an auto-created through table, is counted once)."""
    tables = {
        model._meta.db_table: model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
    return {table: tables[table]._default_manager.count() for table in sorted(tables)}


def unapplied_migrations() -> list[str]:
    """The migrations on disk that the database has not applied, as `app.name`."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


class Command(BaseCommand):
    """Check a restored database: migrations applied, row counts, and the audit chains.

    Before a backup, `--save FILE` writes the row count of every table as JSON next to the dump.
    After the restore, `--expect FILE` compares the restored counts with it and fails naming
    every table that differs. In both cases (and without either option) the command prints the
    counts, fails on unapplied migrations, and runs `audit --verify`, which fails on any break
    of the hash chains or of their latest signed checkpoint.
    """

    help = "Check a restored database: migrations, row counts per table, audit --verify."

    def add_arguments(self, parser: ArgumentParser) -> None:
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--save", type=Path, metavar="FILE", help="write the row counts")
        group.add_argument("--expect", type=Path, metavar="FILE", help="compare with saved counts")

    def handle(self, *args: Any, save: Path | None, expect: Path | None, **options: Any) -> None:
        pending = unapplied_migrations()
        if pending:
            raise CommandError(f"unapplied migrations: {', '.join(pending)}")
        counts = row_counts()
        for table, rows in counts.items():
            self.stdout.write(f"{table:<40} {rows:>10}")
        if save is not None:
            save.write_text(json.dumps(counts, indent=2, sort_keys=True) + "\n")
            self.stdout.write(f"row counts of {len(counts)} tables written to {save}")
        if expect is not None:
            self._compare(counts, json.loads(expect.read_text()))
        self._audit_verify()

    def _compare(self, counts: dict[str, int], expected: dict[str, int]) -> None:
        differences = [
            f"{table}: {expected.get(table, 'missing')} saved, {counts.get(table, 'missing')} now"
            for table in sorted(set(counts) | set(expected))
            if counts.get(table) != expected.get(table)
        ]
        for line in differences:
            self.stdout.write(line)
        if differences:
            raise CommandError(f"row counts differ from the backup in {len(differences)} tables")
        self.stdout.write(f"row counts match the backup: {len(counts)} tables")

    def _audit_verify(self) -> None:
        output = StringIO()
        try:
            call_command("audit", "--verify", stdout=output)
        finally:
            self.stdout.write(output.getvalue().rstrip())
