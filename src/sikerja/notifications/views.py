"""The notifications page: my notifications, newest first; POST marks one as read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from sikerja.notifications.forms import NotificationReadForm
from sikerja.notifications.messages import render
from sikerja.notifications.models import Notification
from sikerja.notifications.selectors import notification_list
from sikerja.notifications.services import notification_mark_read
from sikerja.organization.http import render_page, viewer_required
from sikerja.organization.rules import Viewer

ROWS_PER_PAGE = 20


@dataclass(frozen=True)
class NotificationRow:
    """One of my notifications."""

    notification_id: int
    title: str
    body: str
    link: str
    created_at: dt.datetime
    is_read: bool


@dataclass(frozen=True)
class NotificationPage:
    """A page of my notifications, newest first."""

    page: Page[Any]  # the paginator only
    rows: list[NotificationRow]


def notification_page(viewer: Viewer, page_number: str | None) -> NotificationPage:
    """The viewer's notifications (2 queries); accounts without an employee record have none."""
    queryset = (
        notification_list(recipient_id=viewer.employee_id)
        if viewer.employee_id is not None
        else Notification.objects.none()
    )
    page = Paginator(queryset, ROWS_PER_PAGE).get_page(page_number)
    language = get_language() or settings.LANGUAGE_CODE
    return NotificationPage(page, [_row(n, language) for n in page])


def _row(notification: Notification, language: str) -> NotificationRow:
    """One notification in the reader's language (its stored text for a kind without a message)."""
    text = render(notification.kind, notification.params, language)
    return NotificationRow(
        notification.pk,
        text.title if text else notification.title,
        text.body if text else notification.body,
        notification.link,
        notification.created_at,
        notification.read_at is not None,
    )


@require_http_methods(["GET", "POST"])
@viewer_required
def notifications(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """My notifications; POST marks one as read (nothing for someone else's)."""
    if request.method == "POST":
        form = NotificationReadForm(request.POST)
        if form.is_valid() and viewer.employee_id is not None:
            notification_mark_read(
                recipient_id=viewer.employee_id,
                notification_id=form.cleaned_data["notification_id"],
                at=timezone.now(),
            )
        return redirect("web:notifications")
    page = notification_page(viewer, request.GET.get("page"))
    return render_page(request, viewer, "notifications/list.html", page=page, nav="notifications")
