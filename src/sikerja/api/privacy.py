"""Which NIPs an API answer shows in full (ARCHITECTURE §5: personal data masked where not needed).

Lists (employees, the unit tree, kedudukan, delegations) mask every NIP except the caller's own;
BKPSDM operators, who keep the personnel records, see them in full. Answers about one person the
caller named by NIP (detail, placement history, roles) show full NIPs: the caller already has
that NIP, and the officials in a role answer sign that person's SKP with their NIP on it.
"""

from __future__ import annotations

from sikerja.organization.nip import mask_nip
from sikerja.organization.selectors import Viewer


def listed_nip(viewer: Viewer | None, employee_id: int, nip: str) -> str:
    """The NIP as a list shows it to this viewer."""
    if viewer is not None and (viewer.is_admin or viewer.employee_id == employee_id):
        return nip
    return mask_nip(nip)
