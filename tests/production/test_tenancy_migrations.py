"""The tenancy migrations fill each child table's government from its parent, the same on
SQLite and PostgreSQL: the demo's rows (requests in every state with their steps, letters,
parties and notifications, a revocation and a reminder), migrated back to before the keys and
forward again, come back keyed by their parents' governments."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sikerja.assignments.models import AssignmentCandidate
from sikerja.documents.models import Letter, LetterParty, LetterRevocation, NumberRegister
from sikerja.documents.services import letter_revoke
from sikerja.notifications.models import Notification, StepReminder
from sikerja.workflows.models import Recommendation, WorkflowStep

BEFORE_KEYS = [
    ("workflows", "0002_engine_v2"),
    ("assignments", "0002_candidate_answer"),
    ("documents", "0004_letter_file"),
    ("notifications", "0004_notification_params_from_text"),
]
# Each keyed child table and the path to the row its government is filled from.
CHILDREN = {
    WorkflowStep: "instance",
    Recommendation: "step",
    AssignmentCandidate: "assignment",
    NumberRegister: "agency",
    LetterParty: "letter",
    LetterRevocation: "letter",
    Notification: "recipient",
    StepReminder: "step",
}
AT = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def _children_and_parents() -> dict[str, tuple[int, set[int]]]:
    """Per child table: how many rows, and the ids of those whose government is not the parent's."""
    found = {}
    for model, parent in CHILDREN.items():
        rows = model.objects.values_list("pk", "government_id", f"{parent}__government_id")
        found[model.__name__] = (len(rows), {pk for pk, own, theirs in rows if own != theirs})
    return found


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_the_migrations_key_existing_rows_by_their_parents_government(world_committed):
    call_command("demo_requests")
    letter_revoke(
        letter=Letter.objects.filter(is_external=False).first(),
        reason="Salah alamat",
        by_label="bkpsdm",
        at=AT,
    )
    step = WorkflowStep.objects.filter(status=WorkflowStep.Status.OPEN).first()
    StepReminder.objects.create(
        government_id=step.government_id, step=step, kind="DUE_SOON", sent_at=AT
    )
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()

    _migrate(BEFORE_KEYS)
    _migrate(leaves)

    found = _children_and_parents()
    assert {name: across for name, (_, across) in found.items() if across} == {}
    assert {name for name, (count, _) in found.items() if not count} == set()
