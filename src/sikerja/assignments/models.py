"""A penugasan request and the people it names."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sikerja.core.models import TimeStampedModel
from sikerja.organization.models import Employee, Government, OrgUnit


class Assignment(TimeStampedModel):
    """A penugasan: a direct appointment or a voluntary application, individual or team."""

    class Mode(models.TextChoices):
        APPOINTMENT = "APPOINTMENT", _("Penunjukan")
        VOLUNTARY = "VOLUNTARY", _("Pengajuan sukarela")

    class Subject(models.TextChoices):
        INDIVIDUAL = "INDIVIDUAL", _("Individu")
        TEAM = "TEAM", _("Tim")

    class Scope(models.TextChoices):
        WITHIN_UNIT = "WITHIN_UNIT", _("Di dalam unit organisasi")
        CROSS_UNIT = "CROSS_UNIT", _("Lintas unit organisasi")
        CROSS_PD = "CROSS_PD", _("Lintas Perangkat Daerah")
        CROSS_INSTANSI = "CROSS_INSTANSI", _("Lintas instansi")

    class Channel(models.TextChoices):
        WRITTEN = "WRITTEN", _("Tertulis")
        ORAL = "ORAL", _("Lisan")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    mode = models.CharField(max_length=12, choices=Mode.choices)
    subject = models.CharField(max_length=12, choices=Subject.choices)
    scope = models.CharField(max_length=16, choices=Scope.choices)
    workflow_key = models.CharField(max_length=60)
    requester = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="assignments_requested"
    )
    owner_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    home_unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    external_government = models.ForeignKey(
        Government, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    title = models.CharField(max_length=250)
    purpose = models.TextField(blank=True)
    competencies = models.JSONField(default=list, blank=True)
    expected_target = models.TextField(blank=True)
    task_description = models.TextField(blank=True)
    individual_target = models.TextField(blank=True)
    other_arrangements = models.TextField(blank=True)
    team_name = models.CharField(max_length=250, blank=True)
    additional_task = models.CharField(max_length=30, blank=True)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    channel = models.CharField(max_length=8, choices=Channel.choices, default=Channel.WRITTEN)
    candidates = models.ManyToManyField(
        Employee, through="AssignmentCandidate", related_name="assignments"
    )

    class Meta:
        indexes = [models.Index(fields=["government", "created_at"], name="assignment_gov_created")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="assignment_period_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class AssignmentCandidate(models.Model):
    """A person named in the assignment (proposed by the requester or listed by the target)."""

    # The assignment's government (docs/scaling.md: every tenant table is keyed by government).
    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="candidate_links"
    )

    class Answer(models.TextChoices):
        PENDING = "PENDING", _("Belum dijawab")
        ACCEPTED = "ACCEPTED", _("Disetujui pihak unitnya")
        DECLINED = "DECLINED", _("Tidak disetujui pihak unitnya")

    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)
    is_lead = models.BooleanField(default=False)
    answer = models.CharField(
        max_length=10,
        choices=Answer.choices,
        default=Answer.PENDING,
        help_text="V-69: the member's own side's answer to a team request",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "assignment", "employee"], name="assignment_candidate_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id}: {self.employee_id}"
