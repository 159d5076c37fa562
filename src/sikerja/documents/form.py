"""What a letter records at issue about its form (V-68): its name, its subject (Hal), the
pack's layout and the government's kop surat of that moment.

The record sits in the letter's body under `letter_form`, so it is frozen and covered by the
letter's content hash like everything else the letter says. A later change of the pack's layout
or of the kop therefore reaches only later letters. Letters issued before forms were recorded
have no record and print exactly as they did (`is_recorded`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from sikerja.documents.models import Letter
from sikerja.documents.wording import on_behalf_line, position_of, region_name, tidy
from sikerja.regulations.schema.letters import LetterLayouts

FORM_KEY = "letter_form"
ABOUT_WORD = " tentang "
FONT_STACKS = {
    "Arial": 'Arial, "Liberation Sans", "DejaVu Sans", sans-serif',
    "Times New Roman": '"Times New Roman", "Liberation Serif", "DejaVu Serif", serif',
}
# Where a letter prints its own name as its heading: the orders (surat perintah, surat tugas).
NAMED_BY_TITLE = ("ASSIGNMENT_LETTER", "ORDER_LETTER", "ASSIGNMENT_PROOF")
# The names the first letters printed, before forms were recorded (their headings).
LEGACY_NAMES = {
    "ASSIGNMENT_LETTER": "Surat Tugas",
    "ORDER_LETTER": "Surat Perintah",
    "ASSIGNMENT_PROOF": "Bukti Penugasan",
}


class KopSource(Protocol):
    """What a kop is made from: a version of the government's kop surat (`Letterhead`)."""

    pk: int
    lines: str
    address: str
    telephone: str
    email: str
    website: str
    lambang_name: str
    lambang_sha256: str
    lambang_type: str


@dataclass(frozen=True)
class Kop:
    """The kop surat a letter was issued under (a Letterhead version, frozen in the letter)."""

    letterhead_id: int
    lines: tuple[str, ...]
    contact: str
    lambang_name: str
    lambang_sha256: str
    lambang_type: str


@dataclass(frozen=True)
class LetterForm:
    """A letter's recorded form: what it is called, what it is about, how it is laid out."""

    version: str
    name: str
    subject: str
    about: str
    layouts: LetterLayouts
    kop: Kop | None


def contact_line(letterhead: KopSource, agency_address: str = "") -> str:
    """'Jalan Jenderal Sudirman Km 5 Telepon (0531) 21000 Pos-el bkpsdm@… Laman https://…';
    the issuing agency's own address, where it has one, before the government's."""
    parts = [
        agency_address.strip() or letterhead.address.strip(),
        f"Telepon {letterhead.telephone.strip()}" if letterhead.telephone.strip() else "",
        f"Pos-el {letterhead.email.strip()}" if letterhead.email.strip() else "",
        f"Laman {letterhead.website.strip()}" if letterhead.website.strip() else "",
    ]
    return " ".join(part for part in parts if part)


def kop_record(letterhead: KopSource | None, agency_address: str = "") -> dict[str, Any] | None:
    if letterhead is None:
        return None
    return {
        "letterhead_id": letterhead.pk,
        "lines": [line.strip() for line in letterhead.lines.splitlines() if line.strip()],
        "contact": contact_line(letterhead, agency_address),
        "lambang_name": letterhead.lambang_name,
        "lambang_sha256": letterhead.lambang_sha256,
        "lambang_type": letterhead.lambang_type,
    }


def subject_of(body: dict[str, Any], title: str) -> str:
    """The Hal: what the requester said the request is about, else its purpose, else the title."""
    for key in ("title", "purpose"):
        value = body.get(key)
        if isinstance(value, str) and value.strip():
            return tidy(value).rstrip(".;,:")
    return tidy(title)


def authority_of(
    *, signer: dict[str, Any], on_behalf_of: str, region: str, home: int | None
) -> str:
    """Whose decree it is: the head of region signed for ('a.n. Wali Kota'), else the signer."""
    on_behalf = on_behalf_of.strip()
    if on_behalf.lower().startswith("a.n."):
        return on_behalf_line(on_behalf[4:].strip(), region)
    return position_of(signer, home_agency_id=home)


def name_of(*, doc_type: str, title: str, authority: str) -> str:
    """The letter's own name, printed as its heading and shown on every page that lists it."""
    if doc_type == "DECREE":
        return f"Keputusan {authority}"
    if doc_type in NAMED_BY_TITLE:
        head, _, _ = title.partition(ABOUT_WORD)
        return head.strip()
    return title.strip()


def about_of(*, title: str, subject: str) -> str:
    """What a decree is 'tentang': the pack's topic for it, in aid of the request's subject."""
    _, word, topic = title.partition(ABOUT_WORD)
    return f"{topic.strip()} dalam rangka {subject}" if word and topic.strip() else subject


def form_record(
    *,
    pack_id: str,
    layouts: LetterLayouts,
    letter: Letter,
    government_name: str,
    letterhead: KopSource | None,
) -> dict[str, Any]:
    """The `letter_form` a letter is issued with (a JSON-ready dict)."""
    authority = authority_of(
        signer=letter.signer,
        on_behalf_of=letter.on_behalf_of,
        region=region_name(government_name),
        home=letter.agency_id,
    )
    subject = subject_of(letter.body, letter.title)
    return {
        "version": f"{pack_id}/{layouts.version}",
        "name": name_of(doc_type=letter.doc_type, title=letter.title, authority=authority),
        "subject": subject,
        "about": about_of(title=letter.title, subject=subject),
        "layouts": layouts.model_dump(mode="json"),
        "kop": kop_record(letterhead, letter.agency.address if letter.agency else ""),
    }


def is_recorded(letter: Letter) -> bool:
    return isinstance(letter.body.get(FORM_KEY), dict)


def form_of(letter: Letter) -> LetterForm | None:
    """The letter's recorded form, or None for a letter issued before forms were recorded."""
    record = letter.body.get(FORM_KEY)
    if not isinstance(record, dict):
        return None
    kop = record.get("kop")
    return LetterForm(
        version=str(record["version"]),
        name=str(record["name"]),
        subject=str(record["subject"]),
        about=str(record["about"]),
        layouts=LetterLayouts.model_validate(record["layouts"]),
        kop=Kop(**{**kop, "lines": tuple(kop["lines"])}) if isinstance(kop, dict) else None,
    )


def letter_name(letter: Letter) -> str:
    """The name pages show for a letter: the one its PDF prints."""
    record = letter.body.get(FORM_KEY)
    if isinstance(record, dict):
        return str(record["name"])
    if letter.doc_type == "DECREE":
        return "Keputusan"
    return LEGACY_NAMES.get(letter.doc_type, letter.title)


def letter_subject(letter: Letter) -> str:
    """The letter's Hal as pages show it (the title for letters issued before forms)."""
    record = letter.body.get(FORM_KEY)
    return str(record["subject"]) if isinstance(record, dict) else letter.title


def page_css(layouts: LetterLayouts) -> str:
    """The page margins and the type of a layout, as CSS over the letter stylesheet."""
    margins = layouts.margins_cm
    return (
        f"@page {{ margin: {margins.top}cm {margins.right}cm {margins.bottom}cm {margins.left}cm; }}\n"
        f"body {{ font-family: {FONT_STACKS[layouts.font]}; font-size: {layouts.font_size_pt}pt; }}\n"
    )
