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
