"""Planning a team's work: the lead's detailed plan (K1) and its approval where the pack names
an approver, roles given to members (K2), expectation dialogues (V-59) and members'
individual work plans (A1). Every write is one transaction with one audit event."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import PermissionDenied, StaleState, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.teams import rules
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.models import (
    ExpectationDialogue,
    PlanActivity,
    Team,
    TeamMember,
    TeamPlan,
    WorkPlan,
)
from sikerja.teams.services.common import audit_team
from sikerja.teams.services.plan_flow import plan_flow_decide, plan_flow_submit
from sikerja.teams.services.work_common import (
    cite,
    pack_of,
    refuse_unless,
    required_text,
    rule_refusal,
    teamwork,
    work_team,
)

EDITABLE = (TeamPlan.Status.DRAFT, TeamPlan.Status.RETURNED)


@dataclass(frozen=True)
class ActivityInput:
    """One activity of the lead's plan as typed."""

    name: str
    output: str
    target: str
    starts_on: dt.date
    ends_on: dt.date
    budget: Decimal | None = None
    assignee_id: int | None = None


def _bad(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(
        code=TeamErrorCode.PLAN_ACTIVITIES, message=message, fields={field: message}
    )


def _activities_check(team: Team, activities: list[ActivityInput], budget: bool) -> None:
    if not activities:
        raise _bad("activities", _("Rencana memuat paling sedikit satu kegiatan."))
    members = set(
        team.memberships.filter(status=TeamMember.Status.ACTIVE).values_list(
            "employee_id", flat=True
        )
    )
    for item in activities:
        if not (item.name.strip() and item.output.strip() and item.target.strip()):
            raise _bad("activities", _("Setiap kegiatan memuat nama, keluaran dan target."))
        if not team.starts_on <= item.starts_on <= item.ends_on <= team.ends_on:
            raise _bad("activities", _("Jadwal kegiatan berada dalam jangka waktu tim."))
        if item.assignee_id is not None and item.assignee_id not in members:
            raise _bad("activities", _("Pelaksana kegiatan adalah anggota tim."))
        if budget and item.budget is None:
            raise ValidationFailed(
                code=TeamErrorCode.BUDGET_REQUIRED,
                message=_("Peraturan ini meminta anggaran setiap kegiatan."),
                fields={"activities": _("Isi anggaran kegiatan.")},
            )


def _locked_plan(team: Team) -> TeamPlan | None:
    return TeamPlan.objects.select_for_update().filter(team=team).first()


@transaction.atomic(durable=True)
def team_plan_save(
    *,
    team_id: int,
    by: Employee,
    strategy: str,
    expected_target: str,
    activities: list[ActivityInput],
    at: dt.datetime,
    on: dt.date,
) -> TeamPlan:
    """Draw up (or redraw, after a return) the lead's detailed plan of the team's activities.

    Implements K1 (the pack's `responsibility_items.team_lead`) and the pack's
    `teamwork.plan` (budget where it asks). Raises NotFound, PermissionDenied,
    ValidationFailed.
    """
    team = work_team(team_id, by, lock=True)
    pack = pack_of(team)
    settings = teamwork(pack).plan
    refuse_unless(rules.may_plan(team, by.pk), _("Rencana tim disusun oleh ketua tim."))
    _activities_check(team, activities, settings.budget)
    plan = _locked_plan(team)
    if plan is not None and plan.status not in EDITABLE:
        raise ValidationFailed(
            code=TeamErrorCode.PLAN_STATE,
            message=_("Rencana ini sudah diajukan atau ditetapkan."),
        )
    if plan is None:
        plan = TeamPlan(government_id=team.government_id, team=team, drafted_by=by)
    elif plan.status == TeamPlan.Status.RETURNED:
        plan.version += 1
    plan.status = TeamPlan.Status.DRAFT
    plan.strategy, plan.expected_target = strategy.strip(), expected_target.strip()
    plan.save()
    plan.activities.all().delete()
    PlanActivity.objects.bulk_create(
        PlanActivity(
            government_id=team.government_id,
            plan=plan,
            seq=seq,
            name=item.name.strip(),
            output=item.output.strip(),
            target=item.target.strip(),
            starts_on=item.starts_on,
            ends_on=item.ends_on,
            budget=item.budget if settings.budget else None,
            assignee_id=item.assignee_id,
        )
        for seq, item in enumerate(activities, start=1)
    )
    audit_team(
        team,
        by,
        "team.plan_saved",
        at,
        after={"version": plan.version, "activities": len(activities)},
        citation=cite(pack, settings),
    )
    return plan


@transaction.atomic(durable=True)
def team_plan_submit(*, team_id: int, by: Employee, at: dt.datetime, on: dt.date) -> TeamPlan:
    """Submit the plan to the official the pack names (`teamwork.plan.approver`) on the pack's
    plan flow (the approver's step in their inbox, with its due date), or set it at once where
    the pack names none. Raises NotFound, PermissionDenied, ValidationFailed, RuleViolation
    (no official holds the approver's role)."""
    team = work_team(team_id, by, lock=True)
    pack = pack_of(team)
    settings = teamwork(pack).plan
    refuse_unless(rules.may_plan(team, by.pk), _("Rencana tim diajukan oleh ketua tim."))
    plan = _locked_plan(team)
    if plan is None or plan.status != TeamPlan.Status.DRAFT:
        raise ValidationFailed(
            code=TeamErrorCode.PLAN_STATE, message=_("Tidak ada draf rencana untuk diajukan.")
        )
    approver = None
    if settings.flow:
        approver = plan_flow_submit(
            team=team, plan=plan, by=by, pack=pack, key=settings.flow, at=at, on=on
        )
    plan.submitted_at = at
    plan.approver_id = approver
    plan.status = TeamPlan.Status.SUBMITTED if approver else TeamPlan.Status.APPROVED
    plan.save()
    audit_team(
        team,
        by,
        "team.plan_submitted",
        at,
        after={"approver": approver, "status": plan.status},
        citation=cite(pack, settings, settings.approval_citation),
    )
    return plan


@transaction.atomic(durable=True)
def team_plan_decide(
    *, team_id: int, by: Employee, approve: bool, note: str, at: dt.datetime, on: dt.date
) -> TeamPlan:
    """Set the submitted plan, or return it to the lead with a reason, as the actor (or a
    delegate) of the approver's step of the pack's plan flow. Exactly one of two concurrent
    decisions wins (the engine's check-and-set); the other gets StaleState.

    Raises NotFound, PermissionDenied, ValidationFailed, StaleState.
    """
    team = work_team(team_id, by)
    pack = pack_of(team)
    settings = teamwork(pack).plan
    citation = cite(pack, settings, settings.approval_citation)
    plan = TeamPlan.objects.filter(team=team).first()
    if plan is None:
        raise PermissionDenied(
            _("Rencana tim ditetapkan oleh pejabat yang disebut peraturan."), citation=citation
        )
    if not approve:
        required_text(note, "note")
    plan_flow_decide(plan=plan, by=by, approve=approve, note=note, citation=citation, at=at, on=on)
    status = TeamPlan.Status.APPROVED if approve else TeamPlan.Status.RETURNED
    updated = TeamPlan.objects.filter(
        pk=plan.pk, status=TeamPlan.Status.SUBMITTED, version=plan.version
    ).update(status=status, decided_by=by, decided_at=at, decision_note=note.strip())
    if updated != 1:
        raise StaleState(_("Rencana ini sudah diputuskan; muat ulang halaman."))
    audit_team(
        team,
        by,
        "team.plan_approved" if approve else "team.plan_returned",
        at,
        after={"version": plan.version, "note": note.strip()},
        citation=citation,
    )
    plan.refresh_from_db()
    return plan


@transaction.atomic(durable=True)
def team_member_role_set(
    *, team_id: int, by: Employee, member_id: int, role: str, at: dt.datetime, on: dt.date
) -> TeamMember:
    """Give a member their role in the team by competence (K2). Raises NotFound,
    PermissionDenied, ValidationFailed."""
    team = work_team(team_id, by, lock=True)
    refuse_unless(rules.may_plan(team, by.pk), _("Peran anggota dibagi oleh ketua tim."))
    text = required_text(role, "role")
    membership = team.memberships.filter(
        employee_id=member_id, status=TeamMember.Status.ACTIVE
    ).first()
    if membership is None:
        raise ValidationFailed(
            code=TeamErrorCode.NOT_A_MEMBER,
            message=_("Pegawai itu bukan anggota aktif tim."),
            fields={"member": _("Bukan anggota aktif.")},
        )
    membership.responsibility = text[:250]
    membership.save(update_fields=["responsibility", "updated_at"])
    audit_team(team, by, "team.member_role_set", at, after={"member": member_id, "role": text})
    return membership


@transaction.atomic(durable=True)
def expectation_dialogue_record(
    *,
    team_id: int,
    by: Employee,
    employee_id: int,
    expectations: str,
    held_on: dt.date,
    at: dt.datetime,
    on: dt.date,
) -> ExpectationDialogue:
    """Record the performance dialogue that set a member's expectations for the team's work,
    held by the unit head or the member's appraiser (V-59). Raises NotFound,
    PermissionDenied, ValidationFailed."""
    team = work_team(team_id, by)
    pack = pack_of(team)
    text = required_text(expectations, "expectations")
    with_roles = rules.dialogue_roles(team)
    role = rules.work_role_of(team, with_roles, by.pk, on, about=employee_id)
    refuse_unless(
        rules.may_record_dialogue(team, by.pk, employee_id, with_roles, on),
        _("Dialog kinerja dicatat oleh pimpinan unit atau pejabat penilai anggota tim."),
        rule="V-59",
        citation=pack.citation_of("V-59"),
    )
    dialogue = ExpectationDialogue.objects.create(
        government_id=team.government_id,
        team=team,
        employee_id=employee_id,
        official=by,
        official_role=role or "",
        expectations=text,
        held_on=held_on,
        recorded_at=at,
    )
    audit_team(
        team,
        by,
        "team.expectations_set",
        at,
        after={"member": employee_id, "held_on": held_on.isoformat()},
        rule="V-59",
        citation=pack.citation_of("V-59"),
    )
    return dialogue


@transaction.atomic(durable=True)
def work_plan_submit(
    *, team_id: int, by: Employee, content: str, target: str, at: dt.datetime, on: dt.date
) -> WorkPlan:
    """A member's individual work plan for the team (A1); where the pack makes the
    performance dialogue mandatory (V-59), only after it. Raises NotFound, PermissionDenied,
    RuleViolation, ValidationFailed."""
    team = work_team(team_id, by)
    pack = pack_of(team)
    refuse_unless(
        rules.may_report_progress(team, by.pk),
        _("Rencana kerja individu disusun oleh anggota tim."),
    )
    text, goal = required_text(content, "content"), required_text(target, "target")
    if (
        pack.binds("V-59")
        and not ExpectationDialogue.objects.filter(team=team, employee=by).exists()
    ):
        raise rule_refusal(
            pack,
            "V-59",
            TeamErrorCode.DIALOGUE_REQUIRED,
            _("Dialog kinerja dengan pimpinan unit atau pejabat penilai wajib dilakukan dahulu."),
            "content",
        )
    plan, _created = WorkPlan.objects.update_or_create(
        government_id=team.government_id,
        team=team,
        employee=by,
        defaults={
            "content": text,
            "target": goal[:250],
            "submitted_at": at,
            "acknowledged_by": None,
            "acknowledged_at": None,
        },
    )
    audit_team(
        team,
        by,
        "team.work_plan_submitted",
        at,
        citation=cite(pack, teamwork(pack).work_plan),
    )
    return plan


@transaction.atomic(durable=True)
def work_plan_acknowledge(
    *, team_id: int, by: Employee, employee_id: int, at: dt.datetime, on: dt.date
) -> WorkPlan:
    """The lead acknowledges a member's work plan (the expectations the lead sets, A2).
    Raises NotFound, PermissionDenied, StaleState."""
    team = work_team(team_id, by)
    refuse_unless(rules.may_plan(team, by.pk), _("Rencana kerja anggota diterima ketua tim."))
    updated = WorkPlan.objects.filter(
        team=team, employee_id=employee_id, acknowledged_at__isnull=True
    ).update(acknowledged_by=by, acknowledged_at=at)
    if updated != 1:
        raise StaleState(_("Rencana kerja ini tidak ada atau sudah diterima."))
    audit_team(team, by, "team.work_plan_acknowledged", at, after={"member": employee_id})
    return WorkPlan.objects.get(team=team, employee_id=employee_id)
