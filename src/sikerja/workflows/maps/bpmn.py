"""BPMN 2.0 XML export of a workflow definition, with a diagram laid out like the SVG map.

One participant (pool) holds one process whose lane set has a lane per actor. Each step is a
userTask (its citation as documentation); a step with several decisions is followed by an
exclusive gateway whose outgoing sequence flows carry the decisions' names; each terminal
reached in a lane is an end event there. Documents are data object references written by
the issuing task (dataOutputAssociation). The BPMNDI section gives every element a shape or
an edge, so modelling tools (bpmn.io, Camunda Modeler) open the file with its drawing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.workflows import ChainSpec, WorkflowDefinition
from sikerja.workflows.maps import labels
from sikerja.workflows.maps.graph import FlowNode, NodeKind, ident_part
from sikerja.workflows.maps.layout import (
    MapLayout,
    PlacedDocument,
    PlacedEdge,
    PlacedNode,
    map_layout,
)
from sikerja.workflows.maps.markup import document, element
from sikerja.workflows.maps.routing import HEADER_W, MARGIN, Point, Rect, simplify
from sikerja.workflows.maps.textfit import text_width

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI"
DC_NS = "http://www.omg.org/spec/DD/20100524/DC"
DI_NS = "http://www.omg.org/spec/DD/20100524/DI"
GATEWAY = 36
POOL_BAND = 30  # the vertical name band modelling tools draw for a pool and for a lane


@dataclass
class _Model:
    """Process elements and diagram elements, collected in drawing order."""

    layout: MapLayout
    flows: list[str] = field(default_factory=list)
    data: list[str] = field(default_factory=list)
    shapes: list[str] = field(default_factory=list)
    edges: list[str] = field(default_factory=list)
    incoming: dict[str, list[str]] = field(default_factory=dict)
    outgoing: dict[str, list[str]] = field(default_factory=dict)


def bpmn_xml(
    definition: WorkflowDefinition,
    *,
    cite: Callable[[Citation], str],
    lang: str = "id",
    chains: Mapping[str, ChainSpec] | None = None,
) -> str:
    """The flow as a BPMN 2.0 document (semantic model plus diagram), as a string.

    Raises ValueError for an unsupported language.
    """
    model = _Model(map_layout(definition, cite=cite, lang=lang, chains=chains))
    _add_flows(model)
    _add_data(model)
    key = definition.id
    process = _process(model, key, cite)
    roots = [_collaboration(definition, lang), process] if model.layout.lanes else [process]
    root = element(
        "bpmn:definitions",
        {
            "xmlns:bpmn": BPMN_NS,
            "xmlns:bpmndi": BPMNDI_NS,
            "xmlns:dc": DC_NS,
            "xmlns:di": DI_NS,
            "id": f"Definitions_{key}",
            "targetNamespace": f"urn:sikerja:workflow:{key}",
            "exporter": "Sikerja",
            "exporterVersion": "1",
        },
        [*roots, _diagram(model, key)],
    )
    return document(root)


def _process(model: _Model, key: str, cite: Callable[[Citation], str]) -> str:
    """The process; its flow nodes add their shapes to the model as they are written."""
    definition = model.layout.definition
    return element(
        "bpmn:process",
        {
            "id": f"Process_{key}",
            "name": _flow_name(definition, model.layout.lang),
            "isExecutable": "false",
        },
        [
            element("bpmn:documentation", None, content=_basis(definition, cite)),
            *_lane_set(model, key),
            *(_flow_node(model, placed) for placed in model.layout.nodes),
            *_gateways(model),
            *model.flows,
            *model.data,
        ],
    )


def _diagram(model: _Model, key: str) -> str:
    plane_ref = f"Collaboration_{key}" if model.layout.lanes else f"Process_{key}"
    plane = element(
        "bpmndi:BPMNPlane",
        {"id": f"BPMNPlane_{key}", "bpmnElement": plane_ref},
        [*_pool_shapes(model, key), *model.shapes, *model.edges],
    )
    return element("bpmndi:BPMNDiagram", {"id": f"BPMNDiagram_{key}"}, [plane])


def _flow_name(definition: WorkflowDefinition, lang: str) -> str:
    return definition.label if lang == "id" else definition.label_en


def _basis(definition: WorkflowDefinition, cite: Callable[[Citation], str]) -> str:
    return "; ".join(cite(citation) for citation in definition.citations)


def _collaboration(definition: WorkflowDefinition, lang: str) -> str:
    key = definition.id
    participant = element(
        "bpmn:participant",
        {
            "id": f"Participant_{key}",
            "name": _flow_name(definition, lang),
            "processRef": f"Process_{key}",
        },
    )
    return element("bpmn:collaboration", {"id": f"Collaboration_{key}"}, [participant])


def node_id(node: FlowNode) -> str:
    if node.kind is NodeKind.START:
        return "StartEvent"
    if node.kind is NodeKind.END:
        return f"EndEvent_{node.ident.removeprefix('end_')}"
    return f"Task_{node.ident.removeprefix('step_')}"


def _gateway_id(node: FlowNode) -> str:
    return f"Gateway_{node.ident.removeprefix('step_')}"


def _has_gateway(node: FlowNode) -> bool:
    return node.step is not None and (len(node.step.decisions) > 1 or bool(node.step.transitions))


def _gateway_rect(placed: PlacedNode) -> Rect:
    return Rect(placed.rect.right + 12, placed.rect.cy - GATEWAY // 2, GATEWAY, GATEWAY)


def _bounds(rect: Rect) -> str:
    return element("dc:Bounds", {"x": rect.x, "y": rect.y, "width": rect.w, "height": rect.h})


def _shape(element_id: str, rect: Rect, label: Rect | None = None, **extra: str) -> str:
    children = [_bounds(rect)]
    if label is not None:
        children.append(element("bpmndi:BPMNLabel", None, [_bounds(label)]))
    return element(
        "bpmndi:BPMNShape", {"id": f"{element_id}_di", "bpmnElement": element_id, **extra}, children
    )


def _edge(element_id: str, points: tuple[Point, ...], label: Rect | None = None) -> str:
    children = [element("di:waypoint", {"x": x, "y": y}) for x, y in points]
    if label is not None:
        children.append(element("bpmndi:BPMNLabel", None, [_bounds(label)]))
    return element(
        "bpmndi:BPMNEdge", {"id": f"{element_id}_di", "bpmnElement": element_id}, children
    )


def _sequence_flow(
    model: _Model,
    flow_id: str,
    ends: tuple[str, str],
    name: str,
    points: tuple[Point, ...],
    label_at: Point = (0, 0),
) -> None:
    source, target = ends
    attrs = {"id": flow_id, "name": name, "sourceRef": source, "targetRef": target}
    if not name:
        del attrs["name"]
    model.flows.append(element("bpmn:sequenceFlow", attrs))
    model.outgoing.setdefault(source, []).append(flow_id)
    model.incoming.setdefault(target, []).append(flow_id)
    label = Rect(label_at[0], label_at[1] - 12, text_width(name, 11) + 4, 14) if name else None
    model.edges.append(_edge(flow_id, points, label))


def _add_flows(model: _Model) -> None:
    """Sequence flows in map order; a multi-decision step first flows into its gateway."""
    into_gateway: set[str] = set()
    for edge in model.layout.edges:
        placed = model.layout.node(edge.edge.source)
        if _has_gateway(placed.node) and placed.node.key not in into_gateway:
            into_gateway.add(placed.node.key)
            gateway = _gateway_rect(placed)
            points = ((placed.rect.right, gateway.cy), (gateway.x, gateway.cy))
            task = node_id(placed.node)
            flow_id = f"Flow_{task.removeprefix('Task_')}_gateway"
            _sequence_flow(model, flow_id, (task, _gateway_id(placed.node)), "", points)
        _add_transition(model, edge)


def _add_transition(model: _Model, edge: PlacedEdge) -> None:
    layout = model.layout
    source = layout.node(edge.edge.source)
    target_id = node_id(layout.node(edge.edge.target).node)
    flow_id = f"Flow_{edge.edge.ident.removeprefix('flow_')}"
    if not _has_gateway(source.node):
        ends = (node_id(source.node), target_id)
        _sequence_flow(model, flow_id, ends, edge.label, edge.points, edge.label_at)
        return
    gateway = _gateway_rect(source)
    bend_x = gateway.right + 8
    port_y = edge.points[0][1]
    points = simplify(
        [(gateway.right, gateway.cy), (bend_x, gateway.cy), (bend_x, port_y), *edge.points[1:]]
    )
    ends = (_gateway_id(source.node), target_id)
    _sequence_flow(model, flow_id, ends, edge.label, points, (bend_x + 4, port_y - 3))


def _add_data(model: _Model) -> None:
    """A data object and its reference per document, written by the issuing task."""
    per_task: dict[str, int] = {}
    for doc in model.layout.documents:
        tail = doc.ident.removeprefix("doc_")
        reference = f"DataObjectReference_{tail}"
        model.data.append(element("bpmn:dataObject", {"id": f"DataObject_{tail}"}))
        model.data.append(
            element(
                "bpmn:dataObjectReference",
                {"id": reference, "name": doc.spec.title, "dataObjectRef": f"DataObject_{tail}"},
                [element("bpmn:documentation", None, content=_document_note(model, doc))],
            )
        )
        icon = Rect(doc.rect.x + 24, doc.rect.y, 36, 50)
        label = Rect(icon.right + 6, doc.rect.y, doc.rect.right - icon.right - 6, 50)
        model.shapes.append(_shape(reference, icon, label))
        task = model.layout.node(doc.edge.source)
        index = per_task.get(task.node.key, 0)
        per_task[task.node.key] = index + 1
        line_x = doc.rect.x + 6 + 5 * index
        points = ((line_x, task.rect.bottom), (line_x, icon.cy), (icon.x, icon.cy))
        model.edges.append(_edge(f"DataOutputAssociation_{tail}", points))


def _document_note(model: _Model, doc: PlacedDocument) -> str:
    lang = model.layout.lang
    decision = labels.decision_label(doc.edge.decision, lang) if doc.edge.decision else ""
    parties = "; ".join(labels.actor_lane_label(party, lang) for party in doc.spec.to)
    parts = [
        labels.phrase("decision_of", lang, decision=decision),
        labels.phrase("addressees", lang, parties=parties),
    ]
    if doc.spec.cc:
        copies = "; ".join(labels.actor_lane_label(party, lang) for party in doc.spec.cc)
        parts.append(labels.phrase("copies", lang, parties=copies))
    return "\n".join(parts)


def _data_outputs(model: _Model, placed: PlacedNode) -> list[str]:
    return [
        element(
            "bpmn:dataOutputAssociation",
            {"id": f"DataOutputAssociation_{doc.ident.removeprefix('doc_')}"},
            [
                element(
                    "bpmn:targetRef",
                    None,
                    content=f"DataObjectReference_{doc.ident.removeprefix('doc_')}",
                )
            ],
        )
        for doc in model.layout.documents
        if doc.edge.source == placed.node.key
    ]


def _links(model: _Model, element_id: str) -> list[str]:
    return [
        *(
            element("bpmn:incoming", None, content=flow)
            for flow in model.incoming.get(element_id, [])
        ),
        *(
            element("bpmn:outgoing", None, content=flow)
            for flow in model.outgoing.get(element_id, [])
        ),
    ]


def _flow_node(model: _Model, placed: PlacedNode) -> str:
    node = placed.node
    element_id = node_id(node)
    label_rect = Rect(placed.rect.x - 22, placed.rect.bottom + 4, placed.rect.w + 44, 14)
    if node.kind is not NodeKind.STEP:
        tag = "bpmn:startEvent" if node.kind is NodeKind.START else "bpmn:endEvent"
        model.shapes.append(_shape(element_id, placed.rect, label_rect))
        return element(tag, {"id": element_id, "name": placed.label}, _links(model, element_id))
    model.shapes.append(_shape(element_id, placed.rect))
    notes = [element("bpmn:documentation", None, content=placed.citation)]
    notes.extend(
        element("bpmn:documentation", None, content=note.text) for note in placed.notes[1:]
    )
    children = [*notes, *_links(model, element_id), *_data_outputs(model, placed)]
    return element("bpmn:userTask", {"id": element_id, "name": placed.label}, children)


def _gateways(model: _Model) -> list[str]:
    result = []
    for placed in model.layout.nodes:
        if not _has_gateway(placed.node):
            continue
        gateway_id = _gateway_id(placed.node)
        model.shapes.append(_shape(gateway_id, _gateway_rect(placed), isMarkerVisible="true"))
        result.append(
            element("bpmn:exclusiveGateway", {"id": gateway_id}, _links(model, gateway_id))
        )
    return result


def _lane_set(model: _Model, key: str) -> list[str]:
    """One lane per actor listing its flow nodes (a gateway sits in its task's lane)."""
    if not model.layout.lanes:
        return []
    members: dict[int, list[str]] = {}
    for placed in model.layout.nodes:
        refs = members.setdefault(placed.node.lane, [])
        refs.append(node_id(placed.node))
        if _has_gateway(placed.node):
            refs.append(_gateway_id(placed.node))
    lanes = [
        element(
            "bpmn:lane",
            {"id": f"Lane_{ident_part(lane.actor)}", "name": lane.label},
            [element("bpmn:flowNodeRef", None, content=ref) for ref in members[index]],
        )
        for index, lane in enumerate(model.layout.lanes)
    ]
    return [element("bpmn:laneSet", {"id": f"LaneSet_{key}"}, lanes)]


def _pool_shapes(model: _Model, key: str) -> list[str]:
    lanes = model.layout.lanes
    if not lanes:
        return []
    lane_x = MARGIN + HEADER_W - POOL_BAND
    pool_x = lane_x - POOL_BAND
    top, bottom, right = lanes[0].rect.y, lanes[-1].rect.bottom, lanes[0].rect.right
    shapes = [
        _shape(
            f"Participant_{key}",
            Rect(pool_x, top, right - pool_x, bottom - top),
            isHorizontal="true",
        )
    ]
    shapes.extend(
        _shape(
            f"Lane_{ident_part(lane.actor)}",
            Rect(lane_x, lane.rect.y, right - lane_x, lane.rect.h),
            isHorizontal="true",
        )
        for lane in lanes
    )
    return shapes
