"""The demo shows a report on individual work: the JF Ahli Muda's own report for the current
period, submitted with a PDF, waiting for the first official of the pack's chain for
individuals (SPEC 4.12)."""

from __future__ import annotations

import pytest

from sikerja.teams.demo import demo_teams
from sikerja.teams.models import IndividualReport
from sikerja.workflows.models import WorkflowStep
from tests.conftest import NOW, TODAY
from tests.teams.world import pack_demo

# Who the JF's report waits for first: the Kepala Bidang (Kotim, Blitar, Cilegon: the head of
# the JF's unit, as the resolver names it; Barut and Surakarta: the appraiser).
FIRST = {
    "kotim-2023": "kabid",
    "blitar-2023": "kabid",
    "surakarta-2023": "kabid",
    "cilegon-2023": "kabid",
    "barut-2024": "kabid",
}


@pytest.mark.parametrize("pack_id", sorted(FIRST))
@pytest.mark.django_db
def test_every_pack_demo_has_an_individual_report_waiting_case(pack_id):
    demo, person = pack_demo(pack_id, "I")

    demo_teams(government=demo.government, at=NOW, on=TODAY)

    report = IndividualReport.objects.get(government=demo.government)
    waiting = WorkflowStep.objects.get(instance_id=report.workflow_instance_id, status="OPEN")
    assert (report.author_id, report.status, report.basis) == (
        person["jf_ahli_muda"],
        "SUBMITTED",
        "OWN_WORK",
    )
    assert report.period_start <= TODAY <= report.period_end
    assert report.files.get().content_type == "application/pdf"
    assert waiting.actor_id == person[FIRST[pack_id]]
