"""Estimate text widths and wrap labels to a width, without measuring real fonts.

The estimate is deliberately generous (DejaVu Sans, the widest common sans-serif, averages
about 0.55 em per character) so wrapped lines fit whichever sans-serif the viewer has.
"""

from __future__ import annotations

_EM_REGULAR = 0.58
_EM_BOLD = 0.64


def text_width(value: str, size: float, *, bold: bool = False) -> int:
    """Approximate rendered width in pixels of one line of text."""
    em = _EM_BOLD if bold else _EM_REGULAR
    return int(len(value) * size * em + 0.999)


def wrap(value: str, width: int, size: float, *, bold: bool = False) -> tuple[str, ...]:
    """Greedy word wrap to `width` pixels; words longer than a line are cut."""
    limit = max(1, int(width / (size * (_EM_BOLD if bold else _EM_REGULAR))))
    lines: list[str] = []
    current = ""
    for word in value.split():
        while len(word) > limit:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:limit])
            word = word[limit:]
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= limit:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return tuple(lines) or ("",)
