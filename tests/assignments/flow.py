"""Drive a penugasan through its steps as the people the engine names, for end-to-end tests."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.assignments import services
from sikerja.assignments.models import Assignment
from sikerja.assignments.services import RequestInput
from sikerja.core.errors import RuleViolation
from sikerja.documents.models import Letter
from sikerja.organization import services as org_services
from sikerja.organization import services_people
from sikerja.organization.models import Employee, Government, OrgUnit
from sikerja.organization.rules import Actor
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.organization.builders import START, Org, make_nip

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
ON = dt.date(2026, 11, 23)


def instance_of(assignment: Assignment) -> WorkflowInstance:
    return WorkflowInstance.objects.get(
        subject_type="assignments.assignment", subject_id=assignment.pk, parent__isnull=True
    )


def open_step(assignment: Assignment) -> WorkflowStep:
    return instance_of(assignment).steps.get(status=WorkflowStep.Status.OPEN)


def decide(assignment: Assignment, decision: str, **kwargs) -> WorkflowStep:
    """Decide the open step as its snapshotted actor (or recorder)."""
    step = open_step(assignment)
    actor = Employee.objects.get(pk=step.actor_id or step.recorder_id)
    if decision == "approve" and step.recommender_id and not step.recommendations.exists():
        services.assignment_recommend(
            step_id=step.pk,
            by=Employee.objects.get(pk=step.recommender_id),
            text="Direkomendasikan.",
            at=NOW,
        )
    return services.assignment_decide(
        step_id=step.pk, by=actor, decision=decision, at=NOW, on=ON, **kwargs
    )


def member_steps(assignment: Assignment) -> list[WorkflowStep]:
    """The open steps of each member's own part of a team request (V-69), in member order."""
    return list(
        WorkflowStep.objects.filter(
            instance__parent=instance_of(assignment), status=WorkflowStep.Status.OPEN
        ).order_by("instance_id")
    )


def decide_members(assignment: Assignment, decision: str, **kwargs) -> list[WorkflowStep]:
    """Decide every member's open step as its snapshotted actor (recommending first if due)."""
    decided = []
    for step in member_steps(assignment):
        actor = Employee.objects.get(pk=step.actor_id or step.recorder_id)
        if decision == "approve" and step.recommender_id and not step.recommendations.exists():
            services.assignment_recommend(
                step_id=step.pk,
                by=Employee.objects.get(pk=step.recommender_id),
                text="Direkomendasikan.",
                at=NOW,
            )
        decided.append(
            services.assignment_decide(
                step_id=step.pk, by=actor, decision=decision, at=NOW, on=ON, **kwargs
            )
        )
    return decided


def family_letters(assignment: Assignment) -> list[Letter]:
    """Letters of the request and of every member's part, in issue order."""
    root = instance_of(assignment)
    family = [root.pk, *WorkflowInstance.objects.filter(parent=root).values_list("pk", flat=True)]
    return list(Letter.objects.filter(workflow_instance_id__in=family).order_by("pk"))


def trail(assignment: Assignment) -> list[tuple[str, int | None, str]]:
    """(step key, actor employee id, decision) of every step, in order."""
    return list(
        instance_of(assignment)
        .steps.order_by("seq")
        .values_list("step_key", "actor_id", "decision")
    )


def letters(assignment: Assignment) -> list[Letter]:
    return list(
        Letter.objects.filter(workflow_instance_id=instance_of(assignment).pk).order_by("pk")
    )


def party_ids(parties: list[dict]) -> list[int | None]:
    return [party["employee_id"] for party in parties]


def external_government(*, kode: str, province: str) -> tuple[Government, dict[str, Employee]]:
    """Another government (a province, national pack): its Bappeda with a Kepala, a Kepala
    Bidang and a JF Ahli Muda, each placed through the services."""
    government = org_services.government_create(
        kode=kode,
        name=f"Pemerintah Provinsi {province}",
        kind="PROVINSI",
        pack_id="national",
        is_external=True,
        at=NOW,
    )
    actor = Actor.system(government.pk)
    agency = org_services.agency_create(
        actor=actor,
        government=government,
        code="BAPPEDA",
        name=f"Bappeda Provinsi {province}",
        agency_type="BADAN",
        at=NOW,
    )
    root = OrgUnit.objects.get(agency=agency, parent=None)
    bidang = org_services.unit_create(
        actor=actor, parent=root, name="Bidang Perencanaan", unit_type="BIDANG", at=NOW
    )
    people = {}
    for key, unit, kind, grade, is_head in (
        ("kaban", root, "JPT_PRATAMA", "", True),
        ("kabid", bidang, "ADMINISTRATOR", "", True),
        ("jf", bidang, "FUNGSIONAL", "AHLI_MUDA", False),
    ):
        position = services_people.position_create(
            actor=actor,
            unit=unit,
            title=f"Jabatan {key}",
            kind=kind,
            grade=grade,
            is_head=is_head,
            at=NOW,
        )
        employee = services_people.employee_create(
            actor=actor,
            government=government,
            nip=make_nip(),
            name=f"Pegawai Provinsi {key}",
            employment_type="PNS",
            competencies=["analisis kebijakan"],
            at=NOW,
        )
        services_people.placement_create(
            actor=actor,
            employee=employee,
            position=position,
            kind="DEFINITIVE",
            valid_from=START,
            decision_number=f"821/{position.pk}/2025",
            decision_date=START,
            decided_by="Gubernur",
            at=NOW,
        )
        people[key] = employee
    return government, people


def request_input(**overrides: object) -> RequestInput:
    """A complete direct-appointment request (V-01's four items); tests override what they test."""
    values: dict[str, object] = {
        "mode": "APPOINTMENT",
        "subject": "INDIVIDUAL",
        "title": "Penyusunan kajian kebutuhan tenaga kesehatan",
        "purpose": "Menyusun kajian kebutuhan tenaga kesehatan 2027",
        "competencies": ["analisis kebijakan"],
        "expected_target": "Dokumen kajian selesai dan disahkan",
        "starts_on": dt.date(2026, 12, 1),
        "ends_on": dt.date(2027, 2, 28),
    }
    values.update(overrides)
    return RequestInput(**values)  # type: ignore[arg-type]


def voluntary_application_abroad(org: Org) -> RuleViolation:
    """A JF applies to a unit of another government; returns the refusal (nothing is written)."""
    external, _ = external_government(kode="P99", province="Uji")
    jf = org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    target = OrgUnit.objects.get(government=external, parent__isnull=False)
    with pytest.raises(RuleViolation) as refused:
        services.assignment_request_submit(
            requester=jf,
            data=request_input(
                mode="VOLUNTARY", owner_unit_id=target.pk, external_government_id=external.pk
            ),
            at=NOW,
            on=ON,
        )
    return refused.value
