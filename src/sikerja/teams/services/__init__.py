"""Team use cases: formation on the pack's flow (`formation`), changes to an active team
(`changes`)."""

from sikerja.teams.services.formation import team_decide, team_definition, team_propose

__all__ = ["team_decide", "team_definition", "team_propose"]
