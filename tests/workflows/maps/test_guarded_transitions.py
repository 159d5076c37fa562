"""Guarded transitions on process maps: every way out of a step the engine may take is drawn,
each labelled with its decision and its condition, so a team flow's map shows the route by
scope (Kotim, Barut) and Blitar's lead-first branches."""

from __future__ import annotations

import pytest

from sikerja.regulations.loader import load_pack
from sikerja.workflows.maps import bpmn_xml, swimlane_svg
from sikerja.workflows.maps.graph import build_graph
from sikerja.workflows.maps.layout import map_layout
from tests.workflows.maps.xmltools import BPMN, parse

PACKS = ["kotim-2023", "blitar-2023", "surakarta-2023", "cilegon-2023", "barut-2024"]


def team_flow(pack_id: str):
    pack = load_pack(pack_id)
    return pack, pack.data.workflows["WF-TEAM"]


def test_kotim_wf_team_the_proposal_goes_by_scope_with_each_condition_on_its_arrow():
    pack, definition = team_flow("kotim-2023")

    layout = map_layout(definition, cite=pack.cite)

    out = [
        (e.edge.key, e.edge.target, e.label)
        for e in layout.edges
        if e.edge.source == "step:propose"
    ]
    assert out == [
        ("propose:submit:cross_pd", "step:decree_sekda", "kirim · lintas PD"),
        ("propose:submit:cross_unit", "step:decree_pd", "kirim · lintas unit"),
        ("propose:submit", "step:letter", "kirim · selain itu"),
    ]


def test_blitar_wf_team_draws_lead_first_then_members_and_the_branch_without_a_lead():
    _pack, definition = team_flow("blitar-2023")

    graph = build_graph(definition)

    columns = {node.key: node.column for node in graph.nodes if node.step is not None}
    assert columns["step:lead_order"] < columns["step:lead_input"] < columns["step:members_order"]
    assert ("step:propose", "step:members_order", "!has_lead") in {
        (e.source, e.target, e.condition) for e in graph.edges
    }


@pytest.mark.parametrize("pack_id", PACKS)
def test_every_step_of_each_packs_team_flow_is_reached_by_an_arrow_case(pack_id):
    _pack, definition = team_flow(pack_id)

    graph = build_graph(definition)

    targets = {edge.target for edge in graph.edges}
    assert {f"step:{step.id}" for step in definition.steps} <= targets


@pytest.mark.parametrize("pack_id", PACKS)
def test_the_bpmn_export_has_a_gateway_flow_for_every_way_out_case(pack_id):
    pack, definition = team_flow(pack_id)

    root = parse(bpmn_xml(definition, cite=pack.cite, lang="en"))

    flows = root.iter(f"{BPMN}sequenceFlow")
    ways = sum(len(step.decisions) + len(step.transitions) for step in definition.steps)
    gateways = sum(1 for step in definition.steps if len(step.decisions) > 1 or step.transitions)
    assert len(list(flows)) == 1 + ways + gateways
    svg = swimlane_svg(definition, cite=pack.cite, lang="en")
    assert ("submit · otherwise" in svg) is any(step.transitions for step in definition.steps)
