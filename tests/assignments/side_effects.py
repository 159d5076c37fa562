"""Nothing was written: the rows every penugasan service may write, counted before and after."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.test import TestCase

from sikerja.assignments.models import Assignment, AssignmentCandidate
from sikerja.audit.models import AuditEvent
from sikerja.documents.models import Letter
from sikerja.notifications.models import Notification
from sikerja.workflows.models import Recommendation, WorkflowInstance, WorkflowStep

WRITTEN = (
    Assignment,
    AssignmentCandidate,
    WorkflowInstance,
    WorkflowStep,
    Recommendation,
    AuditEvent,
    Letter,
    Notification,
)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in WRITTEN}


@contextmanager
def nothing_written() -> Iterator[None]:
    """The block leaves assignments, candidates, workflow instances, steps and recommendations,
    audit events, letters and notifications as it found them. Callbacks scheduled on commit
    (notifications) run at the end of the block, so a notification sent would be counted."""
    before = counts()
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield
    assert counts() == before
