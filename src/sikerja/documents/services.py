"""Writes of the documents app: issuing a letter under a register number, revoking one."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sikerja.audit.hashing import json_normalize
from sikerja.audit.services import chain_lock, event_record
from sikerja.core.errors import StaleState, ValidationFailed
from sikerja.documents.errors import DocumentErrorCode
from sikerja.documents.files import letter_file_schedule
from sikerja.documents.form import FORM_KEY, form_record
from sikerja.documents.integrity import content_sha256
from sikerja.documents.models import (
    Letter,
    Letterhead,
    LetterParty,
    LetterRevocation,
    NumberRegister,
)
from sikerja.documents.numbering import letter_number, verification_code_new
from sikerja.documents.wording import external_number
from sikerja.organization.models import Agency, Government
from sikerja.regulations.loader import load_pack

OBJECT_TYPE = "documents.letter"
AUDIT_LABEL_MAX = 150
CITATION_MAX = 500


@transaction.atomic
def letter_issue(
    *,
    government_id: int,
    doc_type: str,
    title: str,
    signer: dict[str, Any],
    on_behalf_of: str,
    addressees: list[dict[str, Any]],
    cc: list[dict[str, Any]],
    body: dict[str, Any],
    citation: str,
    workflow_instance_id: int | None,
    workflow_step_id: int | None,
    at: dt.datetime,
    on: dt.date,
    medium: str = Letter.Medium.ELECTRONIC,
) -> Letter:
    """Issue a letter: take the next number of the signer's agency register and freeze the text.

    Runs inside the caller's transaction (the deciding step), so a decision that rolls back
    takes its number back with it and the register stays gapless. A letter signed by an
    official of another government (`signer["external"]`) is only recorded: no register number,
    its own number taken from `external_number` in the body or the decision data.

    Raises ValidationFailed (unknown type or medium, missing title or signer, an issuing agency
    outside the government).
    """
    _input_check(doc_type=doc_type, title=title, signer=signer, medium=medium)
    letter = Letter(
        government_id=government_id,
        year=on.year,
        doc_type=doc_type,
        title=title.strip(),
        issued_on=on,
        issued_at=at,
        signer=json_normalize(signer),
        addressees=json_normalize({"list": addressees})["list"],
        cc=json_normalize({"list": cc})["list"],
        body=json_normalize(body),
        on_behalf_of=on_behalf_of.strip(),
        citation=citation,
        verification_code=verification_code_new(),
        workflow_instance_id=workflow_instance_id,
        workflow_step_id=workflow_step_id,
        is_external=bool(signer.get("external")),
        medium=medium,
    )
    _number_assign(letter, signer=signer, body=body)
    letter.body = {**letter.body, FORM_KEY: _form_record(letter)}
    letter.content_sha256 = content_sha256(letter)
    letter.save(force_insert=True)
    _parties_index(letter)
    event_record(
        government_id=government_id,
        actor_user_id=None,
        actor_label=(str(signer.get("name", "")) or "sikerja")[:AUDIT_LABEL_MAX],
        action="letter.issued",
        object_type=OBJECT_TYPE,
        object_id=str(letter.pk),
        at=at,
        after=_audit_summary(letter),
        rule=str(signer.get("rule", "")),
        citation=citation[:CITATION_MAX],
    )
    # The PDF is typeset once the decision has committed, outside its transaction; a failed
    # render leaves the decision standing and the first download renders it (documents.files).
    letter_file_schedule(letter_id=letter.pk, at=at)
    return letter


def _parties_index(letter: Letter) -> None:
    """One row per employee the letter names as signer, addressee or copy (V-26 reads)."""
    named = [
        (LetterParty.Role.SIGNER, [letter.signer]),
        (LetterParty.Role.TO, letter.addressees),
        (LetterParty.Role.CC, letter.cc),
    ]
    rows = {
        (int(party["employee_id"]), role)
        for role, parties in named
        for party in parties
        if isinstance(party, dict) and party.get("employee_id") and not party.get("external")
    }
    LetterParty.objects.bulk_create(
        LetterParty(
            government_id=letter.government_id, letter=letter, employee_id=employee_id, role=role
        )
        for employee_id, role in sorted(rows)
    )


def _form_record(letter: Letter) -> dict[str, Any]:
    """The form the letter is issued with: its pack's name, Hal and layout, and the
    government's kop surat of this moment (V-68).

    Own letters reach the government through their agency (fetched with it); 1 query for the
    current kop, 1 more for a recorded letter of another government.
    """
    government = (
        letter.agency.government
        if letter.agency
        else Government.objects.get(pk=letter.government_id)
    )
    record = form_record(
        pack_id=government.pack_id,
        layouts=load_pack(government.pack_id).data.letters,
        letter=letter,
        government_name=government.name,
        letterhead=Letterhead.objects.filter(government_id=letter.government_id)
        .order_by("-id")
        .first(),
    )
    return dict(json_normalize(record))


def _number_assign(letter: Letter, *, signer: dict[str, Any], body: dict[str, Any]) -> None:
    """Give the letter its number: the next of its agency's register, or the external one."""
    if letter.is_external:
        letter.number = external_number(body)
        return
    agency = _issuing_agency(government_id=letter.government_id, signer=signer)
    letter.agency = agency
    letter.sequence = _register_next(agency=agency, year=letter.year)
    letter.number = letter_number(
        doc_type=letter.doc_type,
        sequence=letter.sequence,
        agency_code=agency.code,
        year=letter.year,
    )


