"""Who may read an issued letter in full (and download its PDF): the one answer.

BKPSDM operators read every letter of their own government; anyone else only the letters they
sign, receive, are copied on, or are assigned by (body["assignees"], matched by employee id or,
within the letter's government where NIPs are unique, by NIP). The public verification page
shows every letter's authenticity and status, never its content.
"""

from __future__ import annotations

from sikerja.documents.models import Letter
from sikerja.organization.rules import Actor, Viewer


def _is_party(letter: Letter, *, employee_id: int | None, employee_nip: str) -> bool:
    """Signer, addressee, copy, or assignee; assignees snapshots may carry only a NIP."""
    parties = (letter.signer, *letter.addressees, *letter.cc)
    if employee_id is not None and any(
        isinstance(p, dict) and p.get("employee_id") == employee_id for p in parties
    ):
        return True
    assignees = [a for a in letter.body.get("assignees") or [] if isinstance(a, dict)]
    return any(
        (employee_id is not None and a.get("employee_id") == employee_id)
        or (employee_nip != "" and a.get("nip") == employee_nip)
        for a in assignees
    )


def may_read_letter(
    letter: Letter,
    *,
    employee_id: int | None,
    is_operator: bool,
    government_id: int | None,
    employee_nip: str = "",
) -> bool:
    """Whether the person may read the letter in full (may)."""
    if government_id == letter.government_id and is_operator:
        return True
    nip = employee_nip if government_id == letter.government_id else ""
    return _is_party(letter, employee_id=employee_id, employee_nip=nip)


def may_download_letter(viewer: Viewer, letter: Letter, nip: str) -> bool:
    """Whether the viewer (whose own NIP is `nip`) may download the letter's PDF (may)."""
    return may_read_letter(
        letter,
        employee_id=viewer.employee_id,
        is_operator=viewer.is_admin or viewer.is_auditor,  # the auditor reads as the operator
        government_id=viewer.government.pk,
        employee_nip=nip,
    )


def may_manage_letterhead(actor: Actor, government_id: int) -> bool:
    """Whether the person may see and change the government's kop surat: its BKPSDM operators
    only (may)."""
    return actor.is_bkpsdm_admin and actor.government_id == government_id
