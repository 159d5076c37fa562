"""The BPMN 2.0 export: one process in lanes, with a diagram for modelling tools."""

from __future__ import annotations

import pytest

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.workflows import PenugasanDefinition
from sikerja.workflows.maps import bpmn_xml, swimlane_svg
from tests.workflows.maps.definitions import (
    cite_kotim,
    cite_surakarta,
    kotim_cross_pd,
    kotim_cross_unit,
    surakarta_voluntary,
    tricky,
)
from tests.workflows.maps.xmltools import (
    BPMN,
    BPMNDI,
    DC,
    DI,
    NCNAME,
    SVG,
    attr,
    child,
    groups,
    ident_after,
    parse,
)

FLOW_NODES = ("startEvent", "userTask", "exclusiveGateway", "endEvent")
CASES = [
    pytest.param(kotim_cross_unit, cite_kotim, id="kotim_cross_unit_case"),
    pytest.param(kotim_cross_pd, cite_kotim, id="kotim_cross_pd_case"),
    pytest.param(surakarta_voluntary, cite_surakarta, id="surakarta_voluntary_case"),
    pytest.param(tricky, cite_kotim, id="tricky_case"),
]


@pytest.fixture(scope="module")
def pd_root():
    return parse(bpmn_xml(kotim_cross_pd(), cite=cite_kotim))


def _process(root):
    (process,) = root.findall(f"{BPMN}process")
    return process


def _count(root, tag):
    return len(list(root.iter(f"{BPMN}{tag}")))


def _flow_node_ids(root):
    return [
        attr(node, "id") for tag in FLOW_NODES for node in _process(root).findall(f"{BPMN}{tag}")
    ]


def test_the_export_is_a_bpmn_definitions_document(pd_root):
    (collaboration,) = pd_root.findall(f"{BPMN}collaboration")
    (participant,) = collaboration.findall(f"{BPMN}participant")

    assert pd_root.tag == f"{BPMN}definitions"
    assert pd_root.get("targetNamespace") == "urn:sikerja:workflow:WF-PEN-PD"
    assert participant.get("processRef") == _process(pd_root).get("id") == "Process_WF-PEN-PD"
    assert participant.get("name") == "Penunjukan lintas Perangkat Daerah"
    assert _process(pd_root).get("isExecutable") == "false"


def test_cross_pd_has_the_expected_number_of_each_element(pd_root):
    counts = {
        tag: _count(pd_root, tag)
        for tag in (
            "lane",
            "startEvent",
            "userTask",
            "exclusiveGateway",
            "endEvent",
            "sequenceFlow",
            "dataObjectReference",
            "dataOutputAssociation",
        )
    }

    assert counts == {
        "lane": 7,
        "startEvent": 1,
        "userTask": 8,
        "exclusiveGateway": 4,  # owner_review, target_review, availability, reply_approval
        "endEvent": 5,
        "sequenceFlow": 18,  # start + 13 decisions + 4 task-to-gateway flows
        "dataObjectReference": 8,
        "dataOutputAssociation": 8,
    }


@pytest.mark.parametrize(("build", "cite"), CASES)
def test_counts_follow_the_definition(build, cite):
    definition = build()

    root = parse(bpmn_xml(definition, cite=cite))

    gateways = sum(1 for step in definition.steps if len(step.decisions) > 1)
    decisions = sum(len(step.decisions) for step in definition.steps)
    actors = {step.actor for step in definition.steps}
    assert _count(root, "userTask") == len(definition.steps)
    assert _count(root, "exclusiveGateway") == gateways
    assert _count(root, "sequenceFlow") == 1 + decisions + gateways
    assert _count(root, "lane") == len(actors)


@pytest.mark.parametrize(("build", "cite"), CASES)
def test_every_flow_node_belongs_to_exactly_one_lane(build, cite):
    root = parse(bpmn_xml(build(), cite=cite))

    refs = [ref.text or "" for ref in root.iter(f"{BPMN}flowNodeRef")]

    assert sorted(refs) == sorted(_flow_node_ids(root))


@pytest.mark.parametrize(("build", "cite"), CASES)
def test_every_sequence_flow_connects_existing_nodes_and_is_listed_on_both(build, cite):
    root = parse(bpmn_xml(build(), cite=cite))
    process = _process(root)
    nodes = {node.get("id"): node for tag in FLOW_NODES for node in process.findall(f"{BPMN}{tag}")}

    for flow in process.findall(f"{BPMN}sequenceFlow"):
        source, target = nodes[flow.get("sourceRef")], nodes[flow.get("targetRef")]

        assert flow.get("id") in [item.text for item in source.findall(f"{BPMN}outgoing")]
        assert flow.get("id") in [item.text for item in target.findall(f"{BPMN}incoming")]


