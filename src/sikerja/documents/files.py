"""Letters' PDF bytes: typeset once, kept in file storage, checked by SHA-256 when served.

When: right after the transaction that issued the letter commits (`letter_file_store`, which
`letter_issue` schedules with `transaction.on_commit`), never inside it: a failed render cannot
roll a decision back, and the deciding transaction holds no lock while WeasyPrint runs. Sikerja
has no task queue, so the render (about a tenth of a second) is paid once by the request that
decided, not by every reader: downloads serve the stored bytes. A download that finds no file
(the render after commit failed, or the public address changed) still renders and stores it. A
letter is immutable and typesets to the same bytes on every run (its issue time is the PDF's
dates and SOURCE_DATE_EPOCH, `documents.source_date`), so whichever of the two renders first
stores exactly the bytes the other would have; one row is kept.

Where: a `FileSystemStorage` under `settings.SIKERJA_LETTER_ROOT` (default `VAR_DIR/letters`),
at a name made from the government's and the letter's ids and the hash, never from input. The
SHA-256 is recorded with the file and checked before the file is served: a file that no longer
matches is logged and refused (`letter_file_corrupt`), never served. Each process remembers the
files it has verified by their size, modification time and inode (`_verified`), so a file is
hashed again only when one of them changes (a rewrite, a restore, a copy), not on every download;
a file written in the last seconds is hashed every time (`SETTLED_SECONDS`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import DomainError
from sikerja.documents.errors import DocumentErrorCode
from sikerja.documents.models import Letter, LetterFile
from sikerja.documents.render import letter_pdf, public_base_url
from sikerja.documents.selectors import StoredPdf

logger = logging.getLogger(__name__)
VERIFIED_LIMIT = 4096  # files whose hash this process has checked (one entry each)
# A file modified less than this long before a check is hashed every time (as git treats "racy"
# index entries): the file system's clock is coarse, so a change within the same tick as the
# write could leave size, time and inode as they were.
SETTLED_SECONDS = 2


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


class _Verified:
    """The stored files this process has hashed and found intact, by path, with the size,
    modification time and inode they had then: a file changed in any way is hashed again."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[str, int, int, int]] = {}
        self.lock = threading.Lock()

    def holds(self, path: str, digest: str, stat: os.stat_result) -> bool:
        with self.lock:
            return self.entries.get(path) == (digest, stat.st_size, stat.st_mtime_ns, stat.st_ino)

    def add(self, path: str, digest: str, stat: os.stat_result, at: dt.datetime) -> None:
        if stat.st_mtime > at.timestamp() - SETTLED_SECONDS:
            return
        with self.lock:
            if len(self.entries) >= VERIFIED_LIMIT:
                self.entries.clear()
            self.entries[path] = (digest, stat.st_size, stat.st_mtime_ns, stat.st_ino)


_verified = _Verified()


def letter_file_read(*, letter: Letter, at: dt.datetime, known_sha256: str = "") -> LetterPdf:
    """The letter's PDF, from storage (1 query), typeset and stored when it is not there yet
    (`letter_file_serve`)."""
    base_url = public_base_url()
    row = LetterFile.objects.filter(letter=letter, base_url=base_url).first()
    stored = StoredPdf(row.name, row.sha256) if row else None
    return letter_file_serve(letter=letter, stored=stored, at=at, known_sha256=known_sha256)


def letter_file_serve(
    *, letter: Letter, stored: StoredPdf | None, at: dt.datetime, known_sha256: str = ""
) -> LetterPdf:
    """The letter's PDF from its stored file for the current public address (`stored`, as
    `selectors.letter_get_for_download` read it), typeset and stored when there is none yet.

    With `known_sha256` equal to the stored hash (the client's If-None-Match), the file is not
    read. Raises DomainError `letter_file_corrupt` when the stored bytes fail their hash.
    """
    if stored is None:  # the letter in full, as the render reads it
        full = Letter.objects.select_related("government", "agency").get(pk=letter.pk)
        return _store(full, public_base_url(), at)
    if known_sha256 == stored.sha256:
        return LetterPdf(sha256=stored.sha256)
    path = letter_storage().path(stored.name)
    try:
        with open(path, "rb") as handle:  # the size, time and inode of the bytes read
            stat = os.fstat(handle.fileno())
            content = handle.read()
    except FileNotFoundError:
        raise _corrupt(letter, stored.name) from None
    if not _verified.holds(path, stored.sha256, stat):
        if _digest(content) != stored.sha256:
            raise _corrupt(letter, stored.name)
        _verified.add(path, stored.sha256, stat, at)
    return LetterPdf(sha256=stored.sha256, content=content)


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def letter_file_schedule(*, letter_id: int, at: dt.datetime) -> None:
    """Store the letter's PDF once the current transaction commits (`letter_file_store`); a
    failed render is logged by Django and leaves the committed decision standing."""

    def store_after_commit() -> None:
        letter_file_store(letter_id=letter_id, at=at)

    transaction.on_commit(store_after_commit, robust=True)


def letter_file_store(*, letter_id: int, at: dt.datetime) -> None:
    """Typeset and store an issued letter's PDF unless it is stored already (2 queries, and the
    render). Scheduled by `letter_issue` to run after its transaction commits."""
    letter = Letter.objects.select_related("government", "agency").filter(pk=letter_id).first()
    if letter is None:
        return
    base_url = public_base_url()
    if not LetterFile.objects.filter(letter=letter, base_url=base_url).exists():
        _store(letter, base_url, at)


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
                government_id=letter.government_id,
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
