"""A letter laid out as a naskah dinas sheet (Permendagri tata naskah dinas), ready to print.

`letter_sheet` decides everything the template shows: letterhead, form, address block, body,
signature block, copies and the verification box. The template only prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sikerja.documents import paragraphs
from sikerja.documents.models import Letter
from sikerja.documents.paragraphs import Block, Body
from sikerja.documents.wording import (
    date_long,
    government_line,
    nip_line,
    on_behalf_line,
    people_of,
    period_text,
    position_of,
    region_name,
    text_of,
)

# Which layout each kind of letter takes: a letter (surat), an order (surat perintah or
# surat tugas), a decree (keputusan), or a record or list (catatan, daftar).
FORMS = {
    "INVOLVEMENT_REQUEST": "surat",
    "INVOLVEMENT_REPLY": "surat",
    "INSTRUCTION": "surat",
    "VOLUNTARY_APPLICATION": "surat",
    "VOLUNTARY_APPROVAL_FORWARD": "surat",
    "ASSIGNMENT_LETTER": "perintah",
    "ORDER_LETTER": "perintah",
    "ASSIGNMENT_PROOF": "perintah",
    "DECREE": "keputusan",
    "STAFF_LIST": "catatan",
    "ORAL_REQUEST_RECORD": "catatan",
}
HEADINGS = {
    "ASSIGNMENT_LETTER": ("SURAT TUGAS", "MENUGASKAN:"),
    "ORDER_LETTER": ("SURAT PERINTAH", "MEMERINTAHKAN:"),
    "ASSIGNMENT_PROOF": ("BUKTI PENUGASAN", "MENUGASKAN:"),
    "STAFF_LIST": ("DAFTAR PEGAWAI ASN YANG DITUGASKAN", ""),
    "ORAL_REQUEST_RECORD": ("CATATAN PERMOHONAN LISAN", ""),
}
EXTERNAL_HEADING = "CATATAN NASKAH DINAS DARI INSTANSI LAIN"
ISSUED_AT_WORDS = {"perintah": "Dikeluarkan di", "keputusan": "Ditetapkan di"}
DICTUM_LABELS = ("KESATU", "KEDUA", "KETIGA")
STATEMENT = (
    "Dokumen ini diterbitkan secara elektronik melalui Sikerja; keasliannya dapat diperiksa "
    "pada alamat di atas."
)


@dataclass(frozen=True)
class Signature:
    """The signature block: place and date (orders, decrees), capacity, name and NIP."""

    place_lines: tuple[str, ...]
    on_behalf: str
    position: str
    name: str
    nip: str


@dataclass(frozen=True)
class Decree:
    """The parts of a keputusan between its title and its signature."""

    authority: str
    considering: tuple[str, ...]
    recalling: tuple[str, ...]
    decree_name: str
    dicta: tuple[tuple[str, tuple[Block, ...]], ...]


@dataclass(frozen=True)
class Verification:
    """The footer box: where and how to check the letter."""

    url: str
    code: str
    qr_data_uri: str
    statement: str = STATEMENT


@dataclass(frozen=True)
class LetterSheet:
    """Everything one printed letter shows."""

    form: str
    government_line: str
    agency_line: str
    address: str
    heading: str
    command: str
    number: str
    place_date: str
    subject: str
    addressees: tuple[tuple[str, str], ...]
    place: str
    basis: tuple[str, ...]
    body: Body
    decree: Decree | None
    signature: Signature | None
    copies: tuple[str, ...]
    verification: Verification
    title: str


def letter_sheet(letter: Letter, *, verification: Verification) -> LetterSheet:
    """Lay the letter out; reads only `letter`, its government and agency (prefetched)."""
    government = letter.government
    region = region_name(government.name)
    form = "catatan" if letter.is_external else FORMS[letter.doc_type]
    heading, command = HEADINGS.get(letter.doc_type, ("", ""))
    body = _body(letter)
    home = letter.agency_id
    return LetterSheet(
        form=form,
        government_line=government_line(government.name, government.get_kind_display()),
        agency_line=letter.agency.name.upper() if letter.agency else "",
        address=letter.agency.address if letter.agency else "",
        heading=EXTERNAL_HEADING if letter.is_external else heading,
        command=command,
        number=letter.number,
        place_date=f"{region}, {date_long(letter.issued_on)}",
        subject=letter.title,
        addressees=tuple(
            (position_of(p, home_agency_id=home), str(p.get("name") or ""))
            for p in letter.addressees
        ),
        place=region,
        basis=(letter.citation,) if letter.citation else (),
        body=body,
        decree=_decree(letter, region) if form == "keputusan" else None,
        signature=None if letter.is_external else _signature(letter, form, region),
        copies=tuple(filter(None, (position_of(p, home_agency_id=home) for p in letter.cc))),
        verification=verification,
        title=letter.title,
    )


def _body(letter: Letter) -> Body:
    if letter.is_external:
        return paragraphs.external_record(
            {
                "signer": letter.signer,
                "number": letter.number,
                "issued_on": letter.issued_on,
                "title": letter.title,
            }
        )
    if letter.doc_type == "VOLUNTARY_APPLICATION":
        return paragraphs.voluntary_application(letter.body, letter.title, letter.signer)
    if letter.doc_type == "ORAL_REQUEST_RECORD":
        return paragraphs.oral_request_record(
            letter.body, letter.title, date_long(letter.issued_on)
        )
    return paragraphs.SIMPLE_BODIES[letter.doc_type](letter.body, letter.title)


def _signature(letter: Letter, form: str, region: str) -> Signature:
    signer: dict[str, Any] = letter.signer
    words = ISSUED_AT_WORDS.get(form)
    day = date_long(letter.issued_on)
    if words:
        place_lines: tuple[str, ...] = (f"{words} {region}", f"pada tanggal {day}")
    else:
        # A letter (surat) is dated at its top; records and lists are dated above the signature.
        place_lines = () if form == "surat" else (f"{region}, {day}",)
    position = position_of(signer, acting=True, home_agency_id=letter.agency_id)
    return Signature(
        place_lines=place_lines,
        on_behalf=on_behalf_line(letter.on_behalf_of, region),
        position=f"{position.upper() if form == 'keputusan' else position},",
        name=str(signer.get("name") or ""),
        nip=nip_line(signer),
    )


def _authority(letter: Letter, region: str) -> str:
    """Whose decree it is: the head of region signed for, else the signer's position."""
    on_behalf = letter.on_behalf_of.strip()
    if on_behalf.lower().startswith("a.n."):
        return on_behalf_line(on_behalf[4:].strip(), region).upper()
    return position_of(letter.signer, home_agency_id=letter.agency_id).upper()


