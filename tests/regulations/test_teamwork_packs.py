"""Every regional pack describes its team work (SPEC §4.10, §4.11, §4.13, §5.5) in its
`<id>.teamwork.toml`: each setting cites its article, or says it is a product decision where
the seed is silent; the settings that differ between packs are transcribed here."""

from __future__ import annotations

import pytest

from sikerja.regulations.loader import load_pack
from tests.regulations.conftest import REGIONAL


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_every_setting_cites_its_article_or_is_a_product_decision_case(pack_id):
    work = load_pack(pack_id).data.teamwork

    assert work is not None
    settings = [work.plan, work.work_plan, work.monitoring, work.feedback, work.issues, work.rework]
    assert [s for s in settings if not s.citation and not s.product_decision] == []


# (monitoring by, interval, any time) per pack: V-30 Surakarta quarterly by the unit head or
# appraiser; V-30a Kotim and Blitar periodic or at any time with the lead; Cilegon and Barut the
# unit head (Barut monthly is a product decision, Pasal 28(3)e sets no interval).
MONITORING = {
    "kotim-2023": (("unit_head", "team_lead"), "MONTHLY", True, False),
    "blitar-2023": (("unit_head", "team_lead"), "MONTHLY", True, False),
    "surakarta-2023": (("unit_head", "appraiser"), "QUARTERLY", False, False),
    "cilegon-2023": (("unit_head",), "MONTHLY", False, False),
    "barut-2024": (("unit_head",), "MONTHLY", False, True),
}


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_v30_v30a_who_monitors_and_how_often_case(pack_id):
    monitoring = load_pack(pack_id).data.teamwork.monitoring  # type: ignore[union-attr]

    assert (
        monitoring.by,
        monitoring.interval,
        monitoring.any_time,
        monitoring.product_decision,
    ) == MONITORING[pack_id]


# V-56: Blitar and Barut state no escalation route; the Kotim-style route is offered and
# labelled. V-58: only Surakarta makes the unit head own the rework.
@pytest.mark.parametrize(
    ("pack_id", "route_specified", "rework_owner"),
    [
        ("kotim-2023", True, "team_lead"),
        ("blitar-2023", False, "team_lead"),
        ("surakarta-2023", True, "unit_head"),
        ("cilegon-2023", True, "team_lead"),
        ("barut-2024", False, "team_lead"),
    ],
)
def test_v56_v58_escalation_route_and_rework_owner_case(pack_id, route_specified, rework_owner):
    pack = load_pack(pack_id)
    work = pack.data.teamwork

    assert work is not None
    assert (work.issues.route_specified, work.rework.owner) == (route_specified, rework_owner)
    assert set(pack.parameters.issue_route) >= {"WITHIN_UNIT", "CROSS_UNIT"}
    assert pack.binds("V-58") == (rework_owner == "unit_head")
