"""The demo pemda shows penugasan at work: requests in different states, through the services."""

from __future__ import annotations

from sikerja.assignments.demo import demo_requests
from sikerja.audit.models import AuditEvent
from sikerja.documents.models import Letter
from sikerja.organization.models import Government
from tests.assignments.flow import NOW, ON

# Surakarta: the finished request issues its request, reply and assignment letter; the
# waiting and the rejected ones their requests (and the rejection reply); the within-unit
# appointment its assignment letter; the voluntary application none until it is decided.
LETTERS = 7


def test_the_demo_has_requests_done_waiting_rejected_voluntary_and_within_a_unit(world):
    government = Government.objects.get(pk=world.government_id)

    outcomes = demo_requests(government=government, at=NOW, on=ON)

    assert [outcome.state for outcome in outcomes] == [
        "APPROVED",
        "OPEN",
        "REJECTED",
        "OPEN",
        "OPEN",
    ]
    assert all(outcome.assignment_id for outcome in outcomes)
    assert Letter.objects.filter(government=government).count() == LETTERS
    assert (
        AuditEvent.objects.filter(government_id=government.pk, action="workflow.started").count()
        == 5
    )