def _decree(letter: Letter, region: str) -> Decree:
    body: dict[str, Any] = letter.body
    authority = _authority(letter, region)
    purpose = paragraphs.purpose_of(body, letter.title)
    decree_name = f"KEPUTUSAN {authority} TENTANG {letter.title.upper()}"
    task = text_of(body, "task_description") or purpose
    target = text_of(body, "expected_target", "individual_target") or "-"
    return Decree(
        authority=authority,
        considering=(
            f"bahwa dalam rangka {purpose}, perlu melibatkan Pegawai ASN yang memiliki "
            "kompetensi sesuai dengan kebutuhan;",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu "
            f"menetapkan Keputusan {authority.title()} tentang {letter.title};",
        ),
        recalling=(letter.citation,) if letter.citation else ("-",),
        decree_name=f"{decree_name}.",
        dicta=(
            (
                DICTUM_LABELS[0],
                (
                    paragraphs.text(
                        "Menugaskan Pegawai ASN yang namanya tercantum di bawah ini dalam "
                        f"rangka {purpose}:"
                    ),
                    paragraphs.staff(people_of(body)),
                ),
            ),
            (
                DICTUM_LABELS[1],
                (
                    paragraphs.text(
                        "Pegawai ASN sebagaimana dimaksud dalam Diktum KESATU bertugas "
                        f"{task}, dengan target {target}, dalam jangka waktu "
                        f"{period_text(body) or '-'}."
                    ),
                ),
            ),
            (
                DICTUM_LABELS[2],
                (paragraphs.text("Keputusan ini mulai berlaku pada tanggal ditetapkan."),),
            ),
        ),
    )
