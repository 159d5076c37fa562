"""A letter laid out as a naskah dinas sheet (Permendagri tata naskah dinas), ready to print.

`letter_sheet` decides everything the template shows: letterhead, form, address block, body,
signature block, copies and the verification box. The template only prints.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sikerja.documents import paragraphs
from sikerja.documents.form import LetterForm, authority_of, form_of
from sikerja.documents.models import Letter
from sikerja.documents.paragraphs import Block, Body, tidy_blocks, tidy_body
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
    tidy,
)
from sikerja.regulations.schema.letters import LetterLayouts

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
STATEMENT = (
    "Dokumen ini diterbitkan secara elektronik melalui Sikerja; keasliannya dapat diperiksa "
    "pada alamat di atas."
)


@dataclass(frozen=True)
class Section:
    """A labelled part before a command ("Menimbang", "Mengingat", "Dasar") and its items."""

    label: str
    items: tuple[str, ...]
    list_class: str = "items"


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
    about: str = ""
    preamble: str = "DENGAN RAHMAT TUHAN YANG MAHA ESA"
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Kop:
    """The government's own kop surat: its lambang and lines, above the issuing agency."""

    lambang_uri: str
    lines: tuple[str, ...]
    contact: str


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
    sections: tuple[Section, ...] = ()
    copies_heading: str = "Tembusan"
    kop: Kop | None = None
    signature_class: str = ""


def letter_sheet(
    letter: Letter, *, verification: Verification, lambang_uri: str = ""
) -> LetterSheet:
    """Lay the letter out; reads only `letter`, its government and agency (prefetched).

    A letter with a recorded form (V-68) takes its name, subject, layout and kop from it; a
    letter issued before forms were recorded is laid out as it was then.
    """
    government = letter.government
    region = region_name(government.name)
    recorded = form_of(letter)
    layouts = recorded.layouts if recorded else LetterLayouts()
    place = layouts.place or region
    form = "catatan" if letter.is_external else FORMS[letter.doc_type]
    heading, command = HEADINGS.get(letter.doc_type, ("", ""))
    body = _body(letter)
    home = letter.agency_id
    sheet = LetterSheet(
        form=form,
        government_line=government_line(government.name, government.get_kind_display()),
        agency_line=letter.agency.name.upper() if letter.agency else "",
        address=letter.agency.address if letter.agency else "",
        heading=EXTERNAL_HEADING if letter.is_external else heading,
        command=command,
        number=letter.number,
        place_date=f"{place}, {date_long(letter.issued_on)}",
        subject=letter.title,
        addressees=tuple(
            (position_of(p, home_agency_id=home), str(p.get("name") or ""))
            for p in letter.addressees
        ),
        place=place,
        basis=(letter.citation,) if letter.citation else (),
        body=body,
        decree=_decree(letter, region, layouts, about=letter.title)
        if form == "keputusan"
        else None,
        signature=None if letter.is_external else _signature(letter, form, region, layouts),
        copies=tuple(filter(None, (position_of(p, home_agency_id=home) for p in letter.cc))),
        verification=verification,
        title=letter.title,
        sections=_order_sections(letter, ("dasar",), purpose=""),
    )
    if recorded is None or letter.is_external:
        return sheet
    return _as_recorded(sheet, letter, recorded, region=region, lambang_uri=lambang_uri)


def _as_recorded(
    sheet: LetterSheet, letter: Letter, recorded: LetterForm, *, region: str, lambang_uri: str
) -> LetterSheet:
    """The sheet of a letter with a recorded form: its name, Hal, layout and kop, text tidied."""
    layouts = recorded.layouts
    order = getattr(layouts, letter.doc_type) if sheet.form == "perintah" else None
    kop = recorded.kop
    purpose = paragraphs.purpose_of(letter.body, letter.title)
    return replace(
        sheet,
        heading=recorded.name.upper() if sheet.form == "perintah" else sheet.heading,
        command=order.command if order else sheet.command,
        subject=recorded.subject,
        sections=_order_sections(letter, order.sections if order else ("dasar",), purpose=purpose),
        body=tidy_body(sheet.body),
        decree=_decree(letter, region, layouts, about=recorded.about, tidied=True)
        if sheet.decree
        else None,
        copies_heading=layouts.copies_heading,
        kop=Kop(lambang_uri=lambang_uri, lines=kop.lines, contact=kop.contact) if kop else None,
        signature_class="signature--center" if layouts.signature_align == "center" else "",
        address=kop.contact if kop else sheet.address,
    )


