"""The `[letters]` table of a pack: how its decrees and letters are laid out (V-68).

Kotim binds its decrees and assignment letters to the rules for official documents (tata naskah
dinas, 000 Lampiran II.B.2 fourth bullet); the other packs say nothing, and take the same
layout as a product decision (the defaults below). Every issued letter records the layout it
was typeset with (`version`), so a later change of the pack never changes an issued letter.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sikerja.regulations.citation import Citation

OrderSection = Literal["menimbang", "dasar"]
DecreeSection = Literal["menimbang", "mengingat"]
Font = Literal["Arial", "Times New Roman"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _unique(value: tuple[str, ...]) -> tuple[str, ...]:
    if len(set(value)) != len(value):
        raise ValueError(f"sections repeat: {', '.join(value)}")
    return value


class Margins(_Strict):
    """Page margins in centimetres."""

    top: float = Field(ge=1, le=5)
    right: float = Field(ge=1, le=5)
    bottom: float = Field(ge=1, le=5)
    left: float = Field(ge=1, le=5)


class OrderLayout(_Strict):
    """A surat perintah or surat tugas: the sections before the command, and the command."""

    sections: tuple[OrderSection, ...] = Field(default=("dasar",), min_length=1)
    command: str = Field(min_length=1, description="e.g. 'MEMERINTAHKAN:'")
    issued_at_words: str = "Dikeluarkan di"

    _sections = field_validator("sections")(_unique)


class DecreeLayout(_Strict):
    """A keputusan: preamble, the considerations in order, the dicta's labels."""

    preamble: str = "DENGAN RAHMAT TUHAN YANG MAHA ESA"
    sections: tuple[DecreeSection, ...] = Field(default=("menimbang", "mengingat"), min_length=1)
    dictum_labels: tuple[str, str, str] = ("KESATU", "KEDUA", "KETIGA")
    issued_at_words: str = "Ditetapkan di"

    _sections = field_validator("sections")(_unique)


class LetterLayouts(_Strict):
    """How the pack's decrees and letters look; the defaults are Sikerja's own layout."""

    version: str = Field(
        default="sikerja-1",
        pattern=r"^[a-z0-9][a-z0-9.-]*$",
        description="recorded on every issued letter; change it with any other value",
    )
    rule: str = Field(default="", description="the pack rule binding the layout, e.g. 'V-68'")
    citation: Citation | None = None
    font: Font = "Arial"
    font_size_pt: float = Field(default=11, ge=9, le=14)
    margins_cm: Margins = Margins(top=1.4, right=2, bottom=1.4, left=2.5)
    place: str = Field(default="", description="place of issue; empty: the region's name")
    signature_align: Literal["right", "center"] = "right"
    copies_heading: str = Field(default="Tembusan", min_length=1)
    DECREE: DecreeLayout = DecreeLayout()
    ORDER_LETTER: OrderLayout = OrderLayout(command="MEMERINTAHKAN:")
    ASSIGNMENT_LETTER: OrderLayout = OrderLayout(command="MENUGASKAN:")
    ASSIGNMENT_PROOF: OrderLayout = OrderLayout(command="MENUGASKAN:")
