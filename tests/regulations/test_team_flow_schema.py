"""The schema of the team-work flows: a plan approver goes with its flow (kind plan), a chain
node climbs to the first head of the named kinds, and evaluation flows by unit type."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.teamwork import PlanSettings
from sikerja.regulations.schema.workflows import ChainNode

PACKS = ("kotim-2023", "blitar-2023", "surakarta-2023", "cilegon-2023", "barut-2024")


@pytest.mark.parametrize("pack_id", PACKS)
def test_every_pack_sets_the_plan_on_a_flow_of_kind_plan_case(pack_id):
    pack = load_pack(pack_id)
    plan = pack.data.teamwork.plan  # type: ignore[union-attr]

    assert (plan.approver, plan.flow, pack.data.workflows[plan.flow].kind) == (
        "unit_head",
        "WF-TEAM-PLAN",
        "plan",
    )


@pytest.mark.parametrize(
    "values",
    [{"approver": "unit_head"}, {"flow": "WF-TEAM-PLAN"}],
)
def test_an_approver_and_its_flow_go_together_case(values):
    with pytest.raises(ValidationError, match="an approver and its flow go together"):
        PlanSettings(**values)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"actor": "owner.unit_head", "first_of": ["JPT_PRATAMA"]}, "belong to an ascend_from"),
        (
            {
                "ascend_from": "owner.unit_head",
                "until": "owner.agency_head",
                "first_of": ["JPT_PRATAMA"],
            },
            "climbs until an official or to the first_of kinds",
        ),
        ({"ascend_from": "owner.unit_head", "first_of": ["PELAKSANA"]}, "first_of"),
    ],
)
def test_a_first_of_node_climbs_from_someone_to_a_head_kind_case(values, message):
    with pytest.raises(ValidationError, match=message):
        ChainNode(**values)


@pytest.mark.parametrize(
    ("agency_type", "unit_types", "flow"),
    [
        ("DINAS", ["SUBBAGIAN", "PUSKESMAS", "DINAS"], "WF-EVAL-M4"),
        ("DINAS", ["SATDIK", "DINAS"], "WF-EVAL-M4"),
        ("DINAS", ["UPTD", "BIDANG", "DINAS"], "WF-EVAL-M3"),
        ("KECAMATAN", ["KELURAHAN", "KECAMATAN"], "WF-EVAL-M3"),
        ("KECAMATAN", ["SEKSI", "KECAMATAN"], "WF-EVAL-PD"),
        ("SETDA", ["BAGIAN", "ASISTEN", "SETDA"], "WF-EVAL-SETDA"),
        ("DINAS", ["BIDANG", "DINAS"], "WF-EVAL-PD"),
    ],
)
def test_blitar_mekanisme_by_the_nearest_unit_type_case(agency_type, unit_types, flow):
    reporting = load_pack("blitar-2023").parameters.team_reporting

    assert reporting is not None
    assert reporting.evaluation_flow(agency_type, unit_types) == flow
