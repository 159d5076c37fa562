"""Team use cases: formation on the pack's flow (`formation`), changes to an active team
(`changes`)."""

from sikerja.teams.services.formation import team_decide, team_definition, team_propose
from sikerja.teams.services.proposal import (
    proposal_route,
    proposal_shape,
    team_proposal_problems,
)

__all__ = [
    "proposal_route",
    "proposal_shape",
    "team_decide",
    "team_definition",
    "team_proposal_problems",
    "team_propose",
]
