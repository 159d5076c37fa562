"""The government's own kop surat (letterhead): set by its BKPSDM operator, one version per
change, read by letters as they are issued (V-68; `documents.form`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.audit.services import event_record
from sikerja.core.errors import PermissionDenied, ValidationFailed
from sikerja.documents.errors import DocumentErrorCode
from sikerja.documents.lambang import lambang_store
from sikerja.documents.models import Letterhead
from sikerja.documents.rules import may_manage_letterhead
from sikerja.organization.rules import Actor

AUDIT_LABEL_MAX = 150


LETTERHEAD_OBJECT_TYPE = "documents.letterhead"
LETTERHEAD_LINE_MAX = 120
LETTERHEAD_LINES_MAX = 4


@dataclass(frozen=True)
class LetterheadInput:
    """What the BKPSDM operator typed for the kop surat (and the lambang's bytes, if any)."""

    lines: str
    address: str = ""
    telephone: str = ""
    email: str = ""
    website: str = ""
    lambang: bytes | None = None


@transaction.atomic
def letterhead_set(
    *, actor: Actor, government_id: int, values: LetterheadInput, at: dt.datetime
) -> Letterhead:
    """Set the government's kop surat: a new version, used by letters issued from now on.

    Letters issued before keep the kop they were issued under (they record it). Without a new
    lambang, the current one is kept. Raises PermissionDenied (not a BKPSDM operator of the
    government), ValidationFailed (no name line, a line too long, a bad email or website, a
    lambang that is not a PNG or JPEG within the limits).
    """
    if not may_manage_letterhead(actor, government_id):
        raise PermissionDenied(_("Hanya operator BKPSDM yang dapat mengubah kop surat."))
    lines = _letterhead_lines(values.lines)
    _letterhead_contacts_check(values)
    previous = Letterhead.objects.filter(government_id=government_id).order_by("-id").first()
    lambang = (
        lambang_store(government_id=government_id, content=values.lambang)
        if values.lambang
        else None
    )
    letterhead = Letterhead.objects.create(
        government_id=government_id,
        lines="\n".join(lines),
        address=values.address.strip(),
        telephone=values.telephone.strip(),
        email=values.email.strip(),
        website=values.website.strip(),
        lambang_name=lambang.name if lambang else previous.lambang_name if previous else "",
        lambang_sha256=lambang.sha256 if lambang else previous.lambang_sha256 if previous else "",
        lambang_type=lambang.media_type if lambang else previous.lambang_type if previous else "",
        created_at=at,
        created_by=actor.label[:AUDIT_LABEL_MAX],
    )
    event_record(
        government_id=government_id,
        actor_user_id=actor.user_id,
        actor_label=actor.label[:AUDIT_LABEL_MAX],
        action="letterhead.changed",
        object_type=LETTERHEAD_OBJECT_TYPE,
        object_id=str(letterhead.pk),
        at=at,
        before={"letterhead_id": previous.pk} if previous else None,
        after=_audit_summary(letterhead),
    )
    return letterhead


def _audit_summary(letterhead: Letterhead) -> dict[str, Any]:
    return {
        "lines": letterhead.lines.splitlines(),
        "address": letterhead.address,
        "telephone": letterhead.telephone,
        "email": letterhead.email,
        "website": letterhead.website,
        "lambang_sha256": letterhead.lambang_sha256,
    }


def _letterhead_lines(raw: str) -> list[str]:
    lines = [" ".join(line.split()) for line in raw.splitlines() if line.strip()]
    if not lines:
        raise ValidationFailed(
            code=DocumentErrorCode.LETTERHEAD_LINES_REQUIRED,
            message=_("Kop surat harus memuat nama pemerintah daerah."),
            fields={"lines": _("Wajib diisi.")},
        )
    if len(lines) > LETTERHEAD_LINES_MAX or any(len(line) > LETTERHEAD_LINE_MAX for line in lines):
        raise ValidationFailed(
            code=DocumentErrorCode.LETTERHEAD_FIELD_INVALID,
            message=_("Nama pada kop surat paling banyak 4 baris, masing-masing 120 karakter."),
            fields={"lines": _("Terlalu panjang.")},
        )
    return lines


def _letterhead_contacts_check(values: LetterheadInput) -> None:
    checks = (
        ("email", values.email, EmailValidator(), _("Alamat pos-el tidak sah.")),
        (
            "website",
            values.website,
            URLValidator(schemes=["http", "https"]),
            _("Alamat laman tidak sah."),
        ),
    )
    for name, value, validator, message in checks:
        if not value.strip():
            continue
        try:
            validator(value.strip())
        except DjangoValidationError:
            raise ValidationFailed(
                code=DocumentErrorCode.LETTERHEAD_FIELD_INVALID,
                message=message,
                fields={name: message},
            ) from None
