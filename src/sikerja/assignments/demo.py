"""Sample penugasan for a demo pemda, in different states, run through the real services."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from sikerja.assignments import services
from sikerja.assignments.models import Assignment
from sikerja.core.errors import DomainError
from sikerja.organization.demo import persona_employee
from sikerja.organization.models import Employee, Government, Placement
from sikerja.regulations.loader import load_pack
from sikerja.workflows.engine import definition_of
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

HAPPY = ("approve", "forward", "record", "acknowledge", "submit")
JUSTIFICATION = "Contoh data demo: pegawai ini ditugaskan karena pengalaman kerjanya."


@dataclass(frozen=True)
class Outcome:
    """What one sample request became."""

    label: str
    assignment_id: int | None
    state: str


def _jf_elsewhere(
    government: Government, agency_id: int, on: dt.date, *, same_agency: bool, skip: set[int]
) -> Employee | None:
    placements = Placement.objects.effective_on(on).filter(
        government=government, position__kind__in=["FUNGSIONAL", "PELAKSANA"], kind="DEFINITIVE"
    )
    placements = (
        placements.filter(position__unit__agency_id=agency_id)
        if same_agency
        else placements.exclude(position__unit__agency_id=agency_id)
    )
    placement = (
        placements.exclude(employee_id__in=skip)
        .select_related("employee")
        .order_by("position__unit__path", "pk")
        .first()
    )
    return placement.employee if placement else None


def _open_steps(instance: WorkflowInstance) -> list[WorkflowStep]:
    """The open step, or each member's open step while the request waits for them (V-69)."""
    step = instance.steps.filter(status=WorkflowStep.Status.OPEN).first()
    if step is None:
        return []
    if step.actor_id is None and step.recorder_id is None:
        return list(
            WorkflowStep.objects.filter(
                instance__parent=instance, status=WorkflowStep.Status.OPEN
            ).order_by("instance_id")
        )
    return [step]


def _drive(
    assignment: Assignment,
    at: dt.datetime,
    on: dt.date,
    *,
    stop_after: int | None,
    reject_at: int | None,
) -> str:
    """Decide open steps as their actors: happy path, or reject at a given step number."""
    instance = WorkflowInstance.objects.get(
        subject_type="assignments.assignment", subject_id=assignment.pk, parent__isnull=True
    )
    decided = 1
    while True:
        instance.refresh_from_db()
        steps = _open_steps(instance)
        if not steps or (stop_after is not None and decided >= stop_after):
            return instance.status
        for step in steps:
            if _decide(step, at, on, reject=reject_at == decided + 1):
                return "REJECTED"
        decided += 1


def _decide(step: WorkflowStep, at: dt.datetime, on: dt.date, *, reject: bool) -> bool:
    """Decide one step as its actor; True when it was a rejection."""
    instance = step.instance
    spec = definition_of(load_pack(instance.pack_id), instance.definition_key).step(step.step_key)
    actor = Employee.objects.get(pk=step.actor_id or step.recorder_id or 0)
    decisions = [str(d) for d in spec.decisions]
    if reject and "reject" in decisions:
        services.assignment_decide(
            step_id=step.pk,
            by=actor,
            decision="reject",
            at=at,
            on=on,
            reason="Pegawai yang diminta sedang menyelesaikan laporan akhir tahun.",
        )
        return True
    if step.recommender_id and not step.recommendations.exists():
        services.assignment_recommend(
            step_id=step.pk,
            by=Employee.objects.get(pk=step.recommender_id),
            text="Direkomendasikan; kompetensinya sesuai.",
            at=at,
        )
    services.assignment_decide(
        step_id=step.pk,
        by=actor,
        decision=next(d for d in HAPPY if d in decisions),
        at=at,
        on=on,
        justification=JUSTIFICATION,
        external_number="800/117/DEMO/2026",
    )
    return False


def _request(title: str, *, mode: str = "APPOINTMENT", **fields: Any) -> services.RequestInput:
    values: dict[str, object] = {
        "mode": mode,
        "subject": "INDIVIDUAL",
        "title": title,
        "purpose": f"{title} sesuai Perjanjian Kinerja unit tahun berjalan",
        "competencies": ["analisis kebijakan"],
        "expected_target": "Dokumen hasil kerja selesai tepat waktu dan disetujui pimpinan",
        "task_description": "Menyusun bahan, mengolah data dan menyajikan rekomendasi",
        "individual_target": "1 dokumen rekomendasi",
        "other_arrangements": "Tidak ada",
        "team_name": "Tim Kerja Penyusunan Kajian",
    }
    values.update(fields)
    return services.RequestInput(**values)  # type: ignore[arg-type]


