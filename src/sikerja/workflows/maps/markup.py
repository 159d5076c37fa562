"""A tiny, deterministic XML writer shared by the SVG and BPMN renderers.

Strings are built directly (rather than with ElementTree) so that attribute order, namespace
prefixes and indentation are fixed: the same definition always yields the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from xml.sax.saxutils import escape

# Characters XML 1.0 cannot carry at all, even escaped.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ATTR_ENTITIES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
# Line breaks in text content are written as references, so indenting never alters text.
_TEXT_ENTITIES = {"\n": "&#10;", "\r": "&#13;"}

AttrValue = str | int | float


def clean(text: str) -> str:
    """Drop characters that are not allowed in an XML document."""
    return _INVALID.sub("", text)


def _number(value: float) -> str:
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def attribute(value: AttrValue) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _number(value)
    return escape(clean(str(value)), _ATTR_ENTITIES)


def text(value: str) -> str:
    return escape(clean(value), _TEXT_ENTITIES)


def element(
    name: str,
    attrs: Mapping[str, AttrValue] | None = None,
    children: Iterable[str] = (),
    content: str | None = None,
) -> str:
    """One element: `content` is escaped text; `children` are already serialized elements."""
    parts = [name]
    parts.extend(f'{key}="{attribute(value)}"' for key, value in (attrs or {}).items())
    opening = " ".join(parts)
    inner = list(children)
    if content is not None:
        return f"<{opening}>{text(content)}</{name}>"
    if not inner:
        return f"<{opening}/>"
    body = "\n".join(_indent(child) for child in inner)
    return f"<{opening}>\n{body}\n</{name}>"


def _indent(block: str) -> str:
    return "\n".join(f"  {line}" if line else line for line in block.split("\n"))


def document(root: str) -> str:
    """A complete XML document with its declaration and a final newline."""
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{root}\n'
