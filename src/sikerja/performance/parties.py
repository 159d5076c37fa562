"""The performance kind's typed role map: the `employee` whose SKP (or rating) it is.

`employee.appraiser` then resolves through the organisation resolver on the day, with its rule
and citation (delegations of performance management by grade included, Blitar Pasal 17).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sikerja.workflows import actors
from sikerja.workflows.actors import ActorContext, ResolvedActor

PERFORMANCE = "performance"


@dataclass
class PerformanceParties:
    """The sides of a performance flow, stored on the workflow instance as JSON."""

    owner: int

    def as_json(self) -> dict[str, Any]:
        return {"employee": self.owner}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PerformanceParties:
        return cls(owner=int(data["employee"]))

    def employee(self, name: str) -> int | None:
        return self.owner if name == "employee" else None

    def employees(self, name: str) -> list[int]:
        return []

    def unit(self, name: str) -> int | None:
        return None


def _employee(ctx: ActorContext, expression: str) -> ResolvedActor:
    """The employee themself, or the official who holds a role over them on the day."""
    parties = ctx.parties
    assert isinstance(parties, PerformanceParties)  # noqa: S101 (registered for this kind only)
    return actors.employee_role(ctx, expression, parties.owner, expression.partition(".")[2])


def register_actors() -> None:
    """Declare the performance kind's role map and name its lanes on process maps."""
    actors.declare_parties(PERFORMANCE, {"employee": "employee"})
    actors.register(
        PERFORMANCE, "employee", _employee, ("Pegawai yang dinilai", "Appraised employee")
    )
    actors.register(
        PERFORMANCE,
        "employee.appraiser",
        _employee,
        (
            "Pejabat Penilai Kinerja (pegawai yang dinilai)",
            "Performance appraiser (appraised employee)",
        ),
    )
