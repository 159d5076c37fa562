"""Letters' PDF bytes: typeset once, kept in file storage, checked by SHA-256 on every read.

When: on the first download, not when the letter is issued. Issuing happens inside the
transaction that decides an assignment step; typesetting there (or in `on_commit`, which runs in
the same request before the response, as Sikerja has no task queue) would add a render (about
a tenth of a second, more on a busy worker) to every decision, while many letters are never
downloaded. A letter is immutable and typesets to the same bytes on every run (its issue time
is the PDF's dates and SOURCE_DATE_EPOCH, `documents.source_date`), so the first download
renders and stores exactly the bytes an issue-time render would have, and every later download
reads them. Two first downloads at once render the same bytes; one row is kept.

Where: a `FileSystemStorage` under `settings.SIKERJA_LETTER_ROOT` (default `VAR_DIR/letters`),
at a name made from the government's and the letter's ids and the hash, never from input. The
SHA-256 is recorded with the file and checked on every read: a file that no longer matches is
logged and refused (`letter_file_corrupt`), never served.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext as _

from sikerja.core.errors import DomainError
from sikerja.documents.errors import DocumentErrorCode
from sikerja.documents.models import Letter, LetterFile
from sikerja.documents.render import letter_pdf, public_base_url

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LetterPdf:
    """A letter's PDF: its SHA-256 (the ETag) and, unless only the tag was asked, its bytes."""

    sha256: str
    content: bytes | None = None


def letter_storage() -> FileSystemStorage:
    """The storage of letters' PDFs (read from the settings on every call)."""
    root = getattr(settings, "SIKERJA_LETTER_ROOT", None) or Path(settings.VAR_DIR) / "letters"
    return FileSystemStorage(location=str(root))


def _corrupt(letter: Letter, name: str) -> DomainError:
    logger.error("letter %s: stored PDF %s does not match its SHA-256; not served", letter.pk, name)
    return DomainError(
        code=DocumentErrorCode.FILE_CORRUPT,
        message=_("Berkas PDF naskah dinas ini rusak dan tidak dapat diunduh; hubungi admin."),
        status=500,
    )


def letter_file_read(*, letter: Letter, at: dt.datetime, known_sha256: str = "") -> LetterPdf:
    """The letter's PDF, typeset and stored on the first call (1 query, 2 on the first).

    With `known_sha256` equal to the stored hash (the client's If-None-Match), the file is not
    read. Raises DomainError `letter_file_corrupt` when the stored bytes fail their hash.
    """
    base_url = public_base_url()
    stored = LetterFile.objects.filter(letter=letter, base_url=base_url).first()
    if stored is None:
        return _store(letter, base_url, at)
    if known_sha256 == stored.sha256:
        return LetterPdf(sha256=stored.sha256)
    try:
        with letter_storage().open(stored.name, "rb") as handle:
            content = handle.read()
    except FileNotFoundError:
        raise _corrupt(letter, stored.name) from None
    if hashlib.sha256(content).hexdigest() != stored.sha256:
        raise _corrupt(letter, stored.name)
    return LetterPdf(sha256=stored.sha256, content=content)


def _holds(storage: FileSystemStorage, name: str, digest: str) -> bool:
    if not storage.exists(name):
        return False
    with storage.open(name, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest() == digest


def _store(letter: Letter, base_url: str, at: dt.datetime) -> LetterPdf:
    content = letter_pdf(letter, base_url=base_url)
    digest = hashlib.sha256(content).hexdigest()
    storage = letter_storage()
    name = f"{letter.government_id}/{letter.pk}-{digest[:32]}.pdf"
    if not _holds(storage, name, digest):
        storage.delete(name)  # a damaged leftover of an earlier run; nothing when absent
        name = storage.save(name, ContentFile(content))
    LetterFile.objects.bulk_create(
        [
            LetterFile(
                letter=letter,
                base_url=base_url,
                name=name,
                sha256=digest,
                size=len(content),
                created_at=at,
            )
        ],
        ignore_conflicts=True,  # a simultaneous first download stored the same bytes
    )
    return LetterPdf(sha256=digest, content=content)
