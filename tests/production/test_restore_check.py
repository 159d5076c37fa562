"""`manage.py restore_check`: row counts saved before a backup, compared after the restore, and
the audit chains verified; a real dump and restore of the test database on SQLite (the online
backup API) and on PostgreSQL (pg_dump -Fc, pg_restore into a new database)."""

# ruff: noqa: S603 - the project's own commands and PostgreSQL's client tools

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

ROOT = Path(__file__).resolve().parents[2]


def _check(*args: str) -> str:
    out = StringIO()
    call_command("restore_check", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_counts_are_saved_and_match_and_the_audit_chains_verify(world, tmp_path):
    saved = tmp_path / "counts.json"

    printed = _check("--save", str(saved))
    checked = _check("--expect", str(saved))

    counts = json.loads(saved.read_text())
    assert counts["organization_government"] == 2
    assert counts["organization_employee"] > 200
    assert counts["audit_auditevent"] > 0
    assert "row counts match the backup" in checked
    assert f"audit chain ok: {counts['audit_auditevent']} events in 2 governments" in checked
    assert printed.splitlines()[0].split() == ["accounts_account", str(counts["accounts_account"])]


@pytest.mark.django_db
def test_a_table_that_lost_rows_fails_the_check_naming_it(world, tmp_path):
    from sikerja.organization.models import Delegation

    saved = tmp_path / "counts.json"
    counts = json.loads(_check("--save", str(saved)) and saved.read_text())
    counts["organization_delegation"] = 3
    saved.write_text(json.dumps(counts))
    out = StringIO()

    with pytest.raises(CommandError, match="row counts differ from the backup in 1 tables"):
        call_command("restore_check", "--expect", str(saved), stdout=out)

    assert Delegation.objects.count() == 0
    assert "organization_delegation: 3 saved, 0 now" in out.getvalue()


@pytest.mark.django_db
def test_unapplied_migrations_fail_the_check(monkeypatch):
    monkeypatch.setattr(
        MigrationExecutor, "migration_plan", lambda self, targets: [(_Migration(), False)]
    )

    with pytest.raises(CommandError, match=r"unapplied migrations: documents\.0099_future"):
        _check()


class _Migration:
    app_label, name = "documents", "0099_future"


def _env_for(database: dict[str, str]) -> dict[str, str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sikerja.config.settings.test"}
    env.update(database)
    return env


def _restore_check(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "restore_check", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _sqlite_copy(source: str, target: Path) -> dict[str, str]:
    with sqlite3.connect(source) as live, sqlite3.connect(target) as copy:
        live.backup(copy)
    return {"SIKERJA_DATABASE_URL": "", "SIKERJA_SQLITE_PATH": str(target)}


def _postgres_copy(settings_dict: dict[str, object], tmp_path: Path) -> dict[str, str]:
    found = shutil.which("pg_dump") or max(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"))
    bindir = Path(found).parent
    host, port, user = (str(settings_dict[key]) for key in ("HOST", "PORT", "USER"))
    common = ["-h", host, "-p", port, "-U", user]
    dump = tmp_path / "sikerja.dump"
    restored = "sikerja_restored"
    subprocess.run(
        [str(bindir / "pg_dump"), *common, "-Fc", "-f", str(dump), str(settings_dict["NAME"])],
        check=True,
    )
    subprocess.run([str(bindir / "dropdb"), *common, "--if-exists", restored], check=True)
    subprocess.run([str(bindir / "createdb"), *common, restored], check=True)
    subprocess.run(
        [str(bindir / "pg_restore"), *common, "--no-owner", "-d", restored, str(dump)], check=True
    )
    return {"SIKERJA_DATABASE_URL": f"postgresql://{user}@/{restored}?host={host}&port={port}"}


def test_a_dump_restored_into_a_new_database_passes_the_check(world_committed, tmp_path):
    """The committed demo world (two governments) is backed up and restored as an operator
    would (docs/production.md), then checked against the counts saved before the backup."""
    settings_dict = connection.settings_dict
    source = _env_for(
        {"SIKERJA_DATABASE_URL": "", "SIKERJA_SQLITE_PATH": str(settings_dict["NAME"])}
        if connection.vendor == "sqlite"
        else {
            "SIKERJA_DATABASE_URL": os.environ["SIKERJA_DATABASE_URL"].replace(
                "/postgres?", f"/{settings_dict['NAME']}?"
            )
        }
    )
    saved = tmp_path / "counts.json"
    assert _restore_check(source, "--save", str(saved)).returncode == 0

    if connection.vendor == "sqlite":
        target = _sqlite_copy(str(settings_dict["NAME"]), tmp_path / "restored.sqlite3")
    else:
        target = _postgres_copy(settings_dict, tmp_path)
    checked = _restore_check(_env_for(target), "--expect", str(saved))

    assert checked.returncode == 0, checked.stderr
    assert "row counts match the backup" in checked.stdout
    assert "audit chain ok:" in checked.stdout
    assert json.loads(saved.read_text())["organization_government"] == 2
