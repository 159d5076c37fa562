"""The writes of the penugasan pages: each function makes exactly one service call.

A view hands over the cleaned form; the function finds the viewer's employee record (the
services take the acting Employee) and calls the service. Refusals are the services' own
DomainErrors, raised unchanged.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from sikerja.assignments.errors import AssignmentErrorCode
from sikerja.assignments.models import Assignment
from sikerja.assignments.selectors import SUBJECT_TYPE, visible_assignments
from sikerja.assignments.services import (
    RequestInput,
    assignment_decide,
    assignment_recommend,
    assignment_request_submit,
    assignment_withdraw,
)
from sikerja.core.errors import NotFound, ValidationFailed
from sikerja.notifications.services import notification_mark_read
from sikerja.organization.models import Employee
from sikerja.organization.selectors import Viewer
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

# Where the domain's field names show up on the request form.
REQUEST_FIELDS = {
    "owner_unit_id": "unit",
    "home_unit_id": "unit",
    "duration": "starts_on",
}


def employee_of(viewer: Viewer) -> Employee:
    """The viewer's own employee record (1 query). Raises NotFound for accounts without one."""
    employee = (
        Employee.objects.filter(pk=viewer.employee_id, government=viewer.government).first()
        if viewer.employee_id is not None
        else None
    )
    if employee is None:
        raise NotFound()
    return employee


def _no_employee() -> ValidationFailed:
    return ValidationFailed(
        code=AssignmentErrorCode.NO_PLACEMENT,
        message=_("Akun ini tidak terhubung dengan data pegawai; permohonan tidak dapat diajukan."),
    )


def _ids_of(viewer: Viewer, nips: list[str]) -> list[int]:
    found = dict(
        Employee.objects.filter(government=viewer.government, nip__in=nips).values_list("nip", "pk")
    )
    missing = [nip for nip in nips if nip not in found]
    if missing:
        raise ValidationFailed(
            code=AssignmentErrorCode.UNKNOWN_VALUE,
            message=_("Pegawai yang diusulkan tidak ditemukan."),
            fields={
                "candidate_nips": _("NIP tidak ditemukan: %(nips)s") % {"nips": ", ".join(missing)}
            },
        )
    return [found[nip] for nip in nips]


def request_submit(
    viewer: Viewer, data: dict[str, Any], *, at: dt.datetime, on: dt.date
) -> Assignment:
    """Submit the request form: the unit is the target of an appointment, or the unit applied
    to in a voluntary application; candidates come from the select and from typed NIPs."""
    if viewer.employee_id is None:
        raise _no_employee()
    requester = employee_of(viewer)
    voluntary = data["mode"] == Assignment.Mode.VOLUNTARY
    candidate_ids = list(
        dict.fromkeys([*data["candidate_ids"], *_ids_of(viewer, data["candidate_nips"])])
    )
    return assignment_request_submit(
        requester=requester,
        data=RequestInput(
            mode=data["mode"],
            subject=data["subject"],
            title=data["title"],
            owner_unit_id=data["unit"] if voluntary else None,
            home_unit_id=None if voluntary else data["unit"],
            candidate_ids=candidate_ids,
            purpose=data["purpose"],
            competencies=data["competencies"],
            expected_target=data["expected_target"],
            task_description=data["task_description"],
            individual_target=data["individual_target"],
            other_arrangements=data["other_arrangements"],
            team_name=data["team_name"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            channel=data["channel"],
            additional_task=data["additional_task"],
        ),
        at=at,
        on=on,
    )


def _step_of(assignment_id: int, step_id: int) -> int:
    """The step id if the step belongs to the assignment the address names; else NotFound."""
    belongs = WorkflowStep.objects.filter(
        pk=step_id, instance__subject_type=SUBJECT_TYPE, instance__subject_id=assignment_id
    ).exists()
    if not belongs:
        raise NotFound()
    return step_id


def decide(
    viewer: Viewer, assignment_id: int, data: dict[str, Any], *, at: dt.datetime, on: dt.date
) -> WorkflowStep:
    """Decide the step the form names, as the viewer (NotFound unless they may act on it)."""
    return assignment_decide(
        step_id=_step_of(assignment_id, data["step_id"]),
        by=employee_of(viewer),
        decision=data["decision"],
        at=at,
        on=on,
        reason=data["reason"],
        justification=data["justification"],
        assignee_ids=data["assignee_ids"],
        external_number=data["external_number"],
    )


def recommend(
    viewer: Viewer, assignment_id: int, data: dict[str, Any], *, at: dt.datetime
) -> object:
    """Record the viewer's recommendation on the step the form names."""
    return assignment_recommend(
        step_id=_step_of(assignment_id, data["step_id"]),
        by=employee_of(viewer),
        text=data["text"],
        at=at,
        recommended_ids=data["recommended_ids"],
    )


def withdraw(viewer: Viewer, assignment_id: int, *, at: dt.datetime) -> WorkflowInstance:
    """Withdraw the viewer's own request (NotFound for anyone else's)."""
    assignment = (
        visible_assignments(
            employee_id=viewer.employee_id, government_id=viewer.government.pk, is_operator=False
        )
        .filter(pk=assignment_id, requester_id=viewer.employee_id)
        .first()
    )
    if assignment is None:
        raise NotFound()
    return assignment_withdraw(assignment=assignment, by=employee_of(viewer), at=at)


def notification_read(viewer: Viewer, notification_id: int, *, at: dt.datetime) -> int:
    """Mark one of the viewer's notifications read (0 when not theirs or already read)."""
    if viewer.employee_id is None:
        return 0
    return notification_mark_read(
        recipient_id=viewer.employee_id, notification_id=notification_id, at=at
    )