@pytest.mark.parametrize(("build", "cite"), CASES)
def test_every_element_has_a_shape_or_an_edge_in_the_diagram(build, cite):
    root = parse(bpmn_xml(build(), cite=cite))
    process = _process(root)

    shaped = {shape.get("bpmnElement") for shape in root.iter(f"{BPMNDI}BPMNShape")}
    edged = {edge.get("bpmnElement") for edge in root.iter(f"{BPMNDI}BPMNEdge")}

    expected_shapes = set(_flow_node_ids(root))
    expected_shapes |= {lane.get("id") for lane in process.iter(f"{BPMN}lane")}
    expected_shapes |= {ref.get("id") for ref in process.iter(f"{BPMN}dataObjectReference")}
    expected_shapes |= {participant.get("id") for participant in root.iter(f"{BPMN}participant")}
    expected_edges = {flow.get("id") for flow in process.iter(f"{BPMN}sequenceFlow")}
    expected_edges |= {link.get("id") for link in process.iter(f"{BPMN}dataOutputAssociation")}
    assert shaped == expected_shapes
    assert edged == expected_edges
    assert all(shape.find(f"{DC}Bounds") is not None for shape in root.iter(f"{BPMNDI}BPMNShape"))
    assert all(len(edge.findall(f"{DI}waypoint")) >= 2 for edge in root.iter(f"{BPMNDI}BPMNEdge"))


@pytest.mark.parametrize(("build", "cite"), CASES)
def test_ids_are_unique_ncnames_and_every_reference_resolves(build, cite):
    root = parse(bpmn_xml(build(), cite=cite))

    ids = [attr(element, "id") for element in root.iter() if element.get("id")]
    references = [
        element.get(name)
        for element in root.iter()
        for name in ("sourceRef", "targetRef", "processRef", "bpmnElement", "dataObjectRef")
        if element.get(name)
    ]
    references += [
        element.text
        for element in root.iter()
        if element.tag
        in {f"{BPMN}{tag}" for tag in ("incoming", "outgoing", "flowNodeRef", "targetRef")}
    ]

    assert len(ids) == len(set(ids))
    assert all(NCNAME.match(identifier) for identifier in ids)
    assert set(references) <= set(ids)


def test_tasks_are_named_after_steps_and_documented_with_their_citation(pd_root):
    tasks = {task.get("id"): task for task in pd_root.iter(f"{BPMN}userTask")}

    assert tasks["Task_request"].get("name") == "Kirim surat permohonan pelibatan"
    assert (
        tasks["Task_request"].findtext(f"{BPMN}documentation")
        == "Perbup Kotim 51/2023 Lampiran II.B.2.a.3)a)"
    )
    assert [doc.text for doc in tasks["Task_reply_approval"].findall(f"{BPMN}documentation")] == [
        "Perbup Kotim 51/2023 Lampiran II.B.2.a.3)e) butir pertama",
        "ditetapkan oleh produk (bukan teks peraturan)",
    ]
    assert _process(pd_root).findtext(f"{BPMN}documentation") == (
        "Perbup Kotim 51/2023 Lampiran II.B.2.a.3); Perbup Kotim 51/2023 Lampiran II.B.2 butir pertama"
    )


def test_a_step_with_several_decisions_branches_through_a_gateway_with_named_flows(pd_root):
    process = _process(pd_root)
    flows = {flow.get("id"): flow for flow in process.findall(f"{BPMN}sequenceFlow")}

    outgoing = [
        flow for flow in flows.values() if flow.get("sourceRef") == "Gateway_reply_approval"
    ]

    assert flows["Flow_reply_approval_gateway"].get("sourceRef") == "Task_reply_approval"
    assert flows["Flow_reply_approval_gateway"].get("name") is None
    assert sorted((attr(flow, "name"), attr(flow, "targetRef")) for flow in outgoing) == [
        ("kembalikan", "Task_availability"),
        ("setuju", "Task_letter"),
        ("tolak", "EndEvent_rejected_home_authorized_official_2"),
    ]
    assert flows["Flow_request_submit"].get("sourceRef") == "Task_request"
    assert flows["Flow_request_submit"].get("name") == "kirim"


