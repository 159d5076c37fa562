"""How transitions run between boxes: ports, gap slots and lane channels.

Every transition leaves its box from its own port on the right side. A transition to a later
column whose path along the source lane is clear runs straight there ("direct"): right to a
slot in the gap before its target, vertically to the target's height, and in. Any other
(a return, a jump over boxes) climbs in the gap after its source into a channel at the top
of the source lane, runs above the boxes and drops in the gap before its target.

Ports are ordered so that a box's arrows fan out without crossing one another: channel runs
and upward arrows leave from the top, downward ones from the bottom; the outermost of each
kind turns first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from sikerja.workflows.maps.graph import FlowEdge, FlowGraph, FlowNode, NodeKind

Point = tuple[int, int]

MARGIN = 20
HEADER_W = 170  # lane titles
GAP = 150  # between columns
BOX_W = 180
EVENT = 36
FIRST_COLUMN_X = MARGIN + HEADER_W + 24
SLOT0 = 100  # first slot in a gap; arrow labels and document ties stay left of it
SLOT_STEP = 8
CHANNEL_STEP = 8

_UP, _LEVEL, _DOWN = 1, 2, 3
_Key = TypeVar("_Key", int, str)


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    @property
    def cx(self) -> int:
        return self.x + self.w // 2

    @property
    def cy(self) -> int:
        return self.y + self.h // 2


@dataclass(frozen=True)
class Route:
    """Where one transition runs; slots are (gap, index), bands are rows at a lane's top."""

    direct: bool
    port: int
    ports: int
    turn: tuple[int, int]  # where a direct run turns, or a channel run climbs
    drop: tuple[int, int]  # where a channel run changes lanes (unused within a lane)
    source_lane: int
    target_lane: int
    channel: int  # band row in the source lane
    band: int  # band row in the target lane (the channel row when the lanes are the same)
    entry: int  # index among the arrows entering the target from above


@dataclass(frozen=True)
class Grid:
    """Column positions and how many vertical slots each gap hands out."""

    column_x: tuple[int, ...]
    column_w: tuple[int, ...]
    slots: dict[int, int]

    def slot_x(self, gap: int, index: int) -> int:
        count = self.slots.get(gap, 1)
        step = min(SLOT_STEP, (GAP - SLOT0 - 6) // max(count - 1, 1))
        return self.column_x[gap] + self.column_w[gap] + SLOT0 + step * index

    @property
    def right(self) -> int:
        return self.column_x[-1] + self.column_w[-1] + GAP if self.column_x else FIRST_COLUMN_X


@dataclass(frozen=True)
class RoutePlan:
    routes: dict[str, Route]
    grid: Grid
    channels: dict[int, int]  # lane -> number of band rows at its top


def plan_routes(graph: FlowGraph) -> RoutePlan:
    """Classify every transition and hand out its port, gap slots, bands and entry."""
    cells = {(node.lane, node.column) for node in graph.nodes}
    slots: dict[int, int] = {}
    bands: dict[int, int] = {}
    entries: dict[str, int] = {}
    routes: dict[str, Route] = {}
    for source in graph.nodes:
        exits = sorted(
            (edge for edge in graph.edges if edge.source == source.key),
            key=lambda edge: _rank(graph, cells, source, edge),
        )
        downward = [e for e in exits if _rank(graph, cells, source, e)[0] == _DOWN]
        for edge in [e for e in exits if e not in downward] + downward[::-1]:
            target = graph.node(edge.target)
            port = (exits.index(edge), len(exits))
            if _is_direct(cells, source, target):
                turn = (target.column - 1, _take(slots, target.column - 1))
                routes[edge.key] = Route(
                    True, *port, turn, (0, 0), source.lane, target.lane, 0, 0, 0
                )
                continue
            turn = (source.column, _take(slots, source.column))
            channel = _take(bands, source.lane)
            drop, band = (0, 0), channel
            if target.lane != source.lane:
                drop = (target.column - 1, _take(slots, target.column - 1))
                band = _take(bands, target.lane)
            entry = _take(entries, target.key)
            routes[edge.key] = Route(
                False, *port, turn, drop, source.lane, target.lane, channel, band, entry
            )
    return RoutePlan(routes, _grid(graph, slots), bands)


def _take(counter: dict[_Key, int], key: _Key) -> int:
    """The next free index under `key`, counting it as used."""
    counter[key] = counter.get(key, 0) + 1
    return counter[key] - 1


def _is_direct(cells: set[tuple[int, int]], source: FlowNode, target: FlowNode) -> bool:
    return target.column > source.column and all(
        (source.lane, column) not in cells for column in range(source.column + 1, target.column)
    )


def _rank(
    graph: FlowGraph, cells: set[tuple[int, int]], source: FlowNode, edge: FlowEdge
) -> tuple[int, int]:
    target = graph.node(edge.target)
    if not _is_direct(cells, source, target):
        return (0, 0)
    if target.lane < source.lane:
        return (_UP, target.lane)
    if target.lane == source.lane:
        return (_LEVEL, 0)
    return (_DOWN, target.lane)


def _grid(graph: FlowGraph, slots: dict[int, int]) -> Grid:
    column_x, column_w = [], []
    x = FIRST_COLUMN_X
    for column in range(graph.columns):
        kinds = {node.kind for node in graph.nodes if node.column == column}
        column_x.append(x)
        column_w.append(BOX_W if NodeKind.STEP in kinds else EVENT)
        x += column_w[-1] + GAP
    return Grid(tuple(column_x), tuple(column_w), slots)


def route_points(
    route: Route, grid: Grid, start: Point, target: Rect, lane_tops: list[int]
) -> tuple[Point, ...]:
    """The polyline of one transition from its port into its target.

    Direct runs enter the target's left side; channel runs come down onto its top, so they
    never merge with the arrows that arrive from the left.
    """
    turn_x = grid.slot_x(*route.turn)
    if route.direct:
        return simplify([start, (turn_x, start[1]), (turn_x, target.cy), (target.x, target.cy)])
    channel_y = band_y(lane_tops[route.source_lane], route.channel)
    entry_x = (
        target.cx if target.w <= EVENT else target.x + min(24 + 12 * route.entry, target.w // 2)
    )
    points = [start, (turn_x, start[1]), (turn_x, channel_y)]
    if route.target_lane != route.source_lane:
        drop_x = grid.slot_x(*route.drop)
        target_band_y = band_y(lane_tops[route.target_lane], route.band)
        points += [(drop_x, channel_y), (drop_x, target_band_y), (entry_x, target_band_y)]
    else:
        points.append((entry_x, channel_y))
    points.append((entry_x, target.y))
    return simplify(points)


def band_y(lane_top: int, row: int) -> int:
    return lane_top + 8 + CHANNEL_STEP * row


def simplify(points: list[Point]) -> tuple[Point, ...]:
    """Drop repeated points and points in the middle of a straight run."""
    kept: list[Point] = []
    for point in points:
        if kept and kept[-1] == point:
            continue
        if len(kept) >= 2 and _collinear(kept[-2], kept[-1], point):
            kept[-1] = point
            continue
        kept.append(point)
    return tuple(kept)


def _collinear(a: Point, b: Point, c: Point) -> bool:
    return a[0] == b[0] == c[0] or a[1] == b[1] == c[1]
