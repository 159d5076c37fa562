"""Create notifications (run after the deciding transaction commits) and mark them read."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.notifications.models import Notification
from sikerja.workflows.hooks import hooks_for
from sikerja.workflows.models import WorkflowStep


def step_link(step: WorkflowStep) -> str:
    """The page of the subject a step belongs to, as its app describes it."""
    instance = step.instance
    subject = hooks_for(instance.kind).describe([instance]).get(instance.pk)
    return subject.url if subject else ""


def notify(
    *, recipient_id: int, kind: str, title: str, body: str = "", link: str = ""
) -> Notification:
    """Create one in-app notification and send the email copy when the employee has an address."""
    from sikerja.organization.models import Employee

    employee = Employee.objects.get(pk=recipient_id)
    with transaction.atomic():
        notification = Notification.objects.create(
            recipient=employee, kind=kind, title=title, body=body, link=link
        )
        if employee.email:
            sent = send_mail(
                subject=f"[Sikerja] {title}",
                message=f"{body}\n\n{link}".strip(),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[employee.email],
                fail_silently=True,
            )
            Notification.objects.filter(pk=notification.pk).update(emailed=bool(sent))
    return notification


def notify_step_opened(*, step_id: int) -> list[Notification]:
    """Tell the step's actor (or recorder) and any recommender that a step awaits them."""
    step = WorkflowStep.objects.select_related("instance").get(pk=step_id)
    link = step_link(step)
    sent = [
        notify(
            recipient_id=recipient_id,
            kind="step_opened",
            title=_("Menunggu keputusan Anda: %(step)s") % {"step": step.label},
            body=step.citation,
            link=link,
        )
        for recipient_id in (step.actor_id, step.recorder_id)
        if recipient_id is not None
    ]
    if step.recommender_id is not None:
        sent.append(
            notify(
                recipient_id=step.recommender_id,
                kind="recommendation_requested",
                title=_("Rekomendasi diminta: %(step)s") % {"step": step.label},
                body=step.citation,
                link=link,
            )
        )
    return sent


def notification_mark_read(*, recipient_id: int, notification_id: int, at: dt.datetime) -> int:
    """Mark one of my notifications read; returns the number of rows changed (0 or 1)."""
    return Notification.objects.filter(
        pk=notification_id, recipient_id=recipient_id, read_at__isnull=True
    ).update(read_at=at)
