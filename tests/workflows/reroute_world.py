"""A Blitar request waiting on the Kepala Bidang, and the placement change that replaces him."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sikerja.assignments.models import Assignment
from sikerja.assignments.services import assignment_request_submit
from sikerja.audit.models import AuditEvent
from sikerja.organization import services_people
from sikerja.organization.models import Employee, Placement
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.assignments.flow import NOW, ON, instance_of, open_step, request_input
from tests.organization.builders import Org, build_org
from tests.organization.reread import reread, reread_org

PACK = "blitar-2023"


@dataclass
class Waiting:
    """A WF-PEN-IN request whose `decide` step is open for the Kepala Bidang."""

    org: Org
    assignment: Assignment
    instance: WorkflowInstance
    step: WorkflowStep
    kabid: Employee


def waiting_request() -> Waiting:
    org = build_org(PACK)
    lead = org.staff("Rina Kusuma", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    pelaksana = org.staff("Agus Salim", "bidang", "PELAKSANA")
    assignment = assignment_request_submit(
        requester=lead,
        data=request_input(
            candidate_ids=[pelaksana.pk],
            task_description="Mengumpulkan dan memverifikasi data sarana kesehatan",
            individual_target="Data 40 sarana kesehatan terverifikasi",
        ),
        at=NOW,
        on=ON,
    )
    return Waiting(
        org=org,
        assignment=assignment,
        instance=instance_of(assignment),
        step=open_step(assignment),
        kabid=org.people["bidang"],
    )


def reread_waiting(waiting: Waiting) -> Waiting:
    """The module's waiting request, every object read again for one test."""
    return Waiting(
        org=reread_org(waiting.org),
        assignment=reread(waiting.assignment),
        instance=reread(waiting.instance),
        step=reread(waiting.step),
        kabid=reread(waiting.kabid),
    )


def replace_kabid(waiting: Waiting, *, on: dt.date = ON) -> Employee:
    """BKPSDM ends the Kepala Bidang's placement and places a successor from `on`."""
    org = waiting.org
    position = org.heads["bidang"]
    services_people.placement_end(
        actor=org.actor,
        placement=Placement.objects.get(employee=waiting.kabid, position=position),
        valid_to=on,
        at=NOW,
    )
    successor = org.person("Kepala Bidang Baru")
    org.place(successor, position, start=on)
    return successor


def audit_events(action: str, object_type: str, object_id: int) -> list[AuditEvent]:
    """The audit events of one action on one object, oldest first."""
    return list(
        AuditEvent.objects.filter(
            action=action, object_type=object_type, object_id=str(object_id)
        ).order_by("pk")
    )
