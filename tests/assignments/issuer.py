"""Drive a request to an issuing step and refuse there as its official (V-70).

`refuses` builds the request in a fresh pemda of the pack, decides every earlier step the happy
way as the people the engine names, then refuses at the step: first without a reason (refused
under the step's reason rule, nothing written), then with one (the request ends REJECTED with the
reason and the step's citation recorded, and no letter).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sikerja.assignments.models import Assignment
from sikerja.assignments.services import assignment_decide, assignment_request_submit
from sikerja.audit.models import AuditEvent
from sikerja.core.errors import RuleViolation
from sikerja.documents.models import Letter
from sikerja.organization.models import Employee
from sikerja.regulations.loader import load_pack
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.assignments.flow import NOW, ON, decide, instance_of, open_step, request_input
from tests.assignments.side_effects import nothing_written
from tests.organization.builders import Org, build_org

REASON = "Anggaran kegiatan belum tersedia pada tahun berjalan."
HAPPY = ("approve", "forward", "record", "acknowledge")
# A case builds its request in a fresh pemda and names the official who issues at the step.
Case = Callable[[Org], tuple[Assignment, Employee]]


def submit(requester: Employee, **fields: object) -> Assignment:
    fields.setdefault("team_name", "Tim Kajian")
    return assignment_request_submit(
        requester=requester, data=request_input(**fields), at=NOW, on=ON
    )


def drive_to(assignment: Assignment, key: str) -> WorkflowStep:
    """Decide every step before `key` the happy way, as the official the engine names."""
    definition = load_pack(instance_of(assignment).pack_id).data.workflows[
        instance_of(assignment).definition_key
    ]
    for _ in range(12):
        step = open_step(assignment)
        if step.step_key == key:
            return step
        decisions = definition.step(step.step_key).decisions
        decision = next(d for d in HAPPY if d in decisions)
        extra = {"external_number": "800/117/Bappeda/2026"} if decision == "record" else {}
        decide(assignment, decision, **extra)
    raise AssertionError(f"{key} never opened")


def refuses(pack_id: str, case: Case, key: str, step_key: str) -> None:
    org = build_org(pack_id)
    assignment, issuer = case(org)
    assert assignment.workflow_key == key
    step = drive_to(assignment, step_key)
    assert step.actor_id == issuer.pk
    pack = load_pack(pack_id)

    with nothing_written(), pytest.raises(RuleViolation) as refused:
        assignment_decide(step_id=step.pk, by=issuer, decision="reject", at=NOW, on=ON)
    assignment_decide(step_id=step.pk, by=issuer, decision="reject", reason=REASON, at=NOW, on=ON)

    spec = pack.data.workflows[key].step(step_key)
    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "reason_required",
        spec.reason_rule,
        pack.citation_of(spec.reason_rule),
    )
    assert refused.value.citation != ""
    decided = WorkflowStep.objects.get(pk=step.pk)
    assert (decided.decision, decided.reason, decided.decided_by_id, decided.citation) == (
        "reject",
        REASON,
        issuer.pk,
        pack.cite(spec.citation),
    )
    assert instance_of(assignment).status == WorkflowInstance.Status.REJECTED
    assert not Letter.objects.filter(workflow_step_id=step.pk).exists()
    event = AuditEvent.objects.filter(action="workflow.step_decided").latest("seq")
    assert (event.after, event.citation) == (
        {"step": step_key, "decision": "reject", "reason": REASON},
        pack.cite(spec.citation),
    )
