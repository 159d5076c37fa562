"""`manage.py setup_demo` runs every step of `make run`'s set-up in one process."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from sikerja.organization.models import Government


@pytest.mark.usefixtures("world")
def test_on_a_prepared_database_it_checks_the_packs_and_keeps_the_demo():
    governments = Government.objects.count()
    out = StringIO()

    call_command("setup_demo", stdout=out)

    printed = out.getvalue()
    assert "No migrations to apply." in printed
    assert "surakarta-2023" in printed  # the packs check lists every pack
    assert "Basis data sudah berisi data; demo tidak dibuat ulang." in printed
    assert Government.objects.count() == governments


@pytest.mark.usefixtures("world")
def test_it_adds_the_sample_teams_in_the_same_pass_once(settings, tmp_path):
    from sikerja.teams.models import Obstacle, Team, TeamEvaluation, TeamReport

    settings.SIKERJA_EVIDENCE_ROOT = tmp_path / "evidence"

    first, second = StringIO(), StringIO()

    call_command("setup_demo", stdout=first)
    call_command("setup_demo", stdout=second)

    assert "- Pendataan Layanan Publik: FORMING" in first.getvalue()
    assert "tim kerja contoh sudah ada" in second.getvalue()
    assert list(Team.objects.order_by("pk").values_list("status", flat=True)) == [
        "FORMING",
        "ACTIVE",
        "ACTIVE",
        "ACTIVE",
        "ACTIVE",
        "COMPLETED",
    ]
    assert "- Pemutakhiran Data Aset: COMPLETED" in first.getvalue()
    assert (
        list(Obstacle.objects.values_list("status", flat=True)),
        sorted(TeamReport.objects.values_list("status", flat=True)),
        list(TeamEvaluation.objects.values_list("status", flat=True)),
    ) == (
        ["UNDER_DECISION"],
        ["RECEIVED", "RECEIVED", "RECEIVED", "SUBMITTED"],
        ["DECLARED_COMPLETE"],
    )


@pytest.mark.usefixtures("world")
def test_it_adds_the_performance_year_after_the_teams_once():
    from sikerja.performance.models import Rating, Skp

    first, second = StringIO(), StringIO()

    call_command("setup_demo", stdout=first)
    skps = Skp.objects.count()
    call_command("setup_demo", stdout=second)

    printed = first.getvalue()
    assert printed.index("- Pendataan Layanan Publik") < printed.index(": SIGNED")
    assert ": DRAFT" in printed
    assert "kinerja contoh sudah ada" in second.getvalue()
    assert Skp.objects.count() == skps > 0
    assert set(Rating.objects.values_list("status", flat=True)) == {"SIGNED", "DRAFT"}


@pytest.mark.usefixtures("world")
def test_it_migrates_only_when_a_migration_is_pending(monkeypatch):
    from sikerja.organization.management.commands import setup_demo

    assert setup_demo.migrations_pending() is False
    monkeypatch.setattr(setup_demo, "migrations_pending", lambda: True)
    out = StringIO()

    call_command("setup_demo", stdout=out)

    assert "Operations to perform:" in out.getvalue()  # migrate's own report


@pytest.mark.usefixtures("world")
def test_run_demo_prepares_then_serves_in_the_same_process_checking_once(monkeypatch):
    """`make run`: the logins printed, then the server, with no reloader process, no second
    pass of the system checks and no second migration check."""
    from django.core import checks
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management.commands import runserver
    from django.db import migrations

    served = []
    check_runs = []
    real_run_checks = checks.run_checks

    def counted_run_checks(*args, **kwargs):
        check_runs.append(kwargs.get("tags"))
        return real_run_checks(*args, **kwargs)

    def serve(addr, port, handler, **kwargs):
        kwargs["on_bind"](port)
        served.append((addr, port, handler, kwargs["threading"]))

    class NoConnections:
        """inner_run closes the set-up's connections; the test's transaction keeps its own."""

        def all(self, **kwargs):
            return []

    def refuse(*args, **kwargs):
        raise AssertionError("no reloader and no second migration check")

    monkeypatch.setattr(checks, "run_checks", counted_run_checks)
    monkeypatch.setattr(runserver, "run", serve)
    monkeypatch.setattr(runserver, "connections", NoConnections())
    monkeypatch.setattr(runserver.autoreload, "run_with_reloader", refuse)
    monkeypatch.setattr(migrations.executor.MigrationExecutor, "__init__", refuse, raising=False)
    monkeypatch.setattr(
        "sikerja.organization.management.commands.setup_demo.migrations_pending", lambda: False
    )
    out = StringIO()

    call_command("run_demo", "127.0.0.1:8799", skip_checks=False, stdout=out)

    printed = out.getvalue()
    assert (
        printed.index("Login demo:")
        < printed.index("Kata sandi")
        < printed.index("Starting development server at http://127.0.0.1:8799/")
    )
    [(addr, port, handler, threading)] = served
    assert (addr, port, threading) == ("127.0.0.1", 8799, True)
    assert isinstance(handler, WSGIHandler)
    assert check_runs.count(None) == 1  # every check once, before the set-up
