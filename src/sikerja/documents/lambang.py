"""The lambang (coat of arms) of a kop surat: checked when uploaded, kept by its hash, read back
into the letters that print it.

An upload is accepted only when Pillow reads it as a PNG or JPEG within the size and pixel
limits; what is kept is the uploaded bytes, under a name made from the government's id and the
bytes' SHA-256 (never from the file's own name), in the letter storage. The bytes are never
served on their own: they are embedded in the PDF, after their hash is checked again.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from sikerja.core.errors import DomainError, ValidationFailed
from sikerja.documents.errors import DocumentErrorCode

MAX_BYTES = 512 * 1024
MAX_SIDE = 2000
logger = logging.getLogger(__name__)
TYPES = {"PNG": ("image/png", "png"), "JPEG": ("image/jpeg", "jpg")}


@dataclass(frozen=True)
class StoredLambang:
    """A kept lambang: its name in the storage, SHA-256 and media type."""

    name: str
    sha256: str
    media_type: str


def lambang_storage() -> FileSystemStorage:
    """Lambang files, beside the letters' PDFs (settings read on every call)."""
    root = getattr(settings, "SIKERJA_LETTER_ROOT", None) or Path(settings.VAR_DIR) / "letters"
    return FileSystemStorage(location=str(Path(root) / "lambang"))


def _refuse(message: str) -> ValidationFailed:
    return ValidationFailed(
        code=DocumentErrorCode.LAMBANG_INVALID, message=message, fields={"lambang": message}
    )


def lambang_check(content: bytes) -> str:
    """The image's media type; raises ValidationFailed `lambang_invalid` when it is refused."""
    if len(content) > MAX_BYTES:
        raise _refuse(_("Berkas lambang paling besar 512 KB."))
    try:
        with Image.open(io.BytesIO(content)) as image:
            kind = image.format or ""
            width, height = image.size
            if kind not in TYPES:
                raise _refuse(_("Lambang harus berupa gambar PNG atau JPEG."))
            if max(width, height) > MAX_SIDE:
                raise _refuse(_("Lambang paling besar 2000 × 2000 piksel."))
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise _refuse(_("Lambang harus berupa gambar PNG atau JPEG.")) from None
    return TYPES[kind][0]


def lambang_store(*, government_id: int, content: bytes) -> StoredLambang:
    """Check and keep an uploaded lambang. Raises ValidationFailed `lambang_invalid`."""
    media_type = lambang_check(content)
    digest = hashlib.sha256(content).hexdigest()
    extension = next(ext for kind, ext in TYPES.values() if kind == media_type)
    name = f"{government_id}/{digest[:32]}.{extension}"
    storage = lambang_storage()
    if not storage.exists(name):
        name = storage.save(name, ContentFile(content))
    return StoredLambang(name=name, sha256=digest, media_type=media_type)


def lambang_data_uri(*, name: str, sha256: str, media_type: str) -> str:
    """The kept lambang as a data URI ("" for a kop without one).

    Raises DomainError `lambang_missing` when the file is gone or fails its hash: a letter is
    never typeset with a kop other than the one it was issued under.
    """
    if not name:
        return ""
    storage = lambang_storage()
    content = b""
    if storage.exists(name):
        with storage.open(name, "rb") as handle:
            content = handle.read()
    if hashlib.sha256(content).hexdigest() != sha256:
        logger.error("lambang %s is missing or does not match its SHA-256", name)
        raise DomainError(
            code=DocumentErrorCode.LAMBANG_MISSING,
            message=_("Lambang kop surat naskah dinas ini rusak; hubungi admin."),
            status=500,
        )
    return f"data:{media_type};base64,{base64.b64encode(content).decode()}"