def _input_check(*, doc_type: str, title: str, signer: dict[str, Any], medium: str) -> None:
    if doc_type not in Letter.DocType.values:
        raise ValidationFailed(
            code=DocumentErrorCode.UNKNOWN_DOC_TYPE,
            message=_("Jenis naskah dinas tidak dikenal: %(type)s") % {"type": doc_type},
            fields={"doc_type": _("Nilai tidak dikenal.")},
        )
    if medium not in Letter.Medium.values:
        raise ValidationFailed(
            code=DocumentErrorCode.UNKNOWN_MEDIUM,
            message=_("Media naskah dinas tidak dikenal: %(medium)s") % {"medium": medium},
            fields={"medium": _("Nilai tidak dikenal.")},
        )
    if not title.strip():
        raise ValidationFailed(
            code=DocumentErrorCode.TITLE_REQUIRED,
            message=_("Naskah dinas harus mempunyai hal (judul)."),
            fields={"title": _("Wajib diisi.")},
        )
    if not str(signer.get("name") or "").strip():
        raise ValidationFailed(
            code=DocumentErrorCode.SIGNER_REQUIRED,
            message=_("Naskah dinas harus mempunyai penanda tangan; jabatan itu sedang kosong."),
            fields={"signer": _("Tidak ada pejabat yang menandatangani.")},
        )


def _issuing_agency(*, government_id: int, signer: dict[str, Any]) -> Agency:
    """The signer's Perangkat Daerah, which owns the number register."""
    agency = (
        Agency.objects.filter(pk=signer.get("agency_id") or 0, government_id=government_id)
        .select_related("government")
        .first()
    )
    if agency is None:
        raise ValidationFailed(
            code=DocumentErrorCode.ISSUING_AGENCY,
            message=_("Perangkat Daerah penanda tangan tidak ditemukan pada pemerintah ini."),
            fields={"signer": _("Perangkat Daerah tidak dikenal.")},
        )
    return agency


def _register_next(*, agency: Agency, year: int) -> int:
    """Take the next number of the agency's register for the year; the lock holds to commit.

    PostgreSQL: the row lock makes concurrent issuers wait for each other, so each reads the
    number the previous one wrote. SQLite has no row locks; its IMMEDIATE transactions
    serialise every writer instead.
    """
    _audit_chain_lock(government_id=agency.government_id)
    registers = NumberRegister.objects.select_for_update()
    key: dict[str, Any] = {"government_id": agency.government_id, "agency": agency, "year": year}
    register = registers.filter(**key).first()
    if register is None:
        # The first letters of a year may race to create the register: get_or_create turns
        # the losing INSERT's unique violation into a read of the winner's row, and the
        # locking re-select then waits for the winner's transaction.
        NumberRegister.objects.get_or_create(**key)
        register = registers.get(**key)
    register.last_number += 1
    register.save(update_fields=["last_number"])
    return register.last_number


def _audit_chain_lock(*, government_id: int) -> None:
    """Lock the government's audit chain head before the register: one lock order for all.

    Every audited write locks the chain head until commit (event_record). A transaction that
    records an event before issuing a letter (instance_start, then the "submit" decision)
    takes head then register; without this, one that issues first (a plain approval) would
    take register then head, and the two could deadlock on PostgreSQL. Only a lock is taken;
    the row is written by event_record alone.
    """
    chain_lock(government_id=government_id)


def _audit_summary(letter: Letter) -> dict[str, Any]:
    return {
        "number": letter.number,
        "doc_type": letter.doc_type,
        "title": letter.title,
        "issued_on": letter.issued_on.isoformat(),
        "agency_id": letter.agency_id,
        "is_external": letter.is_external,
        "verification_code": letter.verification_code,
        "content_sha256": letter.content_sha256,
        "workflow_instance_id": letter.workflow_instance_id,
        "workflow_step_id": letter.workflow_step_id,
    }


@transaction.atomic
def letter_revoke(
    *, letter: Letter, reason: str, by_label: str, at: dt.datetime
) -> LetterRevocation:
    """Revoke (mencabut) an issued letter; the verification page then shows it as revoked.

    Raises ValidationFailed (no reason), StaleState (already revoked).
    """
    if not reason.strip():
        raise ValidationFailed(
            code=DocumentErrorCode.REASON_REQUIRED,
            message=_("Pencabutan naskah dinas harus disertai alasan."),
            fields={"reason": _("Wajib diisi.")},
        )
    try:
        with transaction.atomic():
            revocation = LetterRevocation.objects.create(
                government_id=letter.government_id,
                letter=letter,
                reason=reason.strip(),
                at=at,
                by_label=by_label[:AUDIT_LABEL_MAX],
            )
    except IntegrityError as exc:
        raise StaleState(_("Naskah dinas ini sudah dicabut.")) from exc
    event_record(
        government_id=letter.government_id,
        actor_user_id=None,
        actor_label=revocation.by_label or "sikerja",
        action="letter.revoked",
        object_type=OBJECT_TYPE,
        object_id=str(letter.pk),
        at=at,
        after={"number": letter.number, "reason": revocation.reason},
    )
    return revocation