def _order_sections(letter: Letter, names: tuple[str, ...], *, purpose: str) -> tuple[Section, ...]:
    """The parts of a surat perintah or surat tugas before its command, in the layout's order."""
    built = {
        "menimbang": Section(
            label="Menimbang",
            items=(
                tidy(
                    f"bahwa dalam rangka {purpose}, perlu menugaskan Pegawai ASN yang namanya "
                    "tercantum di bawah ini;",
                    sentence=False,
                ),
            ),
            list_class="items alpha",
        ),
        "dasar": Section(
            label="Dasar",
            items=tuple(f"{item};" for item in ((letter.citation,) if letter.citation else ())),
        ),
    }
    return tuple(built[name] for name in names)


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


def _signature(letter: Letter, form: str, region: str, layouts: LetterLayouts) -> Signature:
    signer: dict[str, Any] = letter.signer
    words = _issued_at_words(letter.doc_type, form, layouts)
    day = date_long(letter.issued_on)
    place = layouts.place or region
    if words:
        place_lines: tuple[str, ...] = (f"{words} {place}", f"pada tanggal {day}")
    else:
        # A letter (surat) is dated at its top; records and lists are dated above the signature.
        place_lines = () if form == "surat" else (f"{place}, {day}",)
    position = position_of(signer, acting=True, home_agency_id=letter.agency_id)
    return Signature(
        place_lines=place_lines,
        on_behalf=on_behalf_line(letter.on_behalf_of, region),
        position=f"{position.upper() if form == 'keputusan' else position},",
        name=str(signer.get("name") or ""),
        nip=nip_line(signer),
    )


def _issued_at_words(doc_type: str, form: str, layouts: LetterLayouts) -> str:
    """'Ditetapkan di' (decrees), 'Dikeluarkan di' (orders); letters and records have none."""
    if form not in ("keputusan", "perintah"):
        return ""
    layout = getattr(layouts, doc_type)
    return str(layout.issued_at_words)


def _authority(letter: Letter, region: str) -> str:
    """Whose decree it is: the head of region signed for, else the signer's position."""
    return authority_of(
        signer=letter.signer, on_behalf_of=letter.on_behalf_of, region=region, home=letter.agency_id
    )


def _decree_sections(
    layouts: LetterLayouts, considering: tuple[str, ...], recalling: tuple[str, ...]
) -> tuple[Section, ...]:
    last = len(recalling) - 1
    built = {
        "menimbang": Section("Menimbang", considering, "items alpha"),
        "mengingat": Section(
            "Mengingat",
            tuple(f"{item}{'.' if i == last else ';'}" for i, item in enumerate(recalling)),
        ),
    }
    return tuple(built[name] for name in layouts.DECREE.sections)


def _decree(
    letter: Letter, region: str, layouts: LetterLayouts, *, about: str, tidied: bool = False
) -> Decree:
    body: dict[str, Any] = letter.body
    named = _authority(letter, region)
    authority = named.upper()
    purpose = paragraphs.purpose_of(body, letter.title)
    task = text_of(body, "task_description") or purpose
    target = text_of(body, "expected_target", "individual_target") or "-"
    labels = layouts.DECREE.dictum_labels
    considering: tuple[str, ...] = (
        f"bahwa dalam rangka {purpose}, perlu melibatkan Pegawai ASN yang memiliki "
        "kompetensi sesuai dengan kebutuhan;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu "
        # Letters issued before forms were recorded wrote the authority title-cased.
        f"menetapkan Keputusan {named if tidied else authority.title()} tentang {about};",
    )
    if tidied:
        considering = tuple(tidy(item, sentence=False) for item in considering)
    recalling = (letter.citation,) if letter.citation else ("-",)
    dicta: tuple[tuple[str, tuple[Block, ...]], ...] = (
        (
            labels[0],
            (
                paragraphs.text(
                    "Menugaskan Pegawai ASN yang namanya tercantum di bawah ini dalam "
                    f"rangka {purpose}:"
                ),
                paragraphs.staff(people_of(body)),
            ),
        ),
        (
            labels[1],
            (
                paragraphs.text(
                    f"Pegawai ASN sebagaimana dimaksud dalam Diktum {labels[0]} bertugas "
                    f"{task}, dengan target {target}, dalam jangka waktu "
                    f"{period_text(body) or '-'}."
                ),
            ),
        ),
        (labels[2], (paragraphs.text("Keputusan ini mulai berlaku pada tanggal ditetapkan."),)),
    )
    if tidied:
        dicta = tuple((label, tidy_blocks(blocks)) for label, blocks in dicta)
    return Decree(
        authority=authority,
        considering=considering,
        recalling=recalling,
        decree_name=f"KEPUTUSAN {authority} TENTANG {about.upper()}.",
        dicta=dicta,
        about=about,
        preamble=layouts.DECREE.preamble,
        sections=_decree_sections(layouts, considering, recalling),
    )
