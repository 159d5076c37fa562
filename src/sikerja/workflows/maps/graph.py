"""The topology of a process map: lanes, nodes in grid cells, and one edge per transition.

Everything here is derived from the workflow definition alone, so a map cannot say anything
the engine does not do. Geometry (pixels) is added by `layout`.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from enum import StrEnum

from sikerja.regulations.schema.workflows import (
    TERMINALS,
    Decision,
    DocumentSpec,
    StepSpec,
    WorkflowDefinition,
)

START_KEY = "start"


class NodeKind(StrEnum):
    START = "start"
    STEP = "step"
    END = "end"


@dataclass(frozen=True)
class FlowNode:
    """A start event, a step or an end event, placed in a lane and a column of the grid."""

    key: str
    ident: str  # an NCName, unique in the map
    kind: NodeKind
    lane: int
    column: int
    step: StepSpec | None = None
    terminal: str = ""


@dataclass(frozen=True)
class FlowEdge:
    """One transition: a decision of a step (or the start) leading to a node; a guarded one
    carries its condition ("!" negates), and the plain way out of a decision that also has
    guarded ones is marked `otherwise`."""

    key: str
    ident: str
    source: str
    target: str
    decision: Decision | None = None
    documents: tuple[DocumentSpec, ...] = ()
    condition: str = ""
    otherwise: bool = False


@dataclass(frozen=True)
class Exit:
    """A way out of a step: its decision, where it leads, and the guard it needs, if any."""

    decision: Decision
    target: str
    condition: str = ""
    otherwise: bool = False


def exits(step: StepSpec) -> tuple[Exit, ...]:
    """Every way out of a step, per decision: the guarded transitions in the order the engine
    tries them, then the plain one."""
    found = []
    for decision in step.decisions:
        guarded = [t for t in step.transitions if t.decision == decision]
        found += [Exit(decision, t.to, t.when) for t in guarded]
        found.append(Exit(decision, step.next[decision], otherwise=bool(guarded)))
    return tuple(found)


@dataclass(frozen=True)
class FlowGraph:
    lanes: tuple[str, ...]  # actor expressions, in order of first appearance
    nodes: tuple[FlowNode, ...]
    edges: tuple[FlowEdge, ...]

    @property
    def columns(self) -> int:
        return max((node.column for node in self.nodes), default=-1) + 1

    def node(self, key: str) -> FlowNode:
        for node in self.nodes:
            if node.key == key:
                return node
        raise KeyError(key)


def step_key(step_id: str) -> str:
    return f"step:{step_id}"


def ident_part(value: str) -> str:
    """An actor expression or step id as a fragment of an XML id."""
    return value.replace(".", "_").replace("@", "").replace(":", "_")


def step_order(definition: WorkflowDefinition) -> tuple[StepSpec, ...]:
    """Steps breadth-first from `start` along the plain ways out (decisions in their declared
    order), then along the guarded ones, then the rest: the main path reads left to right."""
    if not definition.steps:
        return ()
    seen = {definition.start}
    ordered: list[StepSpec] = []
    for guarded in (False, True):
        queue = deque([step.id for step in ordered] or [definition.start])
        while queue:
            step = definition.step(queue.popleft())
            if step not in ordered:
                ordered.append(step)
            for way in exits(step):
                target = way.target
                if bool(way.condition) > guarded or target in TERMINALS or target in seen:
                    continue
                seen.add(target)
                queue.append(target)
    ordered.extend(step for step in definition.steps if step.id not in seen)
    return tuple(ordered)


def build_graph(definition: WorkflowDefinition) -> FlowGraph:
    """Lanes, grid cells and edges of a definition (empty for a forbidden flow)."""
    order = step_order(definition)
    if not order:
        return FlowGraph(lanes=(), nodes=(), edges=())
    lanes = tuple(dict.fromkeys(step.actor for step in order))
    lane_of = {step.id: lanes.index(step.actor) for step in order}
    columns = _step_columns(order, lane_of)
    start = FlowNode(START_KEY, "start", NodeKind.START, lane_of[order[0].id], 0)
    steps = [
        FlowNode(
            step_key(step.id),
            f"step_{step.id}",
            NodeKind.STEP,
            lane_of[step.id],
            columns[step.id],
            step=step,
        )
        for step in order
    ]
    ends, end_targets = _end_nodes(order, lane_of, columns, lanes)
    return FlowGraph(lanes=lanes, nodes=(start, *steps, *ends), edges=_edges(order, end_targets))


def _step_columns(order: tuple[StepSpec, ...], lane_of: dict[str, int]) -> dict[str, int]:
    """Longest-path columns over forward transitions; one node per lane and column."""
    position = {step.id: index for index, step in enumerate(order)}
    predecessors: dict[str, list[str]] = {step.id: [] for step in order}
    for step in order:
        for way in exits(step):
            target = way.target
            if target in position and position[target] > position[step.id]:
                predecessors[target].append(step.id)
    occupied = {(lane_of[order[0].id], 0)}
    columns: dict[str, int] = {}
    for step in order:
        column = max((columns[source] + 1 for source in predecessors[step.id]), default=1)
        while (lane_of[step.id], column) in occupied:
            column += 1
        occupied.add((lane_of[step.id], column))
        columns[step.id] = column
    return columns


def _end_nodes(
    order: tuple[StepSpec, ...],
    lane_of: dict[str, int],
    columns: dict[str, int],
    lanes: tuple[str, ...],
) -> tuple[list[FlowNode], dict[str, str]]:
    """End events next to the steps that reach them, and the end node of each transition.

    A transition reuses an end event of its kind already placed further right in its lane
    when nothing stands between them; otherwise a new one goes in the nearest free cell.
    """
    occupied = {(lane_of[step_id], column) for step_id, column in columns.items()}
    nodes: list[FlowNode] = []
    targets: dict[str, str] = {}
    for step in order:
        lane, column = lane_of[step.id], columns[step.id]
        for way in exits(step):
            terminal = way.target
            if terminal not in TERMINALS:
                continue
            reusable = [
                node
                for node in nodes
                if node.terminal == terminal
                and node.lane == lane
                and node.column > column
                and all(
                    (lane, between) not in occupied for between in range(column + 1, node.column)
                )
            ]
            if reusable:
                targets[_edge_key(step, way)] = reusable[0].key
                continue
            place = column + 1
            while (lane, place) in occupied:
                place += 1
            occupied.add((lane, place))
            node = _end_node(terminal, lane, place, lanes, nodes)
            nodes.append(node)
            targets[_edge_key(step, way)] = node.key
    return nodes, targets


def _end_node(
    terminal: str, lane: int, column: int, lanes: tuple[str, ...], placed: list[FlowNode]
) -> FlowNode:
    base = f"end_{ident_part(terminal)}_{ident_part(lanes[lane])}"
    same = sum(1 for node in placed if node.terminal == terminal and node.lane == lane)
    ident = base if same == 0 else f"{base}_{same + 1}"
    key = f"end:{terminal.lstrip('@')}:{lane}:{same + 1}"
    return FlowNode(key, ident, NodeKind.END, lane, column, terminal=terminal)


def _edge_key(step: StepSpec, way: Exit) -> str:
    base = f"{step.id}:{way.decision.value}"
    return f"{base}:{way.condition}" if way.condition else base


def _edges(order: tuple[StepSpec, ...], end_targets: dict[str, str]) -> tuple[FlowEdge, ...]:
    edges = [FlowEdge(START_KEY, "flow_start", START_KEY, step_key(order[0].id))]
    for step in order:
        for way in exits(step):
            key = _edge_key(step, way)
            ident = f"flow_{step.id}_{way.decision.value}"
            if way.condition:
                ident += "_" + ident_part(way.condition.replace("!", "not_"))
            edges.append(
                FlowEdge(
                    key=key,
                    ident=ident,
                    source=step_key(step.id),
                    target=end_targets[key] if way.target in TERMINALS else step_key(way.target),
                    decision=way.decision,
                    # A decision's letters are drawn once, on its plain way out.
                    documents=() if way.condition else step.documents.get(way.decision, ()),
                    condition=way.condition,
                    otherwise=way.otherwise,
                )
            )
    return tuple(edges)
