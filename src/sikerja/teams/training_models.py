"""Training-need proposals (V-62): a unit head's proposal to the HR agency (BKPSDM) to train a
person of the unit in competences their work asks for and they do not hold, and its decision."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sikerja.core.models import TimeStampedModel
from sikerja.organization.models import Employee, Government, OrgUnit


class TrainingNeedProposal(TimeStampedModel):
    """An usulan kebutuhan pendidikan dan pelatihan for one person, sent to the unit for
    staffing and HR development (Blitar Perwali 6/2023 Pasal 29(2)), and its decision."""

    class Status(models.TextChoices):
        SUBMITTED = "SUBMITTED", _("Menunggu keputusan BKPSDM")
        SCHEDULED = "SCHEDULED", _("Dijadwalkan")
        DECLINED = "DECLINED", _("Tidak dijadwalkan")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    # The unit whose workload page showed the gap (the proposer heads it or a unit above it).
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    competencies = models.JSONField(default=list)
    reason = models.TextField()
    proposed_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField()
    proposed_on = models.DateField()
    # The pack's footing when proposed: "V-62" and its article, or a product decision.
    rule = models.CharField(max_length=20, blank=True)
    citation = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    # The HR side's decision: an operator's login (an operator may have no employee record).
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_by_label = models.CharField(max_length=150, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    scheduled_on = models.DateField(null=True, blank=True)
    programme = models.CharField(max_length=300, blank=True)
    decline_reason = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["government", "status", "proposed_at"], name="training_gov_status_idx"
            ),
            models.Index(fields=["government", "unit"], name="training_gov_unit_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="SUBMITTED", decided_at__isnull=True)
                | Q(status="SCHEDULED", scheduled_on__isnull=False, decided_at__isnull=False)
                & ~Q(programme="")
                | Q(status="DECLINED", decided_at__isnull=False) & ~Q(decline_reason=""),
                name="training_decision_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id}: {', '.join(self.competencies)}"


class TrainingNeedItem(models.Model):
    """One need of a proposal: a competence for a person, open while the proposal waits or is
    scheduled; at most one open item per person and competence (a duplicate is refused)."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    proposal = models.ForeignKey(
        TrainingNeedProposal, on_delete=models.CASCADE, related_name="items"
    )
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    competency = models.CharField(max_length=200)
    key = models.CharField(max_length=200, help_text="the competency, case-folded")
    is_open = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "employee", "key"],
                condition=Q(is_open=True),
                name="training_need_open_once",
            ),
        ]
        indexes = [models.Index(fields=["employee", "is_open"], name="training_item_open_idx")]

    def __str__(self) -> str:
        return f"{self.employee_id}: {self.competency}"
