"""Team work tests: an active team of the demo pemda (the JF Ahli Muda leads, the Pelaksana is
a member), evidence files in a temporary directory, and the edge clients."""

from __future__ import annotations

import pytest

from sikerja.teams.models import Team
from tests.clients import _empty_cache, client_of, session_as
from tests.teams.test_web_pages import propose
from tests.teams.world import decide

__all__ = ["_empty_cache", "client_of", "session_as"]


@pytest.fixture(autouse=True)
def evidence_root(settings, tmp_path):
    """Evidence files go to this test's own directory."""
    settings.SIKERJA_EVIDENCE_ROOT = tmp_path / "evidence"
    return settings.SIKERJA_EVIDENCE_ROOT


@pytest.fixture
def active_team(persona) -> Team:
    """The Kepala Dinas's team, formed on the Surakarta flow: the Sekda determines the JF Ahli
    Muda as lead, the Kepala Dinas sets it; the Pelaksana is a member."""
    team = propose(persona)
    decide(team, "approve", lead_id=persona("jf_ahli_muda").pk)
    team = decide(team, "approve")
    assert team.status == Team.Status.ACTIVE
    return team
