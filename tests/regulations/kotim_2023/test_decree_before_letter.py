"""Kotim: the Keputusan comes before the letter that carries it out, and may be refused.

SPEC Revisions (4.2.1, 4.3.1): the Keputusan Kepala Perangkat Daerah (cross-unit) and the
Keputusan Sekretaris Daerah (cross-PD) are the constitutive acts (Perbup Kotim 51/2023
Lampiran II.B.2 first and second bullets); the assignment letter follows and cites them.
"""

from __future__ import annotations

import pytest

from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.workflows import TERMINALS


def _happy_path_documents(key: str) -> list[str]:
    definition = load_pack("kotim-2023").data.workflows[key]
    step, found = definition.step(definition.start), []
    while True:
        decision = step.passing_decision()
        assert decision is not None
        found += [str(document.type) for document in step.documents.get(decision, ())]
        target = step.next[decision]
        if target in TERMINALS:
            return found
        step = definition.step(target)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("WF-PEN-UO", ["INVOLVEMENT_REQUEST", "DECREE", "ASSIGNMENT_LETTER"]),
        (
            "WF-PEN-PD",
            [
                "INVOLVEMENT_REQUEST",
                "INVOLVEMENT_REQUEST",
                "INSTRUCTION",
                "STAFF_LIST",
                "INVOLVEMENT_REPLY",
                "DECREE",
                "ASSIGNMENT_LETTER",
            ],
        ),
    ],
)
def test_lampiran_ii_b_2_the_keputusan_precedes_the_assignment_letter(key, expected):
    assert _happy_path_documents(key) == expected


@pytest.mark.parametrize("key", ["WF-PEN-UO", "WF-PEN-PD"])
def test_v70_lampiran_ii_b_2_the_keputusan_may_be_refused(key):
    definition = load_pack("kotim-2023").data.workflows[key]

    decree = definition.step("decree")

    assert (decree.next["reject"], "reject" in decree.reason_required) == ("@rejected", True)
