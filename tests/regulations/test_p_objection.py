"""P-OBJECTION in the packs: the national baseline states the window (14 days, PP 30/2019
Pasal 59) and the deciding official (the atasan of the Pejabat Penilai Kinerja); every regional
pack runs it on its WF-KEBERATAN flow: the employee files, and the decision step names that
official, due as every step of the pack."""

from __future__ import annotations

import pytest

from sikerja.performance.services.objection import objection_rule
from sikerja.regulations.loader import available_pack_ids, load_pack

REGIONAL = [pack_id for pack_id in available_pack_ids() if pack_id != "national"]


def test_p_objection_national_window_decider_and_citation():
    stated = objection_rule(load_pack("national"))

    assert (
        stated.pack_id,
        stated.params.file_within_days,
        stated.params.days_count,
        stated.params.decider,
        stated.params.flow,
    ) == ("national", 14, "calendar", "employee.appraiser_superior", "WF-KEBERATAN")
    assert stated.citation.startswith("PP 30/2019 Pasal 59; PermenPANRB 6/2022 Bab V")


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_p_objection_every_pack_runs_the_national_rule_on_its_flow(pack_id):
    pack = load_pack(pack_id)
    stated = objection_rule(pack)

    definition = pack.data.workflows[stated.params.flow]
    first = definition.step(definition.start)
    step = definition.step("decide")

    assert (stated.pack_id, definition.kind, definition.stage) == (
        "national",
        "performance",
        "OBJECTION",
    )
    assert (first.actor, first.decisions, first.next) == (
        "employee",
        ("submit",),
        {"submit": "decide"},
    )
    assert (step.actor, step.deadline_days) == (
        stated.params.decider,
        pack.parameters.step_deadline_days,
    )
    assert (set(step.decisions), set(step.reason_required), step.reason_rule) == (
        {"approve", "reject"},
        {"approve", "reject"},
        "P-OBJECTION-DECISION",
    )
    assert pack.citation_of("P-OBJECTION-DECISION").endswith("; PP 30/2019 Pasal 59")
