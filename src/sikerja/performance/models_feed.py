"""Pengelolaan kinerja, what flows in from the work system: the additional RHK an accepted
penugasan or a team membership proposes for its assignee's SKP (SPEC §6.5, §10.1), the
considerations an appraisal records where the pack requires them (V-46), and the targets of JF
activity items set after a performance dialogue (V-60)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sikerja.core.models import TimeStampedModel
from sikerja.organization.models import Employee, Government
from sikerja.performance.models import Dialogue, Rating, Rhk, Skp


class RhkProposal(TimeStampedModel):
    """An additional RHK proposed for an employee's SKP of a year by a penugasan accepted for
    them or a team they joined, owned by their home appraiser, who accepts or declines it."""

    class Source(models.TextChoices):
        ASSIGNMENT = "ASSIGNMENT", _("Penugasan")
        TEAM = "TEAM", _("Tim kerja")

    class Status(models.TextChoices):
        PROPOSED = "PROPOSED", _("Diusulkan")
        ACCEPTED = "ACCEPTED", _("Diterima")
        DECLINED = "DECLINED", _("Ditolak")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    source = models.CharField(max_length=10, choices=Source.choices)
    source_id = models.BigIntegerField()
    role = models.CharField(max_length=8, blank=True)
    title = models.CharField(max_length=300)
    target = models.TextField(blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    proposed_at = models.DateTimeField()
    appraiser = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    appraiser_rule = models.CharField(max_length=20, blank=True)
    appraiser_citation = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PROPOSED)
    skp = models.ForeignKey(
        Skp, on_delete=models.PROTECT, null=True, blank=True, related_name="proposals"
    )
    rhk = models.OneToOneField(
        Rhk, on_delete=models.PROTECT, null=True, blank=True, related_name="proposal"
    )
    decided_by = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["government", "employee", "year"], name="proposal_employee_year"),
            models.Index(fields=["government", "appraiser", "status"], name="proposal_appraiser"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "employee", "source", "source_id"],
                name="proposal_one_per_source",
            ),
            models.CheckConstraint(
                condition=Q(status="PROPOSED", decided_at__isnull=True, rhk__isnull=True)
                | Q(status="ACCEPTED", decided_at__isnull=False, rhk__isnull=False)
                | Q(status="DECLINED", decided_at__isnull=False, rhk__isnull=True)
                & ~Q(decline_reason=""),
                name="proposal_decision_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.source_id} -> {self.employee_id} ({self.status})"


class Consideration(TimeStampedModel):
    """A consideration the appraiser records on a rating before signing it: the Kepala Bagian's
    for a JF Ahli Madya of the Setda (V-46), or the team lead's."""

    class Kind(models.TextChoices):
        KEPALA_BAGIAN = "KEPALA_BAGIAN", _("Pertimbangan Kepala Bagian")
        LEAD = "LEAD", _("Pertimbangan ketua tim")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="considerations")
    kind = models.CharField(max_length=14, choices=Kind.choices)
    given_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    recorded_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "rating", "kind", "given_by"],
                name="consideration_one_per_giver",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating_id} {self.kind}"


class ActivityItemTarget(TimeStampedModel):
    """A target of a JF activity item (butir kegiatan) under an RHK, set after the performance
    dialogue it rests on (V-60)."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    rhk = models.ForeignKey(Rhk, on_delete=models.PROTECT, related_name="activity_items")
    item = models.CharField(max_length=300)
    target = models.CharField(max_length=120)
    dialogue = models.ForeignKey(
        Dialogue, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    set_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    set_on = models.DateField()

    def __str__(self) -> str:
        return f"{self.rhk_id}: {self.item}"


class RoleAgreement(TimeStampedModel):
    """The Perjanjian Kinerja of a team lead or a Pengendali for a team and year: the tasks from
    the head of the agency or the direct superior, with indicators (V-27a); amended as a new
    version, and cascaded into the person's SKP as an RHK."""

    class Role(models.TextChoices):
        LEAD = "LEAD", _("Ketua tim")
        PENGENDALI = "PENGENDALI", _("Pengendali")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team_id = models.BigIntegerField(help_text="the team (teams.Team) the role is held in")
    role = models.CharField(max_length=10, choices=Role.choices)
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    version = models.PositiveSmallIntegerField(default=1)
    is_current = models.BooleanField(default=True)
    set_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    set_on = models.DateField()
    setter_rule = models.CharField(max_length=20, blank=True)
    setter_citation = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["government", "employee", "year"], name="rolepk_person")]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "team_id", "role", "year", "version"],
                name="rolepk_version_unique",
            ),
            models.UniqueConstraint(
                fields=["government", "team_id", "role", "year"],
                condition=Q(is_current=True),
                name="rolepk_one_current",
            ),
        ]

    def __str__(self) -> str:
        return f"PK {self.role} team {self.team_id} {self.year} v{self.version}"


class RoleAgreementIndicator(models.Model):
    """A task of a lead's or Pengendali's PK with its performance indicator and target."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    agreement = models.ForeignKey(
        RoleAgreement, on_delete=models.CASCADE, related_name="indicators"
    )
    seq = models.PositiveSmallIntegerField()
    task = models.CharField(max_length=300)
    indicator = models.CharField(max_length=300)
    target = models.CharField(max_length=120)

    def __str__(self) -> str:
        return self.indicator
