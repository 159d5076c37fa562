"""manage.py team_reports_open: the daily run opens each period's reports once."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from sikerja.teams.models import TeamReport
from tests.teams.work.test_report_rules import kotim_team


@pytest.mark.django_db
def test_team_reports_open_opens_the_periods_begun_once(monkeypatch):
    _org, people, team = kotim_team()
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(2026, 12, 2))
    first, second = io.StringIO(), io.StringIO()

    call_command("team_reports_open", stdout=first)
    call_command("team_reports_open", stdout=second)

    assert (first.getvalue(), second.getvalue()) == (
        "2 laporan tim kerja dibuka.\n0 laporan penugasan individu dibuka.\n",
        "0 laporan tim kerja dibuka.\n0 laporan penugasan individu dibuka.\n",
    )
    assert sorted(TeamReport.objects.filter(team=team).values_list("kind", "author_id")) == sorted(
        [("LEAD", people["ahli_muda"].pk), ("MEMBER", people["pelaksana"].pk)]
    )
