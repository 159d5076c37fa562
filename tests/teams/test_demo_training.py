"""The demo shows V-62 at work in every pack: after the sample teams, the Kepala Bidang's two
training-need proposals for the gaps the teams ask of the unit's people, one waiting for BKPSDM
and one scheduled by its operator."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.teams.demo import demo_teams
from sikerja.teams.training_models import TrainingNeedProposal
from tests.conftest import NOW, TODAY
from tests.teams.world import pack_demo

PACKS = ("barut-2024", "blitar-2023", "cilegon-2023", "kotim-2023", "surakarta-2023")
# the rule a proposal rests on: Blitar states V-62 (Pasal 29(2)); the others are silent (product
# decision, no rule id)
RULE = {"blitar-2023": "V-62"}


@pytest.fixture(autouse=True)
def evidence_root(settings, tmp_path):
    settings.SIKERJA_EVIDENCE_ROOT = tmp_path / "evidence"


@pytest.mark.parametrize("pack_id", PACKS)
@pytest.mark.django_db
def test_every_pack_demo_has_one_pending_and_one_scheduled_training_proposal_case(pack_id):
    demo, person = pack_demo(pack_id, "T")

    demo_teams(government=demo.government, at=NOW, on=TODAY)

    rows = list(
        TrainingNeedProposal.objects.filter(government=demo.government)
        .order_by("pk")
        .values_list("status", "proposed_by_id", "employee_id", "scheduled_on", "rule")
    )
    rule = RULE.get(pack_id, "")
    assert rows == [
        ("SUBMITTED", person["kabid"], person["pelaksana"], None, rule),
        (
            "SCHEDULED",
            person["kabid"],
            person["jf_ahli_muda"],
            TODAY + dt.timedelta(days=30),
            rule,
        ),
    ]
