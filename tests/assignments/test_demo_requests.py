"""The demo pemda shows penugasan at work: requests in different states, through the services."""

from __future__ import annotations

from sikerja.assignments.demo import demo_requests
from sikerja.audit.models import AuditEvent
from sikerja.documents.models import Letter
from sikerja.organization.models import Government
from sikerja.workflows.models import WorkflowStep
from tests.assignments.flow import NOW, ON

# Surakarta: the finished request issues its request, reply and assignment letter; the
# waiting and the rejected ones their requests (and the rejection reply); the within-unit
# appointment its assignment letter; the voluntary application none until it is decided; the
# team request one request letter addressed to each member's own side (V-69).
LETTERS = 8


def test_the_demo_has_requests_done_waiting_rejected_voluntary_and_within_a_unit(world):
    government = Government.objects.get(pk=world.government_id)

    outcomes = demo_requests(government=government, at=NOW, on=ON)

    assert [outcome.state for outcome in outcomes] == [
        "APPROVED",
        "OPEN",
        "REJECTED",
        "OPEN",
        "OPEN",
        "OPEN",
    ]
    assert all(outcome.assignment_id for outcome in outcomes)
    assert Letter.objects.filter(government=government).count() == LETTERS
    # Six requests, and one part for each of the team request's two members.
    assert (
        AuditEvent.objects.filter(government_id=government.pk, action="workflow.started").count()
        == 8
    )
    team = outcomes[3]
    waiting = WorkflowStep.objects.filter(
        instance__subject_id=team.assignment_id,
        instance__parent__isnull=False,
        status=WorkflowStep.Status.OPEN,
    )
    assert (team.label, waiting.count()) == (
        "Tim kajian lintas unit (menunggu jawaban tiap anggota)",
        2,
    )
