"""Letter numbers and verification codes: pure formatting, no database.

A number reads `<classification>/<sequence>/<agency code>/<year>`, e.g.
`800.1.2.4/0007/DINKES/2026`, the usual shape of a Pemda's naskah dinas number.

The classification codes are a product choice, not taken from any seed: every instrument here is
a staffing (kepegawaian) matter, filed under 800.1 (sumber daya manusia) of the archive
classification of the Ministry of Home Affairs (Permendagri 83/2022), one sub-code per family of
instruments. A Pemda whose klasifikasi arsip differs should get the mapping from its pack.
"""

from __future__ import annotations

import secrets

# family: requests and applications; replies and instructions; assignments; decrees.
CLASSIFICATION_BY_DOC_TYPE: dict[str, str] = {
    "INVOLVEMENT_REQUEST": "800.1.2.4",
    "VOLUNTARY_APPLICATION": "800.1.2.4",
    "VOLUNTARY_APPROVAL_FORWARD": "800.1.2.4",
    "ORAL_REQUEST_RECORD": "800.1.2.4",
    "INVOLVEMENT_REPLY": "800.1.2.5",
    "INSTRUCTION": "800.1.2.5",
    "STAFF_LIST": "800.1.2.5",
    "ASSIGNMENT_LETTER": "800.1.2.6",
    "ORDER_LETTER": "800.1.2.6",
    "ASSIGNMENT_PROOF": "800.1.2.6",
    "DECREE": "800.1.2.7",
}
SEQUENCE_DIGITS = 4

# No 0/O, 1/I/L or U: a code read aloud or typed from paper cannot be mistaken.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16  # 30**16 ≈ 2**78: guessing a code is hopeless, a collision negligible


def letter_number(*, doc_type: str, sequence: int, agency_code: str, year: int) -> str:
    """Format a register number: `800.1.2.4/0007/DINKES/2026`."""
    classification = CLASSIFICATION_BY_DOC_TYPE[doc_type]
    return f"{classification}/{sequence:0{SEQUENCE_DIGITS}d}/{agency_code}/{year}"


def verification_code_new() -> str:
    """A fresh random verification code (URL-safe, unambiguous when read from paper)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def verification_code_normalize(raw: str) -> str:
    """The code as stored: upper case, without the spaces or dashes a reader may type."""
    return raw.strip().upper().replace("-", "").replace(" ", "")
