"""People deciding the same step at the same moment: exactly one wins (ARCHITECTURE §3.3).

Each decider runs in its own thread with its own database connection, started together by a
barrier: on PostgreSQL these are real parallel transactions, on SQLite they queue for the lock.
"""

from __future__ import annotations

import pytest

from sikerja.assignments.services import (
    RequestInput,
    assignment_decide,
    assignment_recommend,
    assignment_request_submit,
)
from sikerja.organization import services_people
from sikerja.organization.models import Employee
from sikerja.workflows.models import WorkflowStep
from tests.assignments.flow import NOW, ON, letters, open_step, trail
from tests.concurrency import race
from tests.organization.builders import build_org


def _step_with_two_deciders():
    """A Kotim request at the Sekretaris' step, which his delegate may decide too."""
    org = build_org("kotim-2023")
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    deputy = org.person("Wakil Sekretaris")
    org.place(
        deputy,
        org.position("sekretariat", "Analis Kebijakan Ahli Madya", "FUNGSIONAL", "AHLI_MADYA"),
    )
    sekretaris = org.people["sekretariat"]
    services_people.delegation_create(
        actor=org.actor,
        from_employee=sekretaris,
        to_employee=deputy,
        scope="APPOINTMENT",
        valid_from=ON,
        legal_basis="Surat Kuasa Sekretaris Nomor 800/1/2026",
        at=NOW,
    )
    assignment = assignment_request_submit(
        requester=org.people["bidang"],
        data=RequestInput(
            mode="APPOINTMENT",
            subject="INDIVIDUAL",
            title="Kajian",
            purpose="Kajian",
            competencies=["analisis kebijakan"],
            expected_target="Dokumen",
            starts_on=ON,
            ends_on=ON,
            candidate_ids=[jf.pk],
        ),
        at=NOW,
        on=ON,
    )
    step = open_step(assignment)
    assignment_recommend(step_id=step.pk, by=sekretaris, text="Setuju", at=NOW)
    return assignment, step, sekretaris, deputy


def _race(step: WorkflowStep, deciders: list[tuple[int, str, str]]) -> list[str]:
    """Every (person id, decision, reason) at once, each in its own thread and connection."""

    def decide(decider: tuple[Employee, str, str]) -> str:
        person, decision, reason = decider
        assignment_decide(
            step_id=step.pk, by=person, decision=decision, reason=reason, at=NOW, on=ON
        )
        return f"won:{decision}"

    return race(decide, deciders, ready=lambda d: (Employee.objects.get(pk=d[0]), d[1], d[2]))


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_decisions_on_one_step_exactly_one_wins():
    assignment, step, sekretaris, deputy = _step_with_two_deciders()

    outcomes = _race(
        step, [(sekretaris.pk, "approve", ""), (deputy.pk, "reject", "Tidak tersedia")]
    )

    loser, won = sorted(outcomes)
    assert loser == "stale"
    winner = won.removeprefix("won:")
    decided = WorkflowStep.objects.get(pk=step.pk)
    assert decided.status == WorkflowStep.Status.DECIDED
    assert decided.decision == winner
    assert len(trail(assignment)) == {"approve": 3, "reject": 2}[winner]


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_eight_concurrent_decisions_on_one_step_one_wins_and_its_letters_are_issued_once():
    assignment, step, sekretaris, deputy = _step_with_two_deciders()
    reason = "Pegawai sedang menyelesaikan laporan akhir tahun."
    deciders = [
        (sekretaris.pk, "reject", reason) if index % 2 else (deputy.pk, "reject", reason)
        for index in range(8)
    ]

    outcomes = _race(step, deciders)

    assert sorted(outcomes) == ["stale"] * 7 + ["won:reject"]
    decided = WorkflowStep.objects.get(pk=step.pk)
    assert (decided.status, decided.decision) == (WorkflowStep.Status.DECIDED, "reject")
    assert len(trail(assignment)) == 2
    # The request's letter, and the refusal's reply issued once (Kotim's approval issues no
    # letter: the assignment letter follows the Keputusan).
    issued = letters(assignment)
    assert [letter.doc_type for letter in issued] == ["INVOLVEMENT_REQUEST", "INVOLVEMENT_REPLY"]
