"""Pixel geometry of a process map, shared by the SVG drawing and the BPMN diagram.

The grid from `graph` becomes columns of boxes inside horizontal lanes, one lane per actor;
boxes in a lane share their top and height. Under each box go its citation and notes, then
the documents its decisions issue, each tied by a dashed line to the arrow that issues it.
How arrows run is decided in `routing`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.workflows import ChainSpec, DocumentSpec, WorkflowDefinition
from sikerja.workflows.maps import labels
from sikerja.workflows.maps.content import (
    DocumentContent,
    StepContent,
    TextLines,
    document_content,
    step_content,
    title_block,
)
from sikerja.workflows.maps.graph import FlowEdge, FlowGraph, FlowNode, NodeKind, build_graph
from sikerja.workflows.maps.routing import (
    BOX_W,
    CHANNEL_STEP,
    EVENT,
    HEADER_W,
    MARGIN,
    Grid,
    Point,
    Rect,
    Route,
    plan_routes,
    route_points,
)

TIE0 = 78  # offset from a box's right edge of its first document tie
MIN_LANE_H = 110
MIN_WIDTH = 900


@dataclass(frozen=True)
class PlacedLane:
    actor: str
    label: str
    rect: Rect  # the whole lane, header included
    header: TextLines


@dataclass(frozen=True)
class PlacedNode:
    node: FlowNode
    rect: Rect
    label: str
    text: TextLines  # inside the box, or under an event's circle
    notes: tuple[TextLines, ...] = ()
    citation: str = ""
    product: bool = False


@dataclass(frozen=True)
class PlacedEdge:
    edge: FlowEdge
    points: tuple[Point, ...]
    label: str
    label_at: Point


@dataclass(frozen=True)
class PlacedDocument:
    edge: FlowEdge
    ident: str
    spec: DocumentSpec
    rect: Rect
    content: DocumentContent
    tie: tuple[Point, ...]  # from the document to the transition's first segment


@dataclass(frozen=True)
class MapLayout:
    definition: WorkflowDefinition
    lang: str
    graph: FlowGraph
    width: int
    height: int
    heading: tuple[TextLines, ...]
    lanes: tuple[PlacedLane, ...]
    nodes: tuple[PlacedNode, ...]
    edges: tuple[PlacedEdge, ...]
    documents: tuple[PlacedDocument, ...]

    def node(self, key: str) -> PlacedNode:
        return next(placed for placed in self.nodes if placed.node.key == key)


def map_layout(
    definition: WorkflowDefinition,
    *,
    cite: Callable[[Citation], str],
    lang: str = "id",
    chains: Mapping[str, ChainSpec] | None = None,
) -> MapLayout:
    """Place every lane, node, transition and document of a definition (a chain step's lane
    titled by its chain in `chains`, the pack's)."""
    labels.check_language(lang)
    graph = build_graph(definition)
    contents = {
        node.key: step_content(node.step, cite=cite, lang=lang, width=BOX_W)
        for node in graph.nodes
        if node.step is not None
    }
    docs = {edge.key: _document_contents(edge, graph, lang) for edge in graph.edges}
    plan = plan_routes(graph)
    grid = plan.grid
    width = max(grid.right + MARGIN, MIN_WIDTH)
    heading = _heading(definition, cite, lang, width)
    top = heading[-1].bottom + 14
    lane_rects, box_tops, box_heights = _lanes(graph, contents, docs, plan.channels, top, width)
    nodes = tuple(
        _place_node(node, grid, box_tops[node.lane], box_heights[node.lane], contents, lang)
        for node in graph.nodes
    )
    placed = {item.node.key: item for item in nodes}
    edges = tuple(
        _place_edge(edge, placed, plan.routes[edge.key], grid, lane_rects, lang)
        for edge in graph.edges
    )
    lanes = tuple(
        _place_lane(actor, rect, lang, chains)
        for actor, rect in zip(graph.lanes, lane_rects, strict=True)
    )
    height = (lane_rects[-1].bottom if lane_rects else top) + MARGIN
    return MapLayout(
        definition=definition,
        lang=lang,
        graph=graph,
        width=width,
        height=height,
        heading=heading,
        lanes=lanes,
        nodes=nodes,
        edges=edges,
        documents=_place_documents(graph, placed, docs, edges),
    )


def _document_contents(edge: FlowEdge, graph: FlowGraph, lang: str) -> tuple[DocumentContent, ...]:
    if not edge.documents:
        return ()
    step = graph.node(edge.source).step
    if step is None:  # only steps issue documents
        return ()
    return tuple(
        document_content(spec, step=step, lang=lang, width=BOX_W) for spec in edge.documents
    )


def _heading(
    definition: WorkflowDefinition, cite: Callable[[Citation], str], lang: str, width: int
) -> tuple[TextLines, ...]:
    blocks = []
    y = MARGIN
    for block in title_block(definition, cite=cite, lang=lang, width=width - 2 * MARGIN):
        blocks.append(block.at(x=MARGIN, y=y + block.size))
        y += block.height + 4
    return tuple(blocks)


def _node_stack(
    node: FlowNode,
    contents: dict[str, StepContent],
    docs: dict[str, tuple[DocumentContent, ...]],
    graph: FlowGraph,
) -> tuple[int, int]:
    """(box height, height of everything under the box) of one node."""
    if node.step is None:
        return EVENT, 24
    below = contents[node.key].notes_height + sum(
        doc.height + 8 for edge in graph.edges if edge.source == node.key for doc in docs[edge.key]
    )
    return contents[node.key].box_height, below


def _lanes(
    graph: FlowGraph,
    contents: dict[str, StepContent],
    docs: dict[str, tuple[DocumentContent, ...]],
    channels: dict[int, int],
    top: int,
    width: int,
) -> tuple[list[Rect], list[int], list[int]]:
    """Lane rectangles, and the top and height shared by the boxes of each lane."""
    rects, box_tops, box_heights = [], [], []
    y = top
    for lane in range(len(graph.lanes)):
        stacks = [
            _node_stack(node, contents, docs, graph) for node in graph.nodes if node.lane == lane
        ]
        box_h = max(height for height, _ in stacks)
        below = max(rest for _, rest in stacks)
        pad = max(26, 20 + CHANNEL_STEP * channels.get(lane, 0))
        height = max(MIN_LANE_H, pad + box_h + below + 12)
        rects.append(Rect(MARGIN, y, width - 2 * MARGIN, height))
        box_tops.append(y + pad)
        box_heights.append(box_h)
        y += height
    return rects, box_tops, box_heights


def _place_lane(
    actor: str, rect: Rect, lang: str, chains: Mapping[str, ChainSpec] | None
) -> PlacedLane:
    label = labels.actor_lane_label(actor, lang, chains)
    header = TextLines.wrapped(label, width=HEADER_W - 20, size=12, bold=True, tone="lane-title")
    first = rect.y + (rect.h - header.height) // 2 + header.size
    return PlacedLane(actor, label, rect, header.at(x=rect.x + 10, y=first))


def _place_node(
    node: FlowNode,
    grid: Grid,
    top: int,
    box_h: int,
    contents: dict[str, StepContent],
    lang: str,
) -> PlacedNode:
    x = grid.column_x[node.column]
    if node.step is None:
        center_x = x + grid.column_w[node.column] // 2
        rect = Rect(center_x - EVENT // 2, top + (box_h - EVENT) // 2, EVENT, EVENT)
        label = (
            labels.phrase("start", lang)
            if node.kind is NodeKind.START
            else labels.terminal_label(node.terminal, lang)
        )
        text = TextLines(
            (label,), x=center_x, y=rect.bottom + 14, size=11, anchor="middle", tone="event-label"
        )
        return PlacedNode(node, rect, label, text)
    content = contents[node.key]
    rect = Rect(x, top, BOX_W, box_h)
    text = content.label.at(
        x=rect.cx, y=top + (box_h - content.label.height) // 2 + content.label.size
    )
    notes = []
    y = rect.bottom + 4
    for note in content.notes:
        notes.append(note.at(x=x + 2, y=y + note.size))
        y += note.height + 2
    return PlacedNode(
        node,
        rect,
        content.label_text,
        text,
        tuple(notes),
        content.citation,
        node.step.product_decision,
    )


def _place_edge(
    edge: FlowEdge,
    placed: dict[str, PlacedNode],
    route: Route,
    grid: Grid,
    lane_rects: list[Rect],
    lang: str,
) -> PlacedEdge:
    source, target = placed[edge.source], placed[edge.target]
    start = (
        source.rect.right,
        source.rect.y + source.rect.h * (route.port + 1) // (route.ports + 1),
    )
    points = route_points(route, grid, start, target.rect, [rect.y for rect in lane_rects])
    label = labels.decision_label(edge.decision, lang) if edge.decision else ""
    if edge.condition or edge.otherwise:
        label = f"{label} · {labels.condition_label(edge.condition, lang)}"
    return PlacedEdge(edge, points, label, (start[0] + 6, start[1] - 3))


def _place_documents(
    graph: FlowGraph,
    placed: dict[str, PlacedNode],
    docs: dict[str, tuple[DocumentContent, ...]],
    edges: tuple[PlacedEdge, ...],
) -> tuple[PlacedDocument, ...]:
    """Documents stacked under their step, each tied to its transition's first segment."""
    ports = {edge.edge.key: edge.points[0] for edge in edges}
    result = []
    for node in (node for node in graph.nodes if node.step is not None):
        source = placed[node.key]
        y = (source.notes[-1].bottom if source.notes else source.rect.bottom) + 10
        # In port order, top first: then no two ties cross.
        issuing = sorted(
            (edge for edge in graph.edges if edge.source == node.key and edge.documents),
            key=lambda edge: ports[edge.key][1],
        )
        for tied, edge in enumerate(issuing):
            tie_x = source.rect.right + TIE0 + 5 * tied
            for index, spec in enumerate(edge.documents):
                content = docs[edge.key][index]
                rect = Rect(source.rect.x, y, BOX_W, content.height)
                tie = ((rect.right, rect.y + 12), (tie_x, rect.y + 12), (tie_x, ports[edge.key][1]))
                ident = f"doc_{edge.ident.removeprefix('flow_')}_{index + 1}"
                result.append(
                    PlacedDocument(edge, ident, spec, rect, content.at(rect.x, rect.y), tie)
                )
                y = rect.bottom + 8
    return tuple(result)
