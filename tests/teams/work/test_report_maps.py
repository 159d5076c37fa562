"""Process maps of every report and evaluation flow of every pack, drawn from the same
definitions the engine runs (SVG swimlanes and BPMN 2.0), in Indonesian and English."""

from __future__ import annotations

import re

import pytest

from sikerja.regulations.loader import load_pack
from sikerja.workflows.maps import bpmn_xml, swimlane_svg

PACKS = ("kotim-2023", "blitar-2023", "surakarta-2023", "cilegon-2023", "barut-2024")


def _flows():
    for pack_id in PACKS:
        pack = load_pack(pack_id)
        reporting = pack.parameters.team_reporting
        assert reporting is not None
        for key in sorted(reporting.flows()):
            yield pack_id, key


@pytest.mark.parametrize(("pack_id", "key"), list(_flows()))
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_report_and_evaluation_flow_has_its_map(pack_id, key, lang):
    pack = load_pack(pack_id)
    definition = pack.data.workflows[key]

    svg = swimlane_svg(definition, cite=pack.cite, lang=lang, chains=pack.data.chains)
    bpmn = bpmn_xml(definition, cite=pack.cite, lang=lang, chains=pack.data.chains)

    label = definition.label if lang == "id" else definition.label_en
    assert "<svg" in svg
    assert f'<title id="map-{definition.id.lower()}-{lang}-title">{label}</title>' in svg
    assert "bpmn:process" in bpmn
    for step in definition.steps:
        assert pack.cite(step.citation) in svg


def test_the_evaluation_flows_by_unit_type_are_the_packs():
    chosen = {
        pack_id: dict(load_pack(pack_id).parameters.team_reporting.evaluation)  # type: ignore[union-attr]
        for pack_id in PACKS
    }

    assert chosen == {
        "kotim-2023": {"default": "WF-EVAL-PD", "SETDA": "WF-EVAL-SETDA"},
        "blitar-2023": {
            "default": "WF-EVAL-PD",
            "SETDA": "WF-EVAL-SETDA",
            "KELURAHAN": "WF-EVAL-M3",
            "UPTD": "WF-EVAL-M3",
            "PUSKESMAS": "WF-EVAL-M4",
            "SATDIK": "WF-EVAL-M4",
        },
        "surakarta-2023": {"default": "WF-EVAL-PD", "SETDA": "WF-EVAL-SETDA"},
        "cilegon-2023": {"default": "WF-EVAL-PD"},
        "barut-2024": {"default": "WF-EVAL-PD"},
    }


def test_a_chain_steps_lane_is_titled_by_its_chain_in_the_pack():
    pack = load_pack("cilegon-2023")

    svg = swimlane_svg(
        pack.data.workflows["WF-EVAL-PD"], cite=pack.cite, lang="en", chains=pack.data.chains
    )

    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert " ".join(texts[3:9]) == (
        "Author of the report or results The report recipient (the unit head) declares completion"
    )
