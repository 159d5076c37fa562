"""Read the text of an uncompressed WeasyPrint PDF without a PDF library.

WeasyPrint writes text as glyph ids in `[<hex>…] TJ` arrays and maps glyphs back to characters
in each font's /ToUnicode CMap (bfchar entries only). Enough to check what a page says.
"""

from __future__ import annotations

import re

OBJECT = re.compile(rb"(\d+) 0 obj\n(.*?)\nendobj", re.DOTALL)
TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
REFERENCE = re.compile(rb"/([\w+-]+) (\d+) 0 R")
BFCHAR = re.compile(rb"<([0-9a-fA-F]+)> <([0-9a-fA-F]+)>")
TEXT_OPERATOR = re.compile(rb"/([\w+-]+) [\d.]+ Tf|\[(.*?)\] TJ", re.DOTALL)
HEX = re.compile(rb"<([0-9a-fA-F]+)>")


def _cmap(stream: bytes) -> dict[bytes, str]:
    section = stream.split(b"beginbfchar", 1)[-1]
    return {
        glyph.lower(): bytes.fromhex(text.decode()).decode("utf-16-be")
        for glyph, text in BFCHAR.findall(section)
    }


def pdf_runs(pdf: bytes) -> list[str]:
    """The text of every TJ run, in page order (WeasyPrint writes one run per line piece)."""
    objects = {int(number): body for number, body in OBJECT.findall(pdf)}
    cmaps = {
        number: _cmap(objects[int(match.group(1))])
        for number, body in objects.items()
        if (match := TO_UNICODE.search(body))
    }
    fonts: dict[bytes, dict[bytes, str]] = {}
    # Font resources (`/BAWKYD 11 0 R`, inline or in their own object) name the font objects.
    for body in objects.values():
        for name, reference in REFERENCE.findall(body):
            if int(reference) in cmaps:
                fonts[name] = cmaps[int(reference)]
    runs = []
    for body in objects.values():
        font: dict[bytes, str] = {}
        for name, array in TEXT_OPERATOR.findall(body):
            if name:
                font = fonts.get(name, {})
                continue
            glyphs = (h[i : i + 4].lower() for h in HEX.findall(array) for i in range(0, len(h), 4))
            runs.append("".join(font.get(glyph, "") for glyph in glyphs))
    return runs


def pdf_text(pdf: bytes) -> str:
    """All runs joined by spaces, whitespace collapsed: search it for a phrase on one line."""
    return " ".join(" ".join(pdf_runs(pdf)).split())
