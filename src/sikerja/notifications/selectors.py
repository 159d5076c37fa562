"""Reads of notifications, always for one recipient."""

from __future__ import annotations

from django.db.models import QuerySet

from sikerja.notifications.models import Notification


def notification_list(*, recipient_id: int, unread_only: bool = False) -> QuerySet[Notification]:
    queryset = Notification.objects.filter(recipient_id=recipient_id).order_by("-created_at", "-pk")
    return queryset.filter(read_at__isnull=True) if unread_only else queryset


def unread_count(*, recipient_id: int) -> int:
    return Notification.objects.filter(recipient_id=recipient_id, read_at__isnull=True).count()
