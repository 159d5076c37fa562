"""Sample training-need proposals (V-62) for a demo pemda, run through the real services after
the sample teams: the Kepala Bidang proposes two competence gaps the teams ask of the people of
the unit; BKPSDM's operator schedules the second, the first waits. Skipped quietly where the pack
offers no proposal or the demo shows no gap."""

from __future__ import annotations

import datetime as dt

from sikerja.core.errors import DomainError
from sikerja.organization.demo import persona_employee
from sikerja.organization.models import Employee, Government, OrgUnit, Placement
from sikerja.organization.rules import Actor
from sikerja.teams.training import (
    Decision,
    ProposalInput,
    training_proposal_decide,
    training_proposal_submit,
)
from sikerja.teams.training_models import TrainingNeedProposal
from sikerja.teams.workload import person_gaps

PROGRAMME = "Pelatihan Analisis Data Kinerja (contoh demo)"


def _unit_of(head: Employee, on: dt.date) -> OrgUnit | None:
    placement = (
        Placement.objects.effective_on(on)
        .filter(employee=head, position__is_head=True)
        .select_related("position__unit")
        .first()
    )
    return placement.position.unit if placement else None


def _needs(unit: OrgUnit, people: list[Employee], on: dt.date) -> list[tuple[Employee, str]]:
    """(person, competency) of the first gaps of the people of the unit, one per person."""
    found = []
    for person in people:
        gaps = person_gaps(unit=unit, employee_id=person.pk, on=on)
        if gaps:
            found.append((person, gaps[0]))
    return found


def _operator(government: Government) -> Actor | None:
    operator = persona_employee(government, "bkpsdm")
    user = operator.user if operator is not None else None
    if operator is None or user is None:
        return None
    return Actor(
        user_id=user.pk,
        label=user.username,
        government_id=government.pk,
        employee_id=operator.pk,
        is_bkpsdm_admin=True,
    )


def demo_training_proposals(
    *, government: Government, at: dt.datetime, on: dt.date
) -> list[TrainingNeedProposal]:
    """One proposal waiting for BKPSDM and one scheduled by its operator (when the demo has two
    gaps to propose); the proposals made."""
    head = persona_employee(government, "kabid")
    unit = _unit_of(head, on) if head is not None else None
    operator = _operator(government)
    if head is None or unit is None or operator is None:
        return []
    people = [
        p
        for p in (persona_employee(government, n) for n in ("pelaksana", "jf_ahli_muda"))
        if p is not None
    ]
    made: list[TrainingNeedProposal] = []
    for person, competency in _needs(unit, people, on)[:2]:
        data = ProposalInput(
            unit_id=unit.pk,
            employee_id=person.pk,
            competencies=[competency],
            reason=f"Tim kerja unit membutuhkan kompetensi {competency} (contoh demo).",
        )
        try:
            made.append(training_proposal_submit(by=head, data=data, at=at, on=on))
        except DomainError:
            return made
    if len(made) == 2:
        decision = Decision(
            schedule=True, scheduled_on=on + dt.timedelta(days=30), programme=PROGRAMME
        )
        made[1] = training_proposal_decide(
            actor=operator, proposal_id=made[1].pk, decision=decision, at=at, on=on
        )
    return made
