"""Step due dates as pack data: no seed sets a step deadline in days, so every regional pack
gives each step a person decides the product default `step_deadline_days` (5 working days, hari
kerja), keeps a step's own `deadline_days`, and gives none to a step the system decides."""

from __future__ import annotations

import pytest

from sikerja.regulations.schema.pack import Pack
from tests.regulations.conftest import REGIONAL

MINIMAL_FLOW = {
    "kind": "penugasan",
    "id": "WF-X",
    "label": "x",
    "label_en": "x",
    "citations": [{"article": "Pasal 1"}],
    "start": "a",
}


def _step(step_id: str, **extra):
    return {
        "id": step_id,
        "label": step_id,
        "label_en": step_id,
        "actor": "requester",
        "decisions": ["approve"],
        "next": {"approve": "done"},
        "citation": {"article": "Pasal 1"},
        **extra,
    }


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_every_step_a_person_decides_is_due_after_the_pack_default(pack, pack_id):
    loaded = pack(pack_id)
    steps = [s for flow in loaded.data.workflows.values() for s in flow.steps]

    assert loaded.parameters.step_deadline_days == 5
    assert loaded.parameters.deadline_days_count == "working"
    assert loaded.parameters.reminder_days_before == 2
    assert {s.deadline_days for s in steps if s.actor != "system"} == {5}
    assert {s.deadline_days for s in steps if s.actor == "system"} <= {None}


def test_a_step_keeps_its_own_deadline_and_a_system_step_gets_none():
    raw = {
        "parameters": {"step_deadline_days": 7},
        "workflows": {
            "WF-X": {
                **MINIMAL_FLOW,
                "steps": [
                    _step("a", deadline_days=3, next={"approve": "b"}),
                    _step("b", next={"approve": "c"}),
                    _step("c", actor="system"),
                ],
            }
        },
    }

    steps = Pack._default_deadlines(raw)["workflows"]["WF-X"]["steps"]

    assert [s.get("deadline_days") for s in steps] == [3, 7, None]


def test_without_the_parameter_the_steps_have_no_deadline():
    raw = {"workflows": {"WF-X": {**MINIMAL_FLOW, "steps": [_step("a")]}}}

    assert Pack._default_deadlines(raw) == raw
