"""Evidence files (data dukung) of team work: checked, kept and read back.

An upload is accepted only when its content is one of the accepted kinds (PDF, PNG, JPEG,
XLSX, DOCX, ODT: `SIKERJA_EVIDENCE_KINDS`), recognised by its bytes (the file's signature and,
for the zip-based office formats, the parts inside), its name's extension agrees with that
kind, and it is not larger than `SIKERJA_EVIDENCE_MAX_BYTES`. The client's file name is kept
only as a label: the file is stored under a generated name (government / team / random), so
no name can reach outside the evidence storage. A refusal stores nothing; a file written by a
service whose transaction then fails is removed again.

Other services (progress entries, reports) attach evidence with `evidence_save` inside their
own transaction and `evidence_files_kept` around it; `evidence_upload` is the use case on its
own. Bytes are read back by `evidence_read`, which checks the SHA-256 kept at upload.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.teams import rules
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.models import EvidenceFile, KeptEvidence, Team, evidence_storage
from sikerja.teams.services.common import audit_team

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class EvidenceKind:
    """An accepted kind of evidence: its media type and the name extensions it may carry."""

    media_type: str
    extensions: tuple[str, ...]


KINDS = {
    "pdf": EvidenceKind("application/pdf", (".pdf",)),
    "png": EvidenceKind("image/png", (".png",)),
    "jpeg": EvidenceKind("image/jpeg", (".jpg", ".jpeg")),
    "xlsx": EvidenceKind(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)
    ),
    "docx": EvidenceKind(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)
    ),
    "odt": EvidenceKind("application/vnd.oasis.opendocument.text", (".odt",)),
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
NAME_LENGTH = 200


@dataclass(frozen=True)
class Upload:
    """What a client sent: the file's name (a label only) and its bytes."""

    name: str
    content: bytes