def demo_requests(*, government: Government, at: dt.datetime, on: dt.date) -> list[Outcome]:
    """Create sample requests: done, waiting, rejected, a team request waiting for each member's
    side (V-69), a voluntary application and one within a unit."""
    kabid, jf = persona_employee(government, "kabid"), persona_employee(government, "jf_ahli_muda")
    if kabid is None or jf is None:
        return []
    agency_id = (
        Placement.objects.effective_on(on)
        .filter(employee=kabid)
        .values_list("position__unit__agency_id", flat=True)
        .first()
    )
    heads = [p for p in (kabid, persona_employee(government, "kepala_dinas")) if p is not None]
    period: dict[str, Any] = {
        "starts_on": on + dt.timedelta(days=7),
        "ends_on": on + dt.timedelta(days=97),
    }
    outcomes, used = [], {jf.pk}
    scenarios = [
        ("Kajian lintas Perangkat Daerah (selesai)", None, None),
        ("Pendampingan penyusunan renstra (menunggu keputusan)", 1, None),
        ("Analisis data kepegawaian (ditolak)", None, 2),
    ]
    for title, stop_after, reject_at in scenarios:
        candidate = _jf_elsewhere(government, agency_id, on, same_agency=False, skip=used)  # type: ignore[arg-type]
        if candidate is None:
            continue
        used.add(candidate.pk)
        outcomes.append(
            _run(
                title,
                heads,
                _request(title, candidate_ids=[candidate.pk], **period),
                at,
                on,
                stop_after,
                reject_at,
            )
        )
    members = [
        m
        for m in (
            _jf_elsewhere(government, agency_id, on, same_agency=False, skip=used),  # type: ignore[arg-type]
            _jf_elsewhere(government, agency_id, on, same_agency=True, skip={*used, jf.pk}),  # type: ignore[arg-type]
        )
        if m is not None
    ]
    if len(members) == 2:
        used |= {m.pk for m in members}
        title = "Tim kajian lintas unit (menunggu jawaban tiap anggota)"
        outcomes.append(
            _run(
                title,
                heads,
                _request(title, subject="TEAM", candidate_ids=[m.pk for m in members], **period),
                at,
                on,
                1,
                None,
            )
        )
    colleague = _jf_elsewhere(government, agency_id, on, same_agency=True, skip=used)  # type: ignore[arg-type]
    outcomes.append(
        _run(
            "Penugasan dalam unit (menunggu diterima)",
            kabid,
            _request("Penugasan dalam unit", candidate_ids=[jf.pk], **period),
            at,
            on,
            1,
            None,
        )
    )
    if colleague is not None:
        home = (
            Placement.objects.effective_on(on)
            .filter(employee=colleague)
            .values_list("position__unit_id", flat=True)
            .first()
        )
        outcomes.append(
            _run(
                "Pengajuan sukarela (diajukan)",
                jf,
                _request(
                    "Pengajuan sukarela pengolahan data",
                    mode="VOLUNTARY",
                    owner_unit_id=home,
                    **period,
                ),
                at,
                on,
                1,
                None,
            )
        )
    return outcomes


def _run(
    label: str,
    requester: Employee | list[Employee],
    data: services.RequestInput,
    at: dt.datetime,
    on: dt.date,
    stop_after: int | None,
    reject_at: int | None,
) -> Outcome:
    """Submit as the first requester and subject the pack accepts (the pack decides who may ask
    and whether an individual may be asked for), then drive the steps."""
    requesters = requester if isinstance(requester, list) else [requester]
    subjects = dict.fromkeys((data.subject, "TEAM"))
    refusal = ""
    for subject in subjects:
        for person in requesters:
            try:
                with transaction.atomic():
                    assignment = services.assignment_request_submit(
                        requester=person,
                        data=dataclasses.replace(data, subject=subject),
                        at=at,
                        on=on,
                    )
                    state = _drive(assignment, at, on, stop_after=stop_after, reject_at=reject_at)
            except DomainError as exc:
                refusal = str(exc.message)
                continue
            return Outcome(label, assignment.pk, state)
    return Outcome(label, None, f"dilewati: {refusal}")
