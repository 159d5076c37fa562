"""Who may do what in the organisation app (permission predicates)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """The person acting, as the services see them."""

    user_id: int | None
    label: str
    government_id: int
    employee_id: int | None = None
    is_bkpsdm_admin: bool = False
    is_system: bool = False

    @classmethod
    def system(cls, government_id: int, label: str = "system") -> Actor:
        """The system itself (demo generator, imports run by an operator's command)."""
        return cls(user_id=None, label=label, government_id=government_id, is_system=True)


def may_change_organization(actor: Actor, government_id: int) -> bool:
    """V-39: placements and delegations are changed by BKPSDM on the staffing authority's behalf."""
    if actor.government_id != government_id:
        return False
    return actor.is_bkpsdm_admin or actor.is_system
