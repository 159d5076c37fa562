"""The objection (keberatan) of an employee to a final rating (P-OBJECTION: PP 30/2019 Pasal 59,
PermenPANRB 6/2022 Bab V), decided by the atasan of the Pejabat Penilai Kinerja on the pack's
WF-KEBERATAN flow."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sikerja.core.models import TimeStampedModel
from sikerja.organization.models import Employee, Government
from sikerja.performance.models import Rating


class Objection(TimeStampedModel):
    """A keberatan of the appraised employee to the predikat of one signed rating, and the
    deciding official's final answer: the predikat upheld or changed, with the reason."""

    class Status(models.TextChoices):
        OPEN = "OPEN", _("Menunggu keputusan")
        UPHELD = "UPHELD", _("Predikat tetap")
        CHANGED = "CHANGED", _("Predikat diubah")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="objections")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    filed_at = models.DateTimeField()
    window_ends_on = models.DateField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    predikat_before = models.CharField(max_length=20, choices=Rating.Predikat.choices)
    predikat_after = models.CharField(max_length=20, choices=Rating.Predikat.choices, blank=True)
    decision_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decider_rule = models.CharField(max_length=20, blank=True)
    decider_citation = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["government", "employee"], name="objection_gov_employee"),
        ]
        constraints = [
            # One objection per rating: the deciding official's answer is final (Pasal 59).
            models.UniqueConstraint(
                fields=["government", "rating"], name="objection_one_per_rating"
            ),
            models.CheckConstraint(
                condition=Q(status="OPEN", decided_by__isnull=True, decided_at__isnull=True)
                | Q(~Q(status="OPEN"), decided_by__isnull=False, decided_at__isnull=False),
                name="objection_decided_has_decider",
            ),
            models.CheckConstraint(
                condition=Q(status="CHANGED", predikat_after__gt="")
                | (~Q(status="CHANGED") & Q(predikat_after="")),
                name="objection_change_names_predikat",
            ),
        ]

    def __str__(self) -> str:
        return f"objection {self.rating_id} ({self.status})"