def test_lanes_are_named_after_the_actors_and_hold_their_steps(pd_root):
    lanes = {
        lane.get("name"): [ref.text for ref in lane.findall(f"{BPMN}flowNodeRef")]
        for lane in pd_root.iter(f"{BPMN}lane")
    }

    assert lanes["Pejabat yang Berwenang (PD pegawai)"] == [
        "Task_target_review",
        "Gateway_target_review",
        "Task_reply_approval",
        "Gateway_reply_approval",
        "EndEvent_rejected_home_authorized_official",
        "EndEvent_rejected_home_authorized_official_2",
    ]
    assert lanes["Sekretaris Daerah"] == [
        "Task_decree",
        "EndEvent_approved_government_regional_secretary",
    ]


def test_documents_are_data_objects_written_by_their_task(pd_root):
    tasks = {task.get("id"): task for task in pd_root.iter(f"{BPMN}userTask")}
    references = {ref.get("id"): ref for ref in pd_root.iter(f"{BPMN}dataObjectReference")}

    targets = [
        link.findtext(f"{BPMN}targetRef")
        for link in tasks["Task_letter"].findall(f"{BPMN}dataOutputAssociation")
    ]

    assert targets == ["DataObjectReference_letter_record_1"]
    assert references["DataObjectReference_letter_record_1"].get("name") == "Surat Penugasan"
    assert references["DataObjectReference_letter_record_1"].findtext(f"{BPMN}documentation") == (
        "keputusan catat\n→ Pegawai yang ditugaskan\nTembusan: Pejabat yang Berwenang (PD pegawai); "
        "Pejabat Penilai Kinerja (unit pegawai); Pejabat yang Berwenang (PD pemilik kinerja)"
    )


def _bounds(element):
    return tuple(int(attr(element, name)) for name in ("x", "y", "width", "height"))


def test_the_diagram_uses_the_same_layout_as_the_svg_map():
    svg = parse(swimlane_svg(kotim_cross_pd(), cite=cite_kotim))
    bpmn = parse(bpmn_xml(kotim_cross_pd(), cite=cite_kotim))

    svg_boxes = {
        "Task_" + ident_after(group, "-step-").replace("-", "_"): _bounds(
            child(group, f"{SVG}rect")
        )
        for group in groups(svg, "step")
    }
    bpmn_boxes = {
        attr(shape, "bpmnElement"): _bounds(child(shape, f"{DC}Bounds"))
        for shape in bpmn.iter(f"{BPMNDI}BPMNShape")
        if attr(shape, "bpmnElement").startswith("Task_")
    }

    assert bpmn_boxes == svg_boxes


def test_the_same_definition_always_gives_the_same_bytes():
    assert bpmn_xml(surakarta_voluntary(), cite=cite_surakarta) == bpmn_xml(
        surakarta_voluntary(), cite=cite_surakarta
    )


def test_special_characters_are_escaped_and_read_back_unchanged():
    document = bpmn_xml(tricky(), cite=cite_kotim)
    root = parse(document)

    tasks = {task.get("id"): task for task in root.iter(f"{BPMN}userTask")}

    assert 'name="Susun &lt;draf&gt; &amp; kirim"' in document
    assert tasks["Task_draft"].get("name") == "Susun <draf> & kirim"
    assert (
        tasks["Task_draft"].findtext(f"{BPMN}documentation")
        == 'Perbup Kotim 51/2023 Pasal 1 "angka" 2 & 3'
    )
    assert _process(root).get("name") == "Uji & <karakter> khusus"


def test_english_export_uses_english_names():
    root = parse(bpmn_xml(kotim_cross_unit(), cite=cite_kotim, lang="en"))

    names = sorted(
        flow.get("name", "") for flow in root.iter(f"{BPMN}sequenceFlow") if flow.get("name")
    )

    assert names == ["acknowledge", "approve", "record", "reject", "submit"]
    assert _process(root).get("name") == "Direct appointment across units"


def test_a_forbidden_flow_exports_an_empty_documented_process():
    definition = PenugasanDefinition(
        kind="penugasan",
        id="WF-SUK-PD",
        label="Pengajuan sukarela lintas Perangkat Daerah",
        label_en="Voluntary",
        mode="VOLUNTARY",
        scope="CROSS_PD",
        subjects=("INDIVIDUAL",),
        allowed=False,
        refusal_rule="V-21",
        citations=(Citation(article="Lampiran II.B.2.b"),),
    )

    root = parse(bpmn_xml(definition, cite=cite_kotim))

    (plane,) = root.iter(f"{BPMNDI}BPMNPlane")
    assert _flow_node_ids(root) == []
    assert root.findall(f"{BPMN}collaboration") == []
    assert plane.get("bpmnElement") == "Process_WF-SUK-PD"
    assert (
        _process(root).findtext(f"{BPMN}documentation") == "Perbup Kotim 51/2023 Lampiran II.B.2.b"
    )
