"""The topology of a map: step order, lanes, grid cells and end events."""

from __future__ import annotations

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.workflows import PenugasanDefinition
from sikerja.workflows.maps.graph import NodeKind, build_graph, step_order
from tests.workflows.maps.definitions import kotim_cross_pd, surakarta_voluntary, tricky


def _cells(graph):
    return {node.key: (graph.lanes[node.lane], node.column) for node in graph.nodes}


def test_steps_are_ordered_breadth_first_from_the_start():
    order = [step.id for step in step_order(kotim_cross_pd())]

    assert order == [
        "request",
        "owner_review",
        "target_review",
        "availability",
        "reply_approval",
        "letter",
        "accept",
        "decree",
    ]


def test_lanes_follow_the_first_appearance_of_each_actor():
    graph = build_graph(surakarta_voluntary())

    assert graph.lanes == ("home.unit_head", "applicant", "owner.unit_head")


def test_cross_pd_grid_puts_each_step_right_of_its_predecessor_and_ends_beside_their_steps():
    graph = build_graph(kotim_cross_pd())

    assert _cells(graph) == {
        "start": ("owner.unit_head", 0),
        "step:request": ("owner.unit_head", 1),
        "step:owner_review": ("owner.authorized_official", 2),
        "step:target_review": ("home.authorized_official", 3),
        "step:availability": ("home.appraiser", 4),
        "step:reply_approval": ("home.authorized_official", 5),
        "step:letter": ("home.unit_head", 6),
        "step:accept": ("candidate", 7),
        "step:decree": ("government.regional_secretary", 8),
        "end:rejected:1:1": ("owner.authorized_official", 3),
        "end:rejected:2:1": ("home.authorized_official", 4),
        "end:rejected:3:1": ("home.appraiser", 5),
        "end:rejected:2:2": ("home.authorized_official", 6),
        "end:approved:6:1": ("government.regional_secretary", 9),
    }


def test_no_two_nodes_share_a_cell():
    for definition in (kotim_cross_pd(), surakarta_voluntary(), tricky()):
        graph = build_graph(definition)
        cells = [(node.lane, node.column) for node in graph.nodes]

        assert len(cells) == len(set(cells))


def test_a_step_far_from_an_existing_end_event_gets_its_own():
    graph = build_graph(surakarta_voluntary())

    ends = [
        (node.terminal, graph.lanes[node.lane], node.column)
        for node in graph.nodes
        if node.kind is NodeKind.END
    ]

    assert ends == [
        ("@rejected", "home.unit_head", 2),
        ("@rejected", "owner.unit_head", 4),
        ("@rejected", "home.unit_head", 6),
        ("@approved", "applicant", 7),
    ]


def test_every_decision_is_one_edge_and_the_start_one_more():
    definition = kotim_cross_pd()

    graph = build_graph(definition)

    assert len(graph.edges) == 1 + sum(len(step.decisions) for step in definition.steps)
    assert [edge.key for edge in graph.edges][:4] == [
        "start",
        "request:submit",
        "owner_review:forward",
        "owner_review:reject",
    ]


def test_idents_are_unique():
    graph = build_graph(tricky())

    idents = [node.ident for node in graph.nodes] + [edge.ident for edge in graph.edges]

    assert len(idents) == len(set(idents))


def test_a_forbidden_flow_has_an_empty_graph():
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

    graph = build_graph(definition)

    assert (graph.lanes, graph.nodes, graph.edges, graph.columns) == ((), (), (), 0)
