"""Shared set-up for the penugasan API tests (this module holds no tests).

The world runs the Surakarta pack, where the Pimpinan Unit Organisasi is the head of the
Perangkat Daerah. Two requests recur:
- within the Dinas (WF-PEN-IN): the kabid, appraiser of the JF Ahli Muda, proposes the JF; the
  kepala_dinas appoints; the JF acknowledges;
- across units (WF-PEN-UO): the head of the outsider's Perangkat Daerah (the Sekretaris DPRD, no
  persona: a login is made for them) asks for the JF; the kabid recommends, the kepala_dinas
  replies and signs the assignment letter; the JF acknowledges.
"""

from __future__ import annotations

import datetime as dt

from django.test import Client

from sikerja.assignments.models import Assignment
from sikerja.assignments.services import RequestInput, assignment_request_submit
from sikerja.organization.models import Employee, Placement
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.clients import ApiClient
from tests.documents.users import login_for

PERWALI = "Perwali Surakarta 32/2023"
ERROR_KEYS = {"code", "message", "rule", "citation", "fields"}
HELP_KEYS = {"instead", "next_step"}  # a refusal that knows who may do it instead


def client_for(employee: Employee) -> ApiClient:
    """A browser session of the employee (a login is made for one without)."""
    user = employee.user or login_for(employee, government=employee.government)
    client = Client()
    client.force_login(user)
    return ApiClient(client)


def agency_head_of(employee: Employee, today) -> Employee:
    """The head of the employee's Perangkat Daerah (the Pimpinan Unit Organisasi in Surakarta)."""
    placements = Placement.objects.effective_on(today).select_related("position__unit")
    unit = placements.get(employee=employee, kind="DEFINITIVE").position.unit
    head = placements.get(
        position__is_head=True,
        position__unit__agency_id=unit.agency_id,
        position__unit__parent__isnull=True,
        kind="DEFINITIVE",
    )
    return Employee.objects.select_related("user", "government").get(pk=head.employee_id)


CONTENT: dict[str, object] = {
    "mode": "APPOINTMENT",
    "subject": "INDIVIDUAL",
    "title": "Penyusunan kajian kebutuhan guru SD 2027",
    "purpose": "Menyusun kajian kebutuhan guru SD untuk RKPD 2027",
    "competencies": ["analisis kebijakan", "statistik pendidikan"],
    "expected_target": "Dokumen kajian selesai dan disahkan",
}
STARTS_ON, ENDS_ON = dt.date(2026, 12, 1), dt.date(2027, 2, 28)


def request_body(*nips: str, **overrides) -> dict[str, object]:
    """An appointment request naming the people with these NIPs, with every item V-01 asks."""
    body = {
        **CONTENT,
        "candidate_nips": list(nips),
        "starts_on": STARTS_ON.isoformat(),
        "ends_on": ENDS_ON.isoformat(),
    }
    return {**body, **overrides}


def request_input(*candidates: Employee) -> RequestInput:
    return RequestInput(
        **CONTENT,  # type: ignore[arg-type]
        candidate_ids=[employee.pk for employee in candidates],
        starts_on=STARTS_ON,
        ends_on=ENDS_ON,
    )


def within_request(persona, now, today) -> Assignment:
    """WF-PEN-IN submitted by the kabid for the JF: now at the kepala_dinas's appoint step."""
    return assignment_request_submit(
        requester=persona("kabid"), data=request_input(persona("jf_ahli_muda")), at=now, on=today
    )


def cross_request(persona, now, today) -> Assignment:
    """WF-PEN-UO submitted by the outsider's agency head for the JF: now at the review step."""
    requester = agency_head_of(persona("outsider"), today)
    data = request_input(persona("jf_ahli_muda"))
    return assignment_request_submit(requester=requester, data=data, at=now, on=today)


def open_step(assignment) -> WorkflowStep:
    instance = WorkflowInstance.objects.get(
        subject_type="assignments.assignment", subject_id=assignment.pk
    )
    return instance.steps.get(status=WorkflowStep.Status.OPEN)
