"""In-app notifications (the inbox bell); email copies are sent when an address is known."""

from __future__ import annotations

from django.db import models

from sikerja.core.models import TimeStampedModel
from sikerja.organization.models import Employee, Government
from sikerja.workflows.models import WorkflowStep


class Notification(TimeStampedModel):
    """A message to one employee about something that awaits them or concerns them."""

    # The recipient's government (docs/scaling.md: every tenant table is keyed by government).
    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    recipient = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="notifications")
    # The message key (`messages.MESSAGES`) and the values its text needs: the title and body
    # are rendered in the reader's language. `title` and `body` keep the text in the site's
    # language, shown when the kind is not known.
    kind = models.CharField(max_length=40)
    params = models.JSONField(default=dict, blank=True)
    title = models.CharField(max_length=250)
    body = models.TextField(blank=True)
    link = models.CharField(max_length=300, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return self.title


class StepReminder(models.Model):
    """That the people of an open step were reminded of its due date, once per kind."""

    class Kind(models.TextChoices):
        DUE_SOON = "DUE_SOON", "due soon"
        OVERDUE = "OVERDUE", "overdue"

    # The step's government (docs/scaling.md).
    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    step = models.ForeignKey(WorkflowStep, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "step", "kind"], name="stepreminder_once_per_kind"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["DUE_SOON", "OVERDUE"]), name="stepreminder_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.step_id} {self.kind}"
