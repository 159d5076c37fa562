"""The lead's plan on the engine (the pack's `teamwork.plan.flow`, kind `plan`): the lead's
submission opens the approver's step, with its inbox entry and due date, snapshotted for the
official the pack names; the approver's decision is the engine's check-and-set, so two
concurrent decisions give exactly one. Called inside the planning services' transactions."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from sikerja.core.errors import PermissionDenied, StaleState
from sikerja.organization.models import Employee
from sikerja.regulations.loader import LoadedPack
from sikerja.teams.models import Team, TeamPlan
from sikerja.teams.services.reports import work_parties
from sikerja.teams.work_hooks import PLAN_SUBJECT
from sikerja.workflows import engine
from sikerja.workflows.lifecycle import instances_close_open
from sikerja.workflows.models import WorkflowInstance, WorkflowStep


def plan_open_step(plan: TeamPlan) -> WorkflowStep | None:
    """The open step of the plan's open instance (the lead's or the approver's), if any."""
    return (
        WorkflowStep.objects.select_related("instance")
        .filter(
            instance__subject_type=PLAN_SUBJECT,
            instance__subject_id=plan.pk,
            instance__status=WorkflowInstance.Status.OPEN,
            status=WorkflowStep.Status.OPEN,
        )
        .first()
    )


def _last_decision(plan: TeamPlan) -> WorkflowStep | None:
    """The plan's last approver decision: who could have taken it lost a race (StaleState)."""
    return (
        WorkflowStep.objects.select_related("instance")
        .filter(
            instance__subject_type=PLAN_SUBJECT,
            instance__subject_id=plan.pk,
            decision__in=["approve", "return"],
        )
        .order_by("-pk")
        .first()
    )


def plan_flow_submit(
    *,
    team: Team,
    plan: TeamPlan,
    by: Employee,
    pack: LoadedPack,
    key: str,
    at: dt.datetime,
    on: dt.date,
) -> int | None:
    """Submit the plan on its flow: a returned plan goes back on its open instance (a new lead
    starts a fresh one); returns the approver the decision step opened for."""
    step = plan_open_step(plan)
    if step is not None and step.actor_id != by.pk:
        instances_close_open(
            instance_ids=[step.instance_id], at=at, reason="team.plan_resubmitted_by_new_lead"
        )
        step = None
    if step is None:
        instance = engine.instance_start(
            government_id=team.government_id,
            pack=pack,
            key=key,
            subject_type=PLAN_SUBJECT,
            subject_id=plan.pk,
            parties=work_parties(team, by.pk),
            requester_id=by.pk,
            at=at,
            on=on,
        )
        step = instance.steps.get(status=WorkflowStep.Status.OPEN)
    engine.step_decide(step_id=step.pk, by=by, decision="submit", at=at, on=on)
    decision = plan_open_step(plan)
    return decision.actor_id if decision is not None else None


def plan_flow_decide(
    *,
    plan: TeamPlan,
    by: Employee,
    approve: bool,
    note: str,
    citation: str,
    at: dt.datetime,
    on: dt.date,
) -> None:
    """The approver's decision on the open step: approve, or return to the lead with the
    reason. Raises PermissionDenied (not the step's actor or delegate), StaleState."""
    step = plan_open_step(plan) if plan.status == TeamPlan.Status.SUBMITTED else None
    if step is None:
        last = _last_decision(plan)
        if last is not None and engine.may_act(last, by.pk, on):
            raise StaleState(_("Rencana ini sudah diputuskan; muat ulang halaman."))
    if step is None or not engine.may_act(step, by.pk, on):
        raise PermissionDenied(
            _("Rencana tim ditetapkan oleh pejabat yang disebut peraturan."), citation=citation
        )
    engine.step_decide(
        step_id=step.pk,
        by=by,
        decision="approve" if approve else "return",
        reason=note,
        at=at,
        on=on,
    )
