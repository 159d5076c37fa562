"""Create notifications (run after the deciding transaction commits) and mark them read."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max

from sikerja.accounts.preferences import language_of
from sikerja.notifications import messages
from sikerja.notifications.messages import LETTER_COPIED
from sikerja.notifications.models import Notification
from sikerja.workflows.hooks import hooks_for
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from sikerja.workflows.selectors import step_label

if TYPE_CHECKING:
    from sikerja.organization.models import Employee


def step_link(step: WorkflowStep) -> str:
    """The page of the subject a step belongs to, as its app describes it."""
    return _link(step.instance)


def notify(*, recipient_id: int, kind: str, params: dict[str, Any], link: str = "") -> Notification:
    """Create one in-app notification (its text rendered in the reader's language when read) and
    send the email copy, in the recipient's language, when the employee has an address."""
    from sikerja.organization.models import Employee

    employee = Employee.objects.get(pk=recipient_id)
    stored = _rendered(kind, params, settings.LANGUAGE_CODE)
    with transaction.atomic():
        notification = Notification.objects.create(
            government_id=employee.government_id,
            recipient=employee,
            kind=kind,
            params=params,
            title=stored.title,
            body=stored.body,
            link=link,
        )
        if employee.email:
            text = _rendered(kind, params, recipient_language(employee))
            sent = send_mail(
                subject=f"[Sikerja] {text.title}",
                message=f"{text.body}\n\n{link}".strip(),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[employee.email],
                fail_silently=True,
            )
            Notification.objects.filter(pk=notification.pk).update(emailed=bool(sent))
    return notification


def recipient_language(employee: Employee) -> str:
    """The language to write to an employee in: the one their login last chose in the UI,
    else the site's (Indonesian)."""
    return language_of(employee.user_id)


def _rendered(kind: str, params: dict[str, Any], language: str) -> messages.Rendered:
    rendered = messages.render(kind, params, language)
    if rendered is None:
        raise ValueError(f"notification {kind!r} lacks a value its text needs: {sorted(params)}")
    return rendered


def step_params(step: WorkflowStep, **extra: str) -> dict[str, Any]:
    """The values a notification about a step needs: its name in both languages, its citation
    (the step needs its instance loaded)."""
    return {
        "step": step.label,
        "step_en": step_label(step, "en"),
        "citation": step.citation,
        **extra,
    }


def notify_step_opened(*, step_id: int) -> list[Notification]:
    """Tell the step's actor (or recorder) and any recommender that a step awaits them; a step
    already decided in the transaction that opened it (the author's own submission) awaits no
    one."""
    step = WorkflowStep.objects.select_related("instance").get(pk=step_id)
    if step.status != WorkflowStep.Status.OPEN:
        return []
    link = step_link(step)
    params = step_params(step)
    sent = [
        notify(recipient_id=recipient_id, kind=messages.STEP_OPENED, params=params, link=link)
        for recipient_id in (step.actor_id, step.recorder_id)
        if recipient_id is not None
    ]
    if step.recommender_id is not None:
        sent.append(
            notify(
                recipient_id=step.recommender_id,
                kind=messages.RECOMMENDATION_REQUESTED,
                params=params,
                link=link,
            )
        )
    return sent


def notification_mark_read(*, recipient_id: int, notification_id: int, at: dt.datetime) -> int:
    """Mark one of my notifications read; returns the number of rows changed (0 or 1)."""
    return Notification.objects.filter(
        pk=notification_id, recipient_id=recipient_id, read_at__isnull=True
    ).update(read_at=at)


def letter_watermark() -> int:
    """The id of the latest letter issued so far: letters issued after it have greater ids."""
    from sikerja.documents.models import Letter

    return Letter.objects.aggregate(top=Max("pk"))["top"] or 0


def letter_copies_notify(
    *, subject_type: str, subject_id: int, after_letter_id: int
) -> list[Notification]:
    """Tell every official copied (tembusan) on the subject's letters issued after a watermark,
    in-app and by email, with a link to the subject's page.

    Implements: V-26 (product decision, SPEC 4.0.1 rule 6). A copy already notified is not
    notified again.
    """
    from sikerja.documents.models import LetterParty

    instances = WorkflowInstance.objects.filter(subject_type=subject_type, subject_id=subject_id)
    copies = (
        LetterParty.objects.filter(
            role=LetterParty.Role.CC,
            letter__pk__gt=after_letter_id,
            letter__workflow_instance_id__in=instances.values("pk"),
        )
        .select_related("letter")
        .order_by("letter_id", "pk")
    )
    links = _links(list(instances))
    sent = []
    for copy in copies:
        letter = copy.letter
        params = {
            "title": letter.title,
            "number": letter.number or "-",
            "citation": letter.citation,
        }
        link = links.get(letter.workflow_instance_id or 0, "")
        if Notification.objects.filter(
            recipient_id=copy.employee_id,
            kind=LETTER_COPIED,
            params__title=letter.title,
            params__number=params["number"],
            link=link,
        ).exists():
            continue
        sent.append(
            notify(recipient_id=copy.employee_id, kind=LETTER_COPIED, params=params, link=link)
        )
    return sent


def _link(instance: WorkflowInstance) -> str:
    return _links([instance]).get(instance.pk, "")


def _links(instances: list[WorkflowInstance]) -> dict[int, str]:
    """The page of each instance's subject, as its app describes it (one call per kind)."""
    links: dict[int, str] = {}
    for kind in {instance.kind for instance in instances}:
        same = [instance for instance in instances if instance.kind == kind]
        links |= {pk: ref.url for pk, ref in hooks_for(kind).describe(same).items()}
    return links
