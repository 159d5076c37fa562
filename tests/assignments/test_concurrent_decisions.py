"""Two people deciding the same step at the same moment: exactly one wins (ARCHITECTURE §3.3)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from sikerja.assignments.services import (
    RequestInput,
    assignment_decide,
    assignment_recommend,
    assignment_request_submit,
)
from sikerja.core.errors import StaleState
from sikerja.organization import services_people
from sikerja.organization.models import Employee
from sikerja.workflows.models import WorkflowStep
from tests.assignments.flow import NOW, ON, open_step, trail
from tests.organization.builders import build_org


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_decisions_on_one_step_exactly_one_wins():
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
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def decide(person_id: int, decision: str, reason: str) -> None:
        person = Employee.objects.get(pk=person_id)
        barrier.wait()
        try:
            assignment_decide(
                step_id=step.pk, by=person, decision=decision, reason=reason, at=NOW, on=ON
            )
            outcomes.append(f"won:{decision}")
        except StaleState:
            outcomes.append("stale")
        except Exception as exc:
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=(sekretaris.pk, "approve", "")),
        threading.Thread(target=decide, args=(deputy.pk, "reject", "Tidak tersedia")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    loser, won = sorted(outcomes)
    assert loser == "stale"
    winner = won.removeprefix("won:")
    decided = WorkflowStep.objects.get(pk=step.pk)
    assert decided.status == WorkflowStep.Status.DECIDED
    assert decided.decision == winner
    assert len(trail(assignment)) == {"approve": 3, "reject": 2}[winner]
