"""The team kind's typed role map and the actor expressions only a team can answer.

Parties of a team's formation: the `requester` (who proposes it), the `owner` unit, the
`lead` once determined, the lead `candidates` and the `members`. `lead` names the lead;
`members` addresses every member of the team individually (V-69).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sikerja.workflows import actors
from sikerja.workflows.actors import ActorContext, ResolvedActor

TEAM = "team"


@dataclass
class TeamParties:
    """The sides of a team's formation, stored on the workflow instance as JSON."""

    requester: int
    owner_unit: int
    lead: int | None = None
    candidates: list[int] = field(default_factory=list)
    members: list[int] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "requester": self.requester,
            "owner_unit": self.owner_unit,
            "lead": self.lead,
            "candidates": list(self.candidates),
            "members": list(self.members),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TeamParties:
        lead = data.get("lead")
        return cls(
            requester=int(data["requester"]),
            owner_unit=int(data["owner_unit"]),
            lead=int(lead) if lead is not None else None,
            candidates=[int(pk) for pk in data.get("candidates", [])],
            members=[int(pk) for pk in data.get("members", [])],
        )

    def employee(self, name: str) -> int | None:
        return {"requester": self.requester, "lead": self.lead}.get(name)

    def employees(self, name: str) -> list[int]:
        return {"candidates": self.candidates, "team_members": self.members}.get(name, [])

    def unit(self, name: str) -> int | None:
        return self.owner_unit if name == "owner" else None


def _parties(ctx: ActorContext) -> TeamParties:
    parties = ctx.parties
    assert isinstance(parties, TeamParties)  # noqa: S101 (registered for the team kind only)
    return parties


def _lead(ctx: ActorContext, expression: str) -> ResolvedActor:
    lead = _parties(ctx).lead
    if lead is None:
        return ResolvedActor(expression, None, "", "")
    return actors.employee_role(ctx, expression, lead, "")


def _first_member(ctx: ActorContext, expression: str) -> ResolvedActor:
    members = _parties(ctx).members
    if not members:
        return ResolvedActor(expression, None, "", "")
    return actors.employee_role(ctx, expression, members[0], "")


def _every_member(ctx: ActorContext, expression: str) -> list[ResolvedActor]:
    """V-69: a letter to the team's members names each of them, the lead included."""
    parties = _parties(ctx)
    people = list(dict.fromkeys([*([parties.lead] if parties.lead else []), *parties.members]))
    return [actors.employee_role(ctx, expression, pk, "") for pk in people]


def register_actors() -> None:
    """Register the team kind's role map and its own expressions."""
    actors.declare_parties(TEAM, {"requester": "employee", "owner": "unit"})
    actors.register(TEAM, "lead", _lead, ("Ketua tim", "Team lead"))
    actors.register(TEAM, "members", _first_member, ("Anggota tim", "Team members"))
    actors.register_addressees(TEAM, "members", _every_member)
