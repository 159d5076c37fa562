"""What the performance app does when the engine closes an instance: an approved penugasan or
team proposes the additional RHK of the people it names (SPEC §6.5, §10.1)."""

from __future__ import annotations

from typing import Any

from sikerja.performance.services.feed import rhk_proposals_from_instance


def instance_closed(*, instance_id: int, **_payload: Any) -> None:
    """Propose the RHK the closed instance gives (nothing for other kinds, or twice)."""
    rhk_proposals_from_instance(instance_id=instance_id)
