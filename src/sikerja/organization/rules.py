"""Who may do what in the organisation app (permission predicates)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sikerja.organization.models import Government


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


@dataclass(frozen=True)
class Viewer:
    """What one logged-in person may see on a day (built by `selectors.viewer_for`)."""

    user_id: int
    username: str
    government: Government
    employee_id: int | None
    is_admin: bool
    sees_government: bool
    agency_ids: frozenset[int] = frozenset()
    unit_paths: tuple[str, ...] = ()
    chain_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def actor(self) -> Actor:
        """The same person as the services' Actor."""
        return Actor(
            user_id=self.user_id,
            label=self.username,
            government_id=self.government.pk,
            employee_id=self.employee_id,
            is_bkpsdm_admin=self.is_admin,
        )


def may_see_full_nip(viewer: Viewer | None, employee_id: int) -> bool:
    """ARCHITECTURE §5: a NIP is shown in full to BKPSDM operators, who keep the personnel
    records, and to the person themself; everyone else sees it masked."""
    return viewer is not None and (viewer.is_admin or viewer.employee_id == employee_id)
