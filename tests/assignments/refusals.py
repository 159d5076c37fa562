"""Helpers of the refusal tests: a complete Blitar request, and "nothing was written"."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sikerja.assignments.models import Assignment, AssignmentCandidate
from sikerja.assignments.services import RequestInput, assignment_request_submit
from sikerja.audit.models import AuditEvent
from sikerja.documents.models import Letter
from sikerja.organization.models import Employee
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.assignments.flow import NOW, ON, request_input

PACK = "blitar-2023"
PERWALI = "Perwali Blitar 6/2023"


def request(**overrides: object) -> RequestInput:
    """A complete Blitar request (Pasal 24 ayat (3) adds the task and the individual target)."""
    defaults = {"task_description": "Mengolah data", "individual_target": "Data terverifikasi"}
    return request_input(**(defaults | overrides))


def submit(requester: Employee, data: RequestInput) -> Assignment:
    return assignment_request_submit(requester=requester, data=data, at=NOW, on=ON)


def _written() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (
            Assignment,
            AssignmentCandidate,
            WorkflowInstance,
            WorkflowStep,
            AuditEvent,
            Letter,
        )
    )


@contextmanager
def nothing_written() -> Iterator[None]:
    """The block leaves every table the penugasan services write as it found it: assignments,
    candidates, workflow instances and steps, audit events, letters."""
    before = _written()
    yield
    assert _written() == before
