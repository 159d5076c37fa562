"""Sample teams for a demo pemda in every state, run through the real services.

One team waits for the decision of the official the pack names, one is active with its lead and
members, one is active with its lead's post vacant (overdue where the pack sets a deadline,
V-13); three more, from the first of this month (one report period due), are at work, reporting
and declared complete (`demo_work`); then two training-need proposals for the gaps the teams
show, one waiting for BKPSDM and one scheduled (`demo_training`). Who proposes, how the lead is
named (candidates or a lead) and what each step needs come from the pack's WF-TEAM flow; a
proposal the pack refuses is reported, never forced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db import transaction

from sikerja.core.errors import DomainError
from sikerja.organization.demo import persona_employee
from sikerja.organization.models import Employee, Government, Placement
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.workflows import Decision
from sikerja.teams import demo_training, demo_work, services
from sikerja.teams.inputs import SubActivity, TeamInput
from sikerja.teams.models import Team
from sikerja.teams.rules import team_manager
from sikerja.teams.services import changes
from sikerja.teams.services.formation import uses_candidates
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

WORKING = {
    "working": demo_work.work_in_progress,
    "reporting": demo_work.reports_waiting,
    "completed": demo_work.declared_complete,
}
FORWARD = (Decision.APPROVE, Decision.SUBMIT, Decision.FORWARD, Decision.RECORD)


@dataclass(frozen=True)
class Outcome:
    """What one sample team became."""

    label: str
    team_id: int | None
    state: str


def _colleague(lead: Employee, on: dt.date, skip: set[int]) -> Employee | None:
    """A JF or Pelaksana placed in the lead's unit (or under it), for a second member."""
    unit = (
        Placement.objects.effective_on(on)
        .filter(employee=lead)
        .values_list("position__unit__path", flat=True)
        .first()
    )
    placement = (
        Placement.objects.effective_on(on)
        .filter(
            position__unit__path__startswith=unit or "-",
            position__kind__in=["FUNGSIONAL", "PELAKSANA"],
            kind="DEFINITIVE",
        )
        .exclude(employee_id__in=skip)
        .select_related("employee")
        .order_by("pk")
        .first()
    )
    return placement.employee if placement else None


def _input(
    name: str, on: dt.date, lead: Employee, members: list[Employee], starts_on: dt.date
) -> TeamInput:
    return TeamInput(
        name=f"Tim Kerja {name}",
        purpose=f"{name} sesuai Perjanjian Kinerja unit tahun berjalan",
        starts_on=starts_on,
        ends_on=dt.date(on.year, 12, 31),
        lead_id=lead.pk,
        member_ids=[m.pk for m in members],
        activity_ref=f"PK {on.year} kegiatan bertipe tim: {name}",
        sub_activities=[SubActivity(name=name)],
        cascaded_from="Sasaran strategis unit: layanan tepat waktu",
        composition_basis="Target kinerja, analisis beban kerja dan kompetensi pegawai",
        competencies=["analisis data"],
        expected_target="Laporan hasil kerja tim tepat waktu",
        appraiser_consideration="Calon memiliki kompetensi analisis yang dibutuhkan",
        lead_role_abk=Decimal("1.10"),
        abk_reference=f"Dokumen ABK BKPSDM {on.year}",
        justification="Contoh data demo: ketua tim dipilih karena pengalaman kerjanya.",
    )


def _propose(
    requesters: list[Employee], data: TeamInput, at: dt.datetime, on: dt.date
) -> Team | str:
    """Propose as the first requester the pack accepts; the refusal's message otherwise."""
    pack = load_pack(requesters[0].government.pack_id)
    definition = services.team_definition(pack)
    if uses_candidates(definition):
        data = replace(data, candidate_ids=[data.lead_id or 0], lead_id=None)
    if definition.lead_first and data.lead_id is not None:
        data = replace(data, member_ids=[])
    refusal = ""
    for person in requesters:
        try:
            with transaction.atomic():
                return services.team_propose(requester=person, data=data, at=at, on=on)
        except DomainError as exc:
            refusal = str(exc.message)
    return refusal


def _drive(team: Team, members: list[int], at: dt.datetime, on: dt.date) -> Team:
    """Decide every open step as its actor, approving (the lead chosen from the candidates,
    the members given on the lead's input), until the formation closes."""
    instance = WorkflowInstance.objects.get(
        subject_type="teams.team", subject_id=team.pk, parent__isnull=True
    )
    for _ in range(10):
        step = instance.steps.filter(status=WorkflowStep.Status.OPEN).first()
        if step is None or step.actor_id is None:
            break
        spec = (
            load_pack(instance.pack_id).data.workflows[instance.definition_key].step(step.step_key)
        )
        decision = next(d for d in FORWARD if d in spec.decisions)
        lead = team.candidate_links.order_by("order").values_list("employee_id", flat=True)
        team = services.team_decide(
            step_id=step.pk,
            by=Employee.objects.get(pk=step.actor_id),
            decision=decision,
            lead_id=lead.first() if "V-36" in spec.rules else None,
            member_ids=members if spec.actor == "lead" else None,
            lead_input="Anggota dipilih sesuai kompetensi analisis data"
            if spec.actor == "lead"
            else "",
            at=at,
            on=on,
        )
    return team


def demo_teams(*, government: Government, at: dt.datetime, on: dt.date) -> list[Outcome]:
    """Create the sample teams: waiting for a decision, active, active with a vacant lead, and
    the teams at work (`demo_work`): working with an open obstacle, reporting, completed."""
    heads = [persona_employee(government, n) for n in ("kabid", "kepala_dinas")]
    requesters = [p for p in heads if p is not None]
    lead, member = (
        persona_employee(government, "jf_ahli_muda"),
        persona_employee(government, "pelaksana"),
    )
    if not requesters or lead is None or member is None:
        return []
    other = _colleague(lead, on, {lead.pk, member.pk})
    members = [member, *([other] if other else [])]
    outcomes = []
    for name, state in (
        ("Pendataan Layanan Publik", "forming"),
        ("Penyusunan Kajian Kebijakan", "active"),
        ("Evaluasi Program Unit", "vacant"),
        ("Verifikasi Data Sarana", "working"),
        ("Penyusunan Laporan Layanan", "reporting"),
        ("Pemutakhiran Data Aset", "completed"),
    ):
        # The teams at work report from this month: one period due, whatever the day.
        starts_on = on.replace(day=1) if state in WORKING else dt.date(on.year, 1, 1)
        crew = [member] if state in WORKING else members
        proposed = _propose(requesters, _input(name, on, lead, crew, starts_on), at, on)
        if isinstance(proposed, str):
            outcomes.append(Outcome(name, None, f"dilewati: {proposed}"))
            continue
        team = proposed
        if state != "forming":
            team = _drive(team, [m.pk for m in crew], at, on)
        if state in WORKING and team.status == Team.Status.ACTIVE:
            WORKING[state](team, lead, member, at, on)
            team.refresh_from_db()
        if state == "vacant" and team.status == Team.Status.ACTIVE:
            team = changes.team_lead_vacate(
                team_id=team.pk,
                by=Employee.objects.get(pk=_manager(team, on)),
                vacant_on=team.starts_on + dt.timedelta(days=1),
                reason="Ketua tim dimutasi ke unit lain (contoh demo).",
                at=at,
                on=on,
            )
        outcomes.append(Outcome(name, team.pk, team.status))
    demo_work.individual_report_waiting(lead, at, on)
    demo_training.demo_training_proposals(government=government, at=at, on=on)
    return outcomes


def _manager(team: Team, on: dt.date) -> int:
    return team_manager(team, on) or team.requester_id
