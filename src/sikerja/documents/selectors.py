"""Reads of issued letters: by workflow, by verification code, and who may download one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from sikerja.accounts.models import Account
from sikerja.core.errors import NotFound
from sikerja.documents.models import Letter, Letterhead, LetterParty
from sikerja.documents.numbering import verification_code_normalize
from sikerja.documents.rules import may_read_letter


def letter_list_for_instance(instance_id: int) -> QuerySet[Letter]:
    """The letters a workflow instance issued, in issue order (1 query with agency, revocation).

    Not scoped: the caller has already checked that its viewer may see the instance.
    """
    return (
        Letter.objects.filter(workflow_instance_id=instance_id)
        .select_related("agency", "revocation")
        .order_by("issued_at", "pk")
    )


def letter_get_by_code(code: str) -> Letter:
    """The letter a verification code names, for the public page (1 query).

    Raises NotFound.
    """
    letter = (
        Letter.objects.select_related("government", "agency", "revocation")
        .filter(verification_code=verification_code_normalize(code))
        .first()
    )
    if letter is None:
        raise NotFound()
    return letter


def letter_visible_to(
    letter: Letter,
    *,
    employee_id: int | None,
    is_operator: bool,
    government_id: int | None,
    employee_nip: str = "",
) -> Letter:
    """Return the letter if the person may read it in full (`rules.may_read_letter`); else
    NotFound (hidden = missing)."""
    if may_read_letter(
        letter,
        employee_id=employee_id,
        is_operator=is_operator,
        government_id=government_id,
        employee_nip=employee_nip,
    ):
        return letter
    raise NotFound()


@dataclass(frozen=True)
class StoredPdf:
    """Where a letter's PDF is kept for one public address, and its SHA-256."""

    name: str
    sha256: str


@dataclass(frozen=True)
class LetterDownload:
    """A letter the caller may download, with its stored PDF (None: not stored yet)."""

    letter: Letter
    stored: StoredPdf | None


# A download's one statement: the letter with its PDF stored for a public address, and the
# caller's account and employee (each at most one row: both are unique per login). Written out
# rather than built by the ORM: a download is a hot path, and building the statement cost more
# than running it (bench/README.md, "Hot paths"). Portable to SQLite and PostgreSQL.
DOWNLOAD_SQL = """
SELECT l.id, l.government_id, l.number, l.signer, l.addressees, l.cc, l.body,
       f.name, f.sha256, a.role, a.government_id, e.id, e.nip, e.government_id
FROM documents_letter l
LEFT JOIN documents_letterfile f ON f.letter_id = l.id AND f.base_url = %s
LEFT JOIN accounts_account a ON a.user_id = %s
LEFT JOIN organization_employee e ON e.user_id = %s
WHERE l.id = %s
"""
LETTER_FIELDS = ("id", "government_id", "number", "signer", "addressees", "cc", "body")


def _letter_of(row: tuple[Any, ...]) -> Letter:
    """The letter of a download's row, its other fields deferred (read if ever used)."""
    values = [
        Letter._meta.get_field(name).from_db_value(value, None, connection)  # type: ignore[union-attr]
        if name in ("signer", "addressees", "cc", "body")
        else value
        for name, value in zip(LETTER_FIELDS, row, strict=True)
    ]
    return Letter.from_db(connection.alias, list(LETTER_FIELDS), values)


def letter_get_for_download(*, letter_id: int, user_id: int, base_url: str) -> LetterDownload:
    """The letter with this id if the user may download its PDF, with the row of its PDF
    stored for the public address `base_url` (1 query, `DOWNLOAD_SQL`). The letter carries the
    fields the permission and the download read; the rest load if used.

    Raises NotFound for a missing letter and for one the user may not see alike.
    """
    low, high = connection.ops.integer_field_range(Letter._meta.pk.get_internal_type())
    if not low <= letter_id <= high:  # no such letter; as the ORM answers, not an error
        raise NotFound()
    with connection.cursor() as cursor:
        cursor.execute(DOWNLOAD_SQL, [base_url, user_id, user_id, letter_id])
        row = cursor.fetchone()
    if row is None:
        raise NotFound()
    letter = _letter_of(row[:7])
    name, sha256, role, account_government_id, employee_id, nip, employee_government_id = row[7:]
    letter_visible_to(
        letter,
        employee_id=employee_id,
        employee_nip=nip or "",
        is_operator=role == Account.Role.BKPSDM_ADMIN,
        government_id=account_government_id or employee_government_id,
    )
    return LetterDownload(letter, StoredPdf(name, sha256) if name else None)


def letters_naming(*, employee_id: int, limit: int) -> list[LetterParty]:
    """The latest letters that name the employee as addressee, copy (tembusan) or signer, newest
    first, each with its letter and revocation (1 indexed query, whatever their number).

    Scoped by construction: these are the employee's own letters (`rules.may_read_letter`).
    """
    return list(
        LetterParty.objects.filter(employee_id=employee_id)
        .select_related("letter__revocation")
        .order_by("-letter__issued_at", "-letter_id", "role")[:limit]
    )


def letterhead_current(*, government_id: int) -> Letterhead | None:
    """The government's kop surat now: its latest version, or None before BKPSDM set one
    (1 query)."""
    return Letterhead.objects.filter(government_id=government_id).order_by("-id").first()
