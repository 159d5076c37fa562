"""Pengelolaan kinerja, stage 2 (SPEC §6.4, §10.1): continuous feedback on an RHK by the
appraiser (or the lead of the team that fed it), acknowledged by the employee, and the evidence
(bukti dukung) attached to an RHK."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sikerja.organization.models import Employee, Government
from sikerja.performance.models import Rating, Rhk, Skp
from sikerja.teams.models import KeptEvidence

# A note is about the year (no period) or about one period (its kind and index, both given).
PERIOD_COMPLETE = Q(period_kind="", period_index__isnull=True) | (
    ~Q(period_kind="") & Q(period_index__isnull=False)
)


class RhkFeedback(models.Model):
    """An umpan balik berkelanjutan on one RHK of an SKP, optionally about one appraisal period,
    with the employee's acknowledgement and reply (P-FEEDBACK)."""

    class GiverRole(models.TextChoices):
        APPRAISER = "APPRAISER", _("Pejabat Penilai Kinerja")
        DELEGATE = "DELEGATE", _("Pejabat yang menerima pelimpahan")
        TEAM_LEAD = "TEAM_LEAD", _("Ketua tim")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    skp = models.ForeignKey(Skp, on_delete=models.PROTECT, related_name="feedback")
    rhk = models.ForeignKey(Rhk, on_delete=models.PROTECT, related_name="feedback")
    period_kind = models.CharField(max_length=10, choices=Rating.PeriodKind.choices, blank=True)
    period_index = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField()
    given_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    giver_role = models.CharField(max_length=10, choices=GiverRole.choices)
    giver_rule = models.CharField(max_length=20, blank=True)
    giver_citation = models.CharField(max_length=300, blank=True)
    given_at = models.DateTimeField()
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    reply = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["government", "skp", "rhk"], name="rhkfeedback_skp_rhk")]
        constraints = [
            models.CheckConstraint(
                condition=PERIOD_COMPLETE,
                name="rhkfeedback_period_complete",
            ),
            models.CheckConstraint(
                condition=Q(acknowledged_at__isnull=False) | Q(reply=""),
                name="rhkfeedback_reply_acknowledges",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rhk_id}: {self.giver_role} {self.given_at:%Y-%m-%d}"


class RhkEvidence(KeptEvidence):
    """A file of evidence (bukti dukung) of one RHK of an SKP, optionally for one appraisal
    period: kept under a generated name, served only as uploaded (P-EVIDENCE)."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    skp = models.ForeignKey(Skp, on_delete=models.PROTECT, related_name="evidence")
    rhk = models.ForeignKey(Rhk, on_delete=models.PROTECT, related_name="evidence")
    period_kind = models.CharField(max_length=10, choices=Rating.PeriodKind.choices, blank=True)
    period_index = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["government", "skp", "rhk"], name="rhkevidence_skp_rhk")]
        constraints = [
            models.CheckConstraint(
                condition=PERIOD_COMPLETE,
                name="rhkevidence_period_complete",
            ),
            models.UniqueConstraint(fields=["government", "file"], name="rhkevidence_file_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.rhk_id}: {self.original_name}"
