"""Reading the maps back: parse SVG and BPMN output and pull out what a reader would see."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
BPMNDI = "{http://www.omg.org/spec/BPMN/20100524/DI}"
DC = "{http://www.omg.org/spec/DD/20100524/DC}"
DI = "{http://www.omg.org/spec/DD/20100524/DI}"
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


def parse(document: str) -> ET.Element:
    return ET.fromstring(document.encode("utf-8"))  # noqa: S314  # our own output, no entities


def attr(element: ET.Element, name: str) -> str:
    """An attribute that must be there."""
    value = element.get(name)
    assert value is not None, f"{element.tag} has no {name}"
    return value


def child(element: ET.Element, tag: str) -> ET.Element:
    """The first child with a tag, which must be there."""
    found = element.find(tag)
    assert found is not None, f"{element.tag} has no {tag}"
    return found


def ident_after(element: ET.Element, marker: str) -> str:
    """The part of an SVG id after a marker, e.g. '-transition-'."""
    return attr(element, "id").split(marker)[1]


def groups(root: ET.Element, css_class: str) -> list[ET.Element]:
    """SVG <g> elements of one class, in document order."""
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == css_class]


def shown_text(element: ET.Element, css_class: str | None = None) -> str:
    """The visible words of an element (or of its text groups of one class), lines joined."""
    scopes = [element] if css_class is None else groups(element, css_class)
    lines = [text.text or "" for scope in scopes for text in scope.iter(f"{SVG}text")]
    return " ".join(lines)


def texts_of(element: ET.Element, css_class: str) -> list[str]:
    """Each text group of one class as one string."""
    return [shown_text(group) for group in groups(element, css_class)]


def rect_of(element: ET.Element) -> tuple[int, int, int, int]:
    rect = child(element, f"{SVG}rect")
    x, y, width, height = (int(float(attr(rect, name))) for name in ("x", "y", "width", "height"))
    return x, y, width, height


def path_points(d: str) -> list[tuple[int, int]]:
    numbers = [int(value) for value in re.findall(r"-?\d+", d)]
    return list(zip(numbers[::2], numbers[1::2], strict=True))
