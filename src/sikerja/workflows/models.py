"""Workflow state: instances of a pack's flow and their steps, each with a snapshotted actor."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sikerja.core.models import TimeStampedModel
from sikerja.organization.models import Employee, Government


class WorkflowInstance(TimeStampedModel):
    """One run of a flow of the pack (e.g. a cross-unit appointment request)."""

    class Status(models.TextChoices):
        OPEN = "OPEN", _("Berjalan")
        APPROVED = "APPROVED", _("Selesai (disetujui)")
        REJECTED = "REJECTED", _("Ditolak")
        WITHDRAWN = "WITHDRAWN", _("Ditarik")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    pack_id = models.CharField(max_length=40)
    kind = models.CharField(max_length=30)
    definition_key = models.CharField(max_length=60)
    definition_id = models.CharField(max_length=40)
    subject_type = models.CharField(max_length=60)
    subject_id = models.BigIntegerField()
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    party_key = models.CharField(
        max_length=40, blank=True, help_text="which member a child instance is about"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    current_step = models.CharField(max_length=40, blank=True)
    version = models.PositiveIntegerField(default=0)
    parties = models.JSONField(default=dict)
    requester = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["government", "status"], name="wfinstance_gov_status"),
            models.Index(fields=["requester", "status"], name="wfinstance_requester_status"),
            models.Index(fields=["subject_type", "subject_id"], name="wfinstance_subject"),
        ]
        constraints = [
            # Several instances per subject over time, at most one open (per member for the
            # child instances of a team request).
            models.UniqueConstraint(
                fields=["government", "subject_type", "subject_id", "party_key"],
                condition=Q(status="OPEN"),
                name="wfinstance_one_open_per_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.definition_key}#{self.pk} ({self.status})"


class WorkflowStep(TimeStampedModel):
    """A step of an instance: who must act (snapshotted when it opened) and what they decided."""

    class Status(models.TextChoices):
        OPEN = "OPEN", _("Menunggu")
        PENDING = "PENDING", _("Menunggu giliran")
        DECIDED = "DECIDED", _("Diputuskan")
        CANCELLED = "CANCELLED", _("Dibatalkan (dialihkan)")

    # The instance's government (docs/scaling.md: every tenant table is keyed by government).
    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    instance = models.ForeignKey(WorkflowInstance, on_delete=models.PROTECT, related_name="steps")
    seq = models.PositiveIntegerField()
    step_key = models.CharField(max_length=40)
    label = models.CharField(max_length=200)
    chain_index = models.PositiveSmallIntegerField(default=0)
    chain_length = models.PositiveSmallIntegerField(default=1)
    actor_expression = models.CharField(max_length=60)
    actor = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="workflow_steps"
    )
    actor_name = models.CharField(max_length=250, blank=True)
    actor_position = models.CharField(max_length=250, blank=True)
    actor_acting = models.CharField(max_length=12, blank=True)
    actor_rule = models.CharField(max_length=20, blank=True)
    actor_citation = models.CharField(max_length=300, blank=True)
    recorder = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recommender = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    decision = models.CharField(max_length=20, blank=True)
    reason = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    decided_by = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    opened_at = models.DateTimeField()
    due_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    citation = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["actor", "status"], name="wfstep_actor_status"),
            models.Index(fields=["recorder", "status"], name="wfstep_recorder_status"),
            models.Index(fields=["recommender", "status"], name="wfstep_recommender_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "instance"],
                condition=Q(status="OPEN"),
                name="wfstep_one_open_per_instance",
            ),
            models.UniqueConstraint(
                fields=["government", "instance", "seq"], name="wfstep_seq_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instance_id}/{self.seq} {self.step_key} ({self.status})"


class Recommendation(TimeStampedModel):
    """A recommendation recorded on a step before its decision (e.g. V-23)."""

    # The step's government (docs/scaling.md).
    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    step = models.ForeignKey(WorkflowStep, on_delete=models.PROTECT, related_name="recommendations")
    by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    recommended_ids = models.JSONField(default=list, blank=True)
    at = models.DateTimeField()

    def __str__(self) -> str:
        return f"recommendation on {self.step_id}"
