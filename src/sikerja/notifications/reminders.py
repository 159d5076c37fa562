"""Reminders: of a step's due date, once some days before it and once after it (in-app and
email); and of a recommendation a step waits for, sent by the step's actor from its page.

No step is ever decided for its actor (SPEC Appendix A32): a reminder only tells. A reminder
stores its message key and values (`messages`), so it reads in each reader's language. Each kind of reminder goes
out once per step (a row of `StepReminder`, unique per step and kind), so the daily command may
run twice a day, or be re-run after a failure, without sending twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.audit.services import event_record
from sikerja.core.errors import ValidationFailed
from sikerja.notifications.messages import RECOMMENDATION_REMINDER
from sikerja.notifications.models import Notification, StepReminder
from sikerja.notifications.services import notify, step_link, step_params
from sikerja.organization.models import Employee
from sikerja.regulations.loader import load_pack
from sikerja.workflows.due_dates import days_after
from sikerja.workflows.models import Recommendation, WorkflowStep

Kind = StepReminder.Kind


@dataclass(frozen=True)
class Due:
    """An open step with a due date, and the kind of reminder it is due for."""

    step: WorkflowStep
    kind: str


def _horizon(pack_id: str, at: dt.datetime, override: int | None) -> dt.datetime:
    """The latest due date reminded as due soon at `at`: `reminder_days_before` days ahead,
    counted as the pack counts its deadlines (working days skip weekends and holidays)."""
    parameters = load_pack(pack_id).parameters
    days = override if override is not None else parameters.reminder_days_before
    return days_after(at, days, parameters.deadline_days_count)


def reminders_due(*, at: dt.datetime, days_before: int | None = None) -> list[Due]:
    """Open steps to remind now: overdue ones not yet reminded as overdue, and ones due within
    the pack's `reminder_days_before` not yet reminded as due soon (3 queries)."""
    open_steps = WorkflowStep.objects.filter(status=WorkflowStep.Status.OPEN, due_at__isnull=False)
    packs = set(open_steps.values_list("instance__pack_id", flat=True).distinct())
    soon = Q(pk__in=[])
    for pack_id in sorted(packs):
        soon |= Q(instance__pack_id=pack_id, due_at__lte=_horizon(pack_id, at, days_before))
    reminded = StepReminder.objects.filter(step_id=OuterRef("pk"))
    rows = (
        open_steps.filter(soon | Q(due_at__lte=at))
        .annotate(
            had_soon=Exists(reminded.filter(kind=Kind.DUE_SOON)),
            had_overdue=Exists(reminded.filter(kind=Kind.OVERDUE)),
        )
        .select_related("instance")
        .order_by("due_at", "pk")
    )
    found = []
    for step in rows:
        if step.due_at <= at:  # type: ignore[operator]
            if not step.had_overdue:
                found.append(Due(step, Kind.OVERDUE))
        elif not step.had_soon:
            found.append(Due(step, Kind.DUE_SOON))
    return found


def step_reminder_send(*, due: Due, at: dt.datetime) -> int:
    """Remind the step's actor and recorder once for this kind; returns how many were told
    (0 when another run already sent it)."""
    step = due.step
    recipients = [r for r in dict.fromkeys((step.actor_id, step.recorder_id)) if r is not None]
    due_on = timezone.localtime(step.due_at).date()
    params = step_params(step, date=due_on.isoformat())
    try:
        with transaction.atomic():
            StepReminder.objects.create(
                government_id=step.government_id, step=step, kind=due.kind, sent_at=at
            )
            link = step_link(step)
            for recipient_id in recipients:
                notify(
                    recipient_id=recipient_id,
                    kind=f"step_{due.kind.lower()}",
                    params=params,
                    link=link,
                )
    except IntegrityError:
        return 0
    return len(recipients)


def recommendation_remind(*, step_id: int, by: Employee, at: dt.datetime) -> Notification:
    """The actor of an open step reminds its recommender that the step waits for their
    recommendation (at most once a day; audited). The caller has checked that `by` may act.

    Raises ValidationFailed when the step waits for no recommendation or was reminded today.
    """
    with transaction.atomic():
        step = WorkflowStep.objects.select_related("instance").select_for_update().get(pk=step_id)
        waiting = step.status == WorkflowStep.Status.OPEN and step.recommender_id is not None
        if not waiting or Recommendation.objects.filter(step=step).exists():
            raise ValidationFailed(
                code="nothing_to_remind", message=_("Langkah ini tidak menunggu rekomendasi.")
            )
        link = step_link(step)
        day_start = timezone.localtime(at).replace(hour=0, minute=0, second=0, microsecond=0)
        if Notification.objects.filter(
            recipient_id=step.recommender_id,
            kind=RECOMMENDATION_REMINDER,
            link=link,
            created_at__gte=day_start,
        ).exists():
            raise ValidationFailed(
                code="already_reminded",
                message=_("Pengingat sudah dikirim hari ini; coba lagi besok."),
            )
        notification = notify(
            recipient_id=step.recommender_id,  # type: ignore[arg-type]
            kind=RECOMMENDATION_REMINDER,
            params=step_params(step, name=by.full_name),
            link=link,
        )
        event_record(
            government_id=step.instance.government_id,
            actor_user_id=by.user_id,
            actor_label=by.full_name,
            action="workflow.recommendation_reminded",
            object_type="workflows.step",
            object_id=str(step.pk),
            at=at,
            after={"recommender_id": step.recommender_id},
        )
    return notification