def max_bytes() -> int:
    """The largest evidence file accepted (settings read on every call)."""
    return int(getattr(settings, "SIKERJA_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024))


def accepted_kinds() -> tuple[str, ...]:
    """The kinds accepted, in the settings' order."""
    return tuple(getattr(settings, "SIKERJA_EVIDENCE_KINDS", tuple(KINDS)))


def _office_kind(content: bytes) -> str | None:
    """XLSX, DOCX or ODT by the parts of the zip (only the names and the tiny `mimetype` part
    are read, so a zip bomb is never inflated)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.getinfo("mimetype").file_size <= len(ODT_MIMETYPE):
                return "odt" if archive.read("mimetype") == ODT_MIMETYPE else None
            if "[Content_Types].xml" not in names:
                return None
            if "word/document.xml" in names:
                return "docx"
            return "xlsx" if "xl/workbook.xml" in names else None
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError):
        return None


def sniff(content: bytes) -> str | None:
    """The kind of the bytes by their content, or None for anything else."""
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if content.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if content.startswith(b"PK\x03\x04"):
        return _office_kind(content)
    return None


def display_name(name: str) -> str:
    """The client's name as a label: its last path part, without control characters."""
    last = PurePosixPath(name.replace("\\", "/")).name
    cleaned = "".join(char for char in last if char.isprintable()).strip()
    return cleaned[-NAME_LENGTH:] or "berkas"


def _refused(code: TeamErrorCode, message: str) -> ValidationFailed:
    return ValidationFailed(code=code, message=message, fields={"file": message})


def too_large() -> ValidationFailed:
    """The refusal of a file over the size limit."""
    return _refused(
        TeamErrorCode.EVIDENCE_TOO_LARGE,
        _("Berkas bukti paling besar %(size)s MB.") % {"size": f"{max_bytes() / 1048576:g}"},
    )


def evidence_check(upload: Upload) -> str:
    """The accepted kind of an upload. Raises ValidationFailed `evidence_empty`,
    `evidence_too_large` or `evidence_type_refused`."""
    if not upload.content:
        raise _refused(TeamErrorCode.EVIDENCE_EMPTY, _("Berkas bukti kosong."))
    if len(upload.content) > max_bytes():
        raise too_large()
    kind = sniff(upload.content)
    label = display_name(upload.name)
    extension = "." + label.rsplit(".", 1)[1].lower() if "." in label else ""
    if kind is None or kind not in accepted_kinds() or extension not in KINDS[kind].extensions:
        raise _refused(
            TeamErrorCode.EVIDENCE_TYPE,
            _("Berkas bukti harus PDF, PNG, JPEG, XLSX, DOCX atau ODT, sesuai isi dan namanya."),
        )
    return kind


@contextmanager
def evidence_files_kept() -> Iterator[list[str]]:
    """Remove the files written inside the block when it raises (their rows roll back)."""
    written: list[str] = []
    try:
        yield written
    except BaseException:
        storage = evidence_storage()
        for name in written:
            storage.delete(name)
        raise


def evidence_save(
    *,
    team: Team,
    by: Employee,
    upload: Upload,
    owner_kind: str,
    owner_id: int | None,
    at: dt.datetime,
    written: list[str],
) -> EvidenceFile:
    """Check and keep one file for a team inside the caller's transaction; its storage name
    is added to `written` (see `evidence_files_kept`). Raises ValidationFailed."""
    return EvidenceFile.objects.create(
        government_id=team.government_id,
        team=team,
        uploaded_by=by,
        uploaded_at=at,
        owner_kind=owner_kind,
        owner_id=owner_id,
        **evidence_store(upload, f"{team.government_id}/{team.pk}", written),
    )


def evidence_store(upload: Upload, folder: str, written: list[str]) -> dict[str, Any]:
    """Check one upload and keep its bytes under `<folder>/<random>.<ext>` in the evidence
    storage (its name is added to `written`, see `evidence_files_kept`); answer the fields its
    row records: the name as a label, media type, size, SHA-256 and storage name. Shared with
    the evidence other apps keep in the same storage. Raises ValidationFailed."""
    kind = evidence_check(upload)
    name = f"{folder}/{uuid.uuid4().hex}{KINDS[kind].extensions[0]}"
    stored = evidence_storage().save(name, ContentFile(upload.content))
    written.append(stored)
    return {
        "original_name": display_name(upload.name),
        "content_type": KINDS[kind].media_type,
        "size": len(upload.content),
        "sha256": hashlib.sha256(upload.content).hexdigest(),
        "file": stored,
    }


def evidence_audit_data(evidence: EvidenceFile) -> dict[str, Any]:
    return {
        "evidence": evidence.pk,
        "name": evidence.original_name,
        "sha256": evidence.sha256,
        "owner": f"{evidence.owner_kind}:{evidence.owner_id or ''}",
    }


@transaction.atomic(durable=True)
def evidence_upload(
    *,
    team_id: int,
    by: Employee,
    upload: Upload,
    at: dt.datetime,
    on: dt.date,
    owner_kind: str = "",
    owner_id: int | None = None,
) -> EvidenceFile:
    """Keep one evidence file for an active team the uploader works on
    (`rules.may_add_evidence`). Raises NotFound, PermissionDenied, ValidationFailed;
    nothing is kept on refusal."""
    team = (
        Team.objects.select_related("government")
        .filter(pk=team_id, government_id=by.government_id)
        .first()
    )
    if team is None:
        raise NotFound()
    if not rules.may_add_evidence(team, by.pk, on):
        raise PermissionDenied(
            _("Bukti diunggah oleh ketua, anggota, Pengendali atau pimpinan unit tim aktif.")
        )
    with evidence_files_kept() as written:
        evidence = evidence_save(
            team=team,
            by=by,
            upload=upload,
            owner_kind=owner_kind,
            owner_id=owner_id,
            at=at,
            written=written,
        )
        audit_team(team, by, "team.evidence_uploaded", at, after=evidence_audit_data(evidence))
    return evidence


def evidence_read(evidence: KeptEvidence) -> bytes:
    """The kept bytes of an evidence file, checked against its SHA-256.

    Raises DomainError `evidence_damaged` when the file is gone or altered: a file is never
    served other than as it was uploaded.
    """
    storage = evidence_storage()
    name = evidence.file.name or ""
    content = b""
    if name and storage.exists(name):
        with storage.open(name, "rb") as handle:
            content = handle.read()
    if hashlib.sha256(content).hexdigest() != evidence.sha256:
        logger.error("evidence %s is missing or does not match its SHA-256", evidence.pk)
        raise DomainError(
            code=TeamErrorCode.EVIDENCE_DAMAGED,
            message=_("Berkas bukti ini rusak atau hilang; hubungi admin."),
            status=500,
        )
    return content
