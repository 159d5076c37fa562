"""The swimlane diagram (peta lintas fungsi) of a workflow definition, as standalone SVG 1.1.

Only presentation attributes are used (no <style>, no scripts, no external fonts or images),
so the drawing passes a strict Content-Security-Policy inline and renders the same in
browsers and in WeasyPrint's PDF output. Ids are prefixed by flow and language, so several
maps can sit inline on one page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.workflows import ChainSpec, Decision, WorkflowDefinition
from sikerja.workflows.maps import labels
from sikerja.workflows.maps.content import TextLines
from sikerja.workflows.maps.graph import NodeKind
from sikerja.workflows.maps.layout import (
    MapLayout,
    PlacedDocument,
    PlacedEdge,
    PlacedLane,
    PlacedNode,
    map_layout,
)
from sikerja.workflows.maps.markup import document, element
from sikerja.workflows.maps.routing import HEADER_W, Point, Rect

SVG_NS = "http://www.w3.org/2000/svg"
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"

_TONES = {
    "title": "#111827",
    "kind": "#4b5563",
    "basis": "#1f2937",
    "flow-not-specified": "#9a3412",
    "product-legend": "#9a3412",
    "refusal": "#b91c1c",
    "lane-title": "#1e3a5f",
    "label": "#0f172a",
    "citation": "#4b5563",
    "recommendation": "#374151",
    "deadline": "#374151",
    "product-marker": "#9a3412",
    "document-title": "#3f2d0c",
    "addressees": "#3f2d0c",
    "copies": "#3f2d0c",
    "signer": "#3f2d0c",
    "event-label": "#1f2937",
}
_EDGE_COLOURS = {"normal": "#374151", "reject": "#b91c1c", "return": "#b45309"}
_END_COLOURS = {"@approved": "#047857", "@rejected": "#b91c1c", "@withdrawn": "#6b7280"}


def swimlane_svg(
    definition: WorkflowDefinition,
    *,
    cite: Callable[[Citation], str],
    lang: str = "id",
    chains: Mapping[str, ChainSpec] | None = None,
) -> str:
    """The cross-functional swimlane map of a flow, one lane per actor, as an SVG string.

    Raises ValueError for an unsupported language.
    """
    layout = map_layout(definition, cite=cite, lang=lang, chains=chains)
    prefix = f"map-{definition.id.lower()}-{lang}"
    label = definition.label if lang == "id" else definition.label_en
    children = [
        element("title", {"id": f"{prefix}-title"}, content=label),
        element("desc", {"id": f"{prefix}-desc"}, content=_description(layout)),
        _defs(prefix),
        element(
            "rect",
            {"x": 0, "y": 0, "width": layout.width, "height": layout.height, "fill": "#ffffff"},
        ),
        element("g", {"class": "heading"}, [_text(block) for block in layout.heading]),
        element(
            "g",
            {"class": "lanes"},
            [_lane(lane, index, prefix) for index, lane in enumerate(layout.lanes)],
        ),
        element("g", {"class": "transitions"}, [_edge(edge, prefix) for edge in layout.edges]),
        element("g", {"class": "nodes"}, [_node(node, prefix) for node in layout.nodes]),
        element(
            "g", {"class": "documents"}, [_document(doc, prefix, lang) for doc in layout.documents]
        ),
    ]
    root = element(
        "svg",
        {
            "xmlns": SVG_NS,
            "version": "1.1",
            "id": prefix,
            "width": layout.width,
            "height": layout.height,
            "viewBox": f"0 0 {layout.width} {layout.height}",
            "font-family": FONT,
        },
        children,
    )
    return document(root)


def _description(layout: MapLayout) -> str:
    lanes = ", ".join(lane.label for lane in layout.lanes)
    steps = " → ".join(node.label for node in layout.nodes if node.node.kind is NodeKind.STEP)
    return f"{lanes}. {steps}" if steps else " ".join(block.text for block in layout.heading)


def _defs(prefix: str) -> str:
    markers = [
        element(
            "marker",
            {
                "id": f"{prefix}-arrow-{name}",
                "viewBox": "0 0 10 10",
                "refX": 10,
                "refY": 5,
                "markerUnits": "userSpaceOnUse",
                "markerWidth": 9,
                "markerHeight": 9,
                "orient": "auto",
            },
            [element("path", {"d": "M 0 0 L 10 5 L 0 10 z", "fill": colour})],
        )
        for name, colour in _EDGE_COLOURS.items()
    ]
    return element("defs", None, markers)


def _text(block: TextLines, *, fill: str | None = None) -> str:
    """One <text> per line, so every renderer wraps identically."""
    attrs: dict[str, str | int] = {
        "class": block.tone,
        "font-size": block.size,
        "fill": fill or _TONES[block.tone],
    }
    if block.anchor != "start":
        attrs["text-anchor"] = block.anchor
    if block.bold:
        attrs["font-weight"] = "bold"
    if block.italic:
        attrs["font-style"] = "italic"
    lines = [
        element("text", {"x": block.x, "y": block.y + index * block.leading}, content=line)
        for index, line in enumerate(block.lines)
    ]
    return element("g", attrs, lines)


def _rect(rect: Rect, **attrs: str | int | float) -> str:
    geometry: dict[str, str | int | float] = {
        "x": rect.x,
        "y": rect.y,
        "width": rect.w,
        "height": rect.h,
    }
    return element("rect", {**geometry, **attrs})


def _lane(lane: PlacedLane, index: int, prefix: str) -> str:
    header = Rect(lane.rect.x, lane.rect.y, HEADER_W, lane.rect.h)
    return element(
        "g",
        {"class": "lane", "id": f"{prefix}-lane-{lane.actor.replace('.', '-')}"},
        [
            element("title", None, content=lane.label),
            _rect(lane.rect, fill="#f8fafc" if index % 2 == 0 else "#ffffff", stroke="#94a3b8"),
            _rect(header, fill="#e2e8f0", stroke="#94a3b8"),
            _text(lane.header),
        ],
    )


def _edge_kind(edge: PlacedEdge) -> str:
    if edge.edge.decision is Decision.REJECT:
        return "reject"
    if edge.edge.decision is Decision.RETURN:
        return "return"
    return "normal"


def _path(points: tuple[Point, ...]) -> str:
    head, *rest = points
    return " ".join([f"M {head[0]} {head[1]}", *(f"L {x} {y}" for x, y in rest)])


def _edge(edge: PlacedEdge, prefix: str) -> str:
    kind = _edge_kind(edge)
    colour = _EDGE_COLOURS[kind]
    path: dict[str, str | int | float] = {
        "d": _path(edge.points),
        "fill": "none",
        "stroke": colour,
        "stroke-width": 1.4,
        "marker-end": f"url(#{prefix}-arrow-{kind})",
    }
    if kind == "return":
        path["stroke-dasharray"] = "5 3"
    children = [element("path", path)]
    if edge.label:
        x, y = edge.label_at
        label = TextLines((edge.label,), x=x, y=y, size=10, tone="decision")
        children.append(_text(label, fill=colour))
    ident = edge.edge.ident.removeprefix("flow_")
    return element("g", {"class": "transition", "id": f"{prefix}-transition-{ident}"}, children)


def _node(placed: PlacedNode, prefix: str) -> str:
    node = placed.node
    attrs = {"class": node.kind.value, "id": f"{prefix}-{node.ident.replace('_', '-')}"}
    if node.kind is NodeKind.STEP:
        return element("g", attrs, _step_shapes(placed))
    rect = placed.rect
    colour = "#047857" if node.kind is NodeKind.START else _END_COLOURS[node.terminal]
    circle = element(
        "circle",
        {
            "cx": rect.cx,
            "cy": rect.cy,
            "r": rect.w // 2,
            "fill": "#ffffff",
            "stroke": colour,
            "stroke-width": 1.5 if node.kind is NodeKind.START else 4,
        },
    )
    return element(
        "g", attrs, [element("title", None, content=placed.label), circle, _text(placed.text)]
    )


def _step_shapes(placed: PlacedNode) -> list[str]:
    box: dict[str, str | int | float] = {
        "rx": 10,
        "ry": 10,
        "fill": "#fff7ed" if placed.product else "#eff6ff",
        "stroke": "#c2410c" if placed.product else "#1d4ed8",
        "stroke-width": 1.5,
    }
    if placed.product:
        box["stroke-dasharray"] = "6 4"
    tooltip = " — ".join(part for part in (placed.label, placed.citation) if part)
    return [
        element("title", None, content=tooltip),
        _rect(placed.rect, **box),
        _text(placed.text),
        *(_text(note) for note in placed.notes),
    ]


def _document(doc: PlacedDocument, prefix: str, lang: str) -> str:
    rect = doc.rect
    wave = 8
    outline = (
        f"M {rect.x} {rect.y} L {rect.right} {rect.y} L {rect.right} {rect.bottom - wave} "
        f"Q {rect.x + rect.w * 3 // 4} {rect.bottom - 2 * wave} {rect.cx} {rect.bottom - wave} "
        f"T {rect.x} {rect.bottom - wave} Z"
    )
    tie_end = doc.tie[-1]
    decision = labels.decision_label(doc.edge.decision, lang) if doc.edge.decision else ""
    tooltip = f"{doc.spec.title} — {labels.phrase('decision_of', lang, decision=decision)}"
    return element(
        "g",
        {"class": "document", "id": f"{prefix}-{doc.ident.replace('_', '-')}"},
        [
            element("title", None, content=tooltip),
            element(
                "path",
                {
                    "d": _path(doc.tie),
                    "fill": "none",
                    "stroke": "#a16207",
                    "stroke-width": 1,
                    "stroke-dasharray": "3 3",
                },
            ),
            element("circle", {"cx": tie_end[0], "cy": tie_end[1], "r": 2.5, "fill": "#a16207"}),
            element(
                "path", {"d": outline, "fill": "#fefce8", "stroke": "#a16207", "stroke-width": 1.2}
            ),
            *(_text(block) for block in doc.content.blocks),
        ],
    )
