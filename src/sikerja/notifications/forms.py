"""Input of the notifications page (parsing only)."""

from __future__ import annotations

from django import forms


class NotificationReadForm(forms.Form):
    """Mark one of my notifications as read."""

    notification_id = forms.IntegerField(widget=forms.HiddenInput)
