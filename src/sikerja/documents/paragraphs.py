"""The body of each kind of naskah dinas, built from the workflow's data (tolerant of gaps)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from sikerja.documents.wording import (
    EMPTY,
    PersonRow,
    competencies_text,
    date_long,
    is_rejection,
    nip_line,
    people_of,
    period_text,
    position_of,
    subject_text,
    text_of,
    tidy,
)


@dataclass(frozen=True)
class Block:
    """A piece of a letter's body: a paragraph, label/value lines, a staff table or a list."""

    kind: str  # "text" | "fields" | "people" | "items"
    text: str = ""
    fields: tuple[tuple[str, str], ...] = ()
    people: tuple[PersonRow, ...] = ()
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Body:
    """What a letter says between its address block and its signature."""

    blocks: tuple[Block, ...] = ()
    closing: str = ""
    tasks: tuple[str, ...] = field(default=())  # "Untuk:" of a surat perintah / surat tugas


def text(value: str) -> Block:
    return Block(kind="text", text=value)


def fields(*pairs: tuple[str, str]) -> Block:
    return Block(kind="fields", fields=tuple((label, value or EMPTY) for label, value in pairs))


def staff(people: tuple[PersonRow, ...]) -> Block:
    return Block(kind="people", people=people)


def tidy_blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Blocks as printed: paragraphs, values and list items tidied (`wording.tidy`)."""
    return tuple(
        replace(
            block,
            text=tidy(block.text),
            fields=tuple((label, tidy(value)) for label, value in block.fields),
            items=tuple(tidy(item) for item in block.items),
        )
        for block in blocks
    )


def tidy_body(body: Body) -> Body:
    return Body(
        blocks=tidy_blocks(body.blocks),
        closing=tidy(body.closing),
        tasks=tuple(tidy(task) for task in body.tasks),
    )


def purpose_of(body: dict[str, Any], title: str) -> str:
    return text_of(body, "purpose", "task_description") or title.lower()


def request_fields(body: dict[str, Any]) -> Block:
    """The four items a request must state (V-01), plus the task and form when given."""
    pairs = [
        ("Maksud dan tujuan", text_of(body, "purpose")),
        ("Kompetensi, keahlian dan/atau keterampilan", competencies_text(body)),
        ("Target yang diharapkan", text_of(body, "expected_target", "individual_target")),
        ("Jangka waktu pelibatan", period_text(body)),
    ]
    if text_of(body, "task_description"):
        pairs.append(("Uraian tugas", text_of(body, "task_description")))
    if subject_text(body):
        pairs.append(("Bentuk pelibatan", subject_text(body)))
    if text_of(body, "team_name"):
        pairs.append(("Nama tim", text_of(body, "team_name")))
    return fields(*pairs)


THANKS = "Demikian permohonan ini kami sampaikan. Atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih."


def involvement_request(body: dict[str, Any], title: str) -> Body:
    return Body(
        blocks=(
            text(
                f"Dalam rangka {purpose_of(body, title)}, bersama ini kami mohon kesediaan "
                "Saudara untuk melibatkan Pegawai ASN di lingkungan Saudara dengan ketentuan "
                "sebagai berikut:"
            ),
            request_fields(body),
        ),
        closing=THANKS,
    )


def involvement_reply(body: dict[str, Any], title: str) -> Body:
    opening = (
        f"Menindaklanjuti permohonan pelibatan Pegawai ASN dalam rangka {purpose_of(body, title)}, "
        "dengan ini kami sampaikan bahwa permohonan tersebut"
    )
    if is_rejection(body):
        reason = text_of(body, "reason") or EMPTY
        blocks: tuple[Block, ...] = (
            text(f"{opening} belum dapat kami setujui, dengan alasan: {reason}"),
        )
    else:
        blocks = (
            text(f"{opening} kami setujui, dengan Pegawai ASN yang kami tugaskan sebagai berikut:"),
            staff(people_of(body)),
            fields(("Jangka waktu pelibatan", period_text(body))),
        )
    return Body(
        blocks=blocks,
        closing="Demikian kami sampaikan. Atas perhatian Saudara, kami ucapkan terima kasih.",
    )


def instruction(body: dict[str, Any], title: str) -> Body:
    return Body(
        blocks=(
            text(
                f"Sehubungan dengan permohonan pelibatan Pegawai ASN dalam rangka "
                f"{purpose_of(body, title)}, dengan ini diinstruksikan kepada Saudara untuk "
                "menindaklanjuti permohonan tersebut dengan mengusulkan Pegawai ASN yang "
                "memenuhi ketentuan berikut:"
            ),
            request_fields(body),
        ),
        closing="Demikian untuk dilaksanakan dengan penuh tanggung jawab.",
    )


def staff_list(body: dict[str, Any], title: str) -> Body:
    return Body(
        blocks=(
            text(f"Daftar Pegawai ASN yang ditugaskan dalam rangka {purpose_of(body, title)}:"),
            staff(people_of(body)),
            fields(("Jangka waktu pelibatan", period_text(body))),
        )
    )


def tasks_of(body: dict[str, Any], title: str) -> tuple[str, ...]:
    """The 'Untuk:' items of a surat perintah or surat tugas."""
    items = [f"melaksanakan {purpose_of(body, title)};"]
    if text_of(body, "task_description"):
        items.append(f"dengan uraian tugas: {text_of(body, 'task_description')};")
    if text_of(body, "expected_target", "individual_target"):
        items.append(
            f"dengan target yang diharapkan: {text_of(body, 'expected_target', 'individual_target')};"
        )
    if period_text(body):
        items.append(f"dalam jangka waktu {period_text(body)};")
    if text_of(body, "other_arrangements"):
        items.append(f"dengan ketentuan lain: {text_of(body, 'other_arrangements')};")
    items[-1] = items[-1].rstrip(";") + "."
    return tuple(items)


def assignment(body: dict[str, Any], title: str) -> Body:
    return Body(
        blocks=(staff(people_of(body)),),
        tasks=tasks_of(body, title),
        closing="Demikian untuk dilaksanakan dengan penuh tanggung jawab.",
    )


def voluntary_application(body: dict[str, Any], title: str, signer: dict[str, Any]) -> Body:
    return Body(
        blocks=(
            text("Yang bertanda tangan di bawah ini:"),
            fields(
                ("Nama", str(signer.get("name") or "")),
                ("NIP", nip_line(signer).removeprefix("NIP. ")),
                ("Jabatan", position_of(signer)),
                ("Unit kerja", str(signer.get("unit") or "")),
            ),
            text(
                "dengan ini mengajukan permohonan untuk dapat dilibatkan dalam "
                f"{purpose_of(body, title)}, dengan keterangan sebagai berikut:"
            ),
            request_fields(body),
        ),
        closing="Demikian permohonan ini saya sampaikan. Atas perhatian Bapak/Ibu, saya ucapkan terima kasih.",
    )


def applicant_of(body: dict[str, Any]) -> str:
    people = people_of(body)
    return text_of(body, "applicant_name") or (people[0].name if people else "Pegawai ASN")


def voluntary_forward(body: dict[str, Any], title: str) -> Body:
    return Body(
        blocks=(
            text(
                f"Bersama ini kami sampaikan pengajuan Saudara {applicant_of(body)} untuk dapat "
                f"dilibatkan dalam {purpose_of(body, title)}, yang telah kami setujui. Kami mohon "
                "persetujuan Saudara atas pengajuan tersebut, dengan keterangan sebagai berikut:"
            ),
            staff(people_of(body)),
            request_fields(body),
        ),
        closing=THANKS,
    )


def oral_request_record(body: dict[str, Any], title: str, issued_on_text: str) -> Body:
    return Body(
        blocks=(
            text(
                f"Pada tanggal {issued_on_text}, {applicant_of(body)} menyampaikan secara lisan "
                f"permohonan untuk dapat dilibatkan dalam {purpose_of(body, title)}, dengan "
                "keterangan sebagai berikut:"
            ),
            request_fields(body),
        )
    )


def external_record(letter_fields: dict[str, Any]) -> Body:
    """A letter of another government, recorded here: what it is and who signed it."""
    signer = letter_fields["signer"]
    return Body(
        blocks=(
            text("Naskah dinas dari instansi lain yang dicatat dalam Sikerja:"),
            fields(
                ("Asal", str(signer.get("agency") or "")),
                ("Nomor", letter_fields["number"]),
                ("Tanggal", date_long(letter_fields["issued_on"])),
                ("Hal", letter_fields["title"]),
                ("Penanda tangan", f"{signer.get('name', '')}, {position_of(signer)}"),
            ),
        )
    )


SIMPLE_BODIES: dict[str, Callable[[dict[str, Any], str], Body]] = {
    "INVOLVEMENT_REQUEST": involvement_request,
    "INVOLVEMENT_REPLY": involvement_reply,
    "INSTRUCTION": instruction,
    "STAFF_LIST": staff_list,
    "ASSIGNMENT_LETTER": assignment,
    "ORDER_LETTER": assignment,
    "ASSIGNMENT_PROOF": assignment,
    "DECREE": assignment,
    "VOLUNTARY_APPROVAL_FORWARD": voluntary_forward,
}
