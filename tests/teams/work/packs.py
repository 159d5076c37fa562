"""An active team per pack, formed on that pack's own flow: the JF Ahli Muda of the Bidang
leads, the Pelaksana is a member (Blitar: named on the lead's input, V-65)."""

from __future__ import annotations

from sikerja.teams.models import Team
from sikerja.teams.services import team_propose
from tests.organization.builders import Org, build_org
from tests.teams.test_changes import kotim_team, surakarta_team
from tests.teams.world import NOW, ON, decide, staff, team_input

PACKS = ["kotim-2023", "blitar-2023", "surakarta-2023", "cilegon-2023", "barut-2024"]


def _simple(pack_id: str, pelaksana_unit: str = "bidang") -> tuple[Org, dict, Team]:
    org = build_org(pack_id)
    people = staff(org, pelaksana_unit=pelaksana_unit)
    team = team_propose(
        requester=org.people["bidang"],
        data=team_input(lead_id=people["ahli_muda"].pk, member_ids=[people["pelaksana"].pk]),
        at=NOW,
        on=ON,
    )
    return org, people, decide(team, "approve")


def _blitar() -> tuple[Org, dict, Team]:
    org = build_org("blitar-2023")
    people = staff(org)
    team = team_propose(
        requester=org.people["dinas"],
        data=team_input(lead_id=people["ahli_muda"].pk),
        owner_unit_id=org.units["bidang"].pk,
        at=NOW,
        on=ON,
    )
    decide(team, "approve")
    decide(team, "submit", member_ids=[people["pelaksana"].pk], lead_input="pendataan lapangan")
    return org, people, decide(team, "approve")


def active_team(pack_id: str) -> tuple[Org, dict, Team]:
    """(org, staff, team) with the team ACTIVE under the pack's own formation flow."""
    if pack_id == "kotim-2023":
        return kotim_team()
    if pack_id == "surakarta-2023":
        return surakarta_team()
    if pack_id == "blitar-2023":
        return _blitar()
    if pack_id == "barut-2024":
        return _simple(pack_id, pelaksana_unit="subbidang")
    return _simple(pack_id)
