"""The content hash of a letter: sha256 over the canonical JSON of what the letter says."""

from __future__ import annotations

import hashlib
from typing import Any

from sikerja.audit.hashing import canonical_json
from sikerja.documents.models import Letter


def letter_content(letter: Letter) -> dict[str, Any]:
    """Every field the letter prints or is identified by (not the row id nor the issue time)."""
    return {
        "government_id": letter.government_id,
        "agency_id": letter.agency_id,
        "year": letter.year,
        "sequence": letter.sequence,
        "number": letter.number,
        "doc_type": letter.doc_type,
        "title": letter.title,
        "issued_on": letter.issued_on.isoformat(),
        "signer": letter.signer,
        "addressees": letter.addressees,
        "cc": letter.cc,
        "body": letter.body,
        "on_behalf_of": letter.on_behalf_of,
        "citation": letter.citation,
        "verification_code": letter.verification_code,
        "workflow_instance_id": letter.workflow_instance_id,
        "workflow_step_id": letter.workflow_step_id,
        "is_external": letter.is_external,
        "medium": letter.medium,
    }


def content_sha256(letter: Letter) -> str:
    """The hash stored in `Letter.content_sha256`; recomputing it checks the row is intact."""
    return hashlib.sha256(canonical_json(letter_content(letter)).encode()).hexdigest()


def letter_is_intact(letter: Letter) -> bool:
    """Whether the stored content still matches the hash taken at issue."""
    return content_sha256(letter) == letter.content_sha256
