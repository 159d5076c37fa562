"""manage.py teams_expire: the daily run ends every active team whose period has passed."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from sikerja.teams.models import Team
from tests.teams.test_changes import kotim_team


@pytest.mark.django_db
def test_teams_expire_ends_the_teams_past_their_period(monkeypatch):
    _org, _people, team = kotim_team()
    out = io.StringIO()
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(2027, 1, 1))

    call_command("teams_expire", stdout=out)
    team.refresh_from_db()

    assert (out.getvalue(), team.status) == ("1 tim kerja berakhir.\n", Team.Status.EXPIRED)
