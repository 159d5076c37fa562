"""The penugasan scenario of the demo world, shared by the penugasan page tests.

In Surakarta the unit head is the head of the Perangkat Daerah, so the Kepala Dinas asking for
the outsider (a JF of the Sekretariat DPRD) runs the cross-unit flow WF-PEN-UO: the request,
the partner head's reply after the appraiser's recommendation (here the same Sekretaris DPRD),
the partner head's assignment letter, and the assignee's receipt.
"""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from sikerja.assignments.models import Assignment
from sikerja.assignments.services import RequestInput, assignment_request_submit
from sikerja.organization.models import Employee, Placement
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.documents.users import login_for

PERWALI = "Perwali Surakarta 32/2023"
SUBJECT_TYPE = "assignments.assignment"


def request_input(candidate: Employee, **overrides) -> RequestInput:
    values = {
        "mode": "APPOINTMENT",
        "subject": "INDIVIDUAL",
        "title": "Penyusunan kajian kebutuhan pegawai 2027",
        "candidate_ids": [candidate.pk],
        "purpose": "Menyusun kajian kebutuhan pegawai 2027",
        "competencies": ["analisis jabatan"],
        "expected_target": "Dokumen kajian disahkan",
        "starts_on": dt.date(2026, 12, 1),
        "ends_on": dt.date(2027, 2, 28),
        "team_name": "Tim Kajian Kebutuhan Pegawai",
    }
    values.update(overrides)
    return RequestInput(**values)


def cross_unit_request(persona, now, today, **overrides) -> Assignment:
    """The Kepala Dinas asks for the outsider, through the service (step 2 is open)."""
    return assignment_request_submit(
        requester=persona("kepala_dinas"),
        data=request_input(persona("outsider"), **overrides),
        at=now,
        on=today,
    )


def request_form(persona, today) -> dict[str, object]:
    """The request form filled in by a Kepala Dinas for the outsider (another Perangkat
    Daerah's JF): a complete cross-agency appointment."""
    outsider = persona("outsider")
    return {
        "action": "submit",
        "mode": "APPOINTMENT",
        "subject": "INDIVIDUAL",
        "title": "Penyusunan kajian kebutuhan pegawai 2027",
        "unit": str(unit_of(outsider, today)),
        "candidate_ids": [str(outsider.pk)],
        "purpose": "Menyusun kajian kebutuhan pegawai 2027",
        "competencies": "analisis jabatan, analisis beban kerja",
        "expected_target": "Dokumen kajian disahkan",
        "starts_on": "2026-12-01",
        "ends_on": "2027-02-28",
        "team_name": "Tim Kajian Kebutuhan Pegawai",
        "channel": "WRITTEN",
    }


def instance_of(assignment: Assignment) -> WorkflowInstance:
    return WorkflowInstance.objects.get(subject_type=SUBJECT_TYPE, subject_id=assignment.pk)


def open_step(assignment: Assignment) -> WorkflowStep:
    return instance_of(assignment).steps.get(status=WorkflowStep.Status.OPEN)


def unit_of(employee: Employee, today) -> int:
    placement = Placement.objects.effective_on(today).filter(employee=employee).order_by("kind")
    return placement.first().position.unit_id


def client_for(employee: Employee) -> Client:
    """A client logged in as an employee without a demo login (one is created)."""
    user = employee.user or login_for(employee, government=employee.government)
    client = Client()
    client.force_login(user)
    return client


def partner_head(assignment: Assignment) -> Employee:
    """The actor of the open step (the Sekretaris DPRD in the cross-unit scenario)."""
    return Employee.objects.get(pk=open_step(assignment).actor_id)


def detail_url(assignment: Assignment) -> str:
    return reverse("web:assignment-detail", args=[assignment.pk])


def test_the_scenario_runs_the_cross_unit_flow_and_waits_for_the_partner_head(persona, now, today):
    assignment = cross_unit_request(persona, now, today)

    step = open_step(assignment)

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_UNIT", "WF-PEN-UO")
    assert step.step_key == "review"
    assert step.recommender_id == step.actor_id
    assert step.actor_position == "Sekretaris DPRD"
    assert unit_of(persona("outsider"), today) == assignment.home_unit_id


def test_a_client_for_an_employee_without_login_gets_one(persona, now, today):
    head = partner_head(cross_unit_request(persona, now, today))

    response = client_for(head).get(reverse("web:assignment-list"))

    assert response.status_code == 200
    assert response.context["viewer"].employee_id == head.pk
