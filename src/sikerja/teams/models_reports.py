"""Tim kerja, reports and evaluation: a report for a period (WF-REPORT), the lead's report on
one member for that member's own appraiser, and the evaluation of the team's results up to the
official who declares the work complete (WF-EVAL).

Workflow state lives in the engine's instance of each row; these rows hold what was reported
and mirror where it stands, written only by the teams services.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sikerja.core.models import TimeStampedModel
from sikerja.organization.models import Employee, Government, OrgUnit
from sikerja.teams.models import KeptEvidence, Team


class TeamReport(TimeStampedModel):
    """A periodic report on a team's work: a member's to the lead, or the lead's up the chain."""

    class Kind(models.TextChoices):
        MEMBER = "MEMBER", _("Laporan anggota tim")
        LEAD = "LEAD", _("Laporan ketua tim")

    class Status(models.TextChoices):
        DUE = "DUE", _("Belum disampaikan")
        SUBMITTED = "SUBMITTED", _("Disampaikan")
        RETURNED = "RETURNED", _("Dikembalikan untuk diperbaiki")
        RECEIVED = "RECEIVED", _("Diterima")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    author = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField()
    period_end = models.DateField()
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DUE)
    text = models.TextField(blank=True)
    evidence = models.JSONField(default=list, blank=True, help_text="V-29: evidence file ids")
    workflow_instance_id = models.BigIntegerField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["government", "author", "status"], name="teamreport_author_status"
            ),
            models.Index(
                fields=["government", "team", "period_start"], name="teamreport_team_period"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "team", "kind", "author", "period_start"],
                name="teamreport_one_per_period",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="teamreport_period_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team_id} {self.kind} {self.author_id} {self.period_start}"


class MemberResult(TimeStampedModel):
    """The lead's report on one member's results for a period, addressed to the member's own
    (home) appraiser as input to the appraisal, not a rating (SPEC 4.12, 6.5)."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    report = models.ForeignKey(TeamReport, on_delete=models.PROTECT, related_name="results")
    member = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField()
    period_end = models.DateField()
    text = models.TextField()
    appraiser = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    appraiser_rule = models.CharField(max_length=20, blank=True)
    appraiser_citation = models.CharField(max_length=300, blank=True)
    workflow_instance_id = models.BigIntegerField(null=True, blank=True)
    received_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["government", "member", "period_start"], name="memberresult_member_period"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "report", "member"], name="memberresult_one_per_report"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} {self.period_start}"


class TeamEvaluation(TimeStampedModel):
    """The team's results under review up the pack's chain until they are declared complete."""

    class Status(models.TextChoices):
        UNDER_REVIEW = "UNDER_REVIEW", _("Sedang dievaluasi")
        RETURNED = "RETURNED", _("Dikembalikan untuk diperbaiki")
        DECLARED_COMPLETE = "DECLARED_COMPLETE", _("Dinyatakan selesai sesuai target")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="evaluations")
    submitted_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    workflow_key = models.CharField(max_length=60)
    results = models.TextField()
    evidence = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=18, choices=Status.choices, default=Status.UNDER_REVIEW)
    workflow_instance_id = models.BigIntegerField(null=True, blank=True)
    submitted_at = models.DateTimeField()
    declared_by = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    declared_at = models.DateTimeField(null=True, blank=True)
    statement = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "team"],
                condition=~Q(status="DECLARED_COMPLETE"),
                name="teamevaluation_one_open_per_team",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team_id} ({self.status})"


class IndividualReport(TimeStampedModel):
    """An employee's report on individual (non-team) work for a period of the pack's schedule:
    on an approved individual penugasan, or on their own individual work, up the pack's chain
    for individuals (WF-REPORT, SPEC 4.12; Surakarta V-46 for a Setda JF Ahli Madya)."""

    class Basis(models.TextChoices):
        ASSIGNMENT = "ASSIGNMENT", _("Penugasan individu")
        OWN_WORK = "OWN_WORK", _("Pekerjaan individu sendiri")

    class Status(models.TextChoices):
        DUE = "DUE", _("Belum disampaikan")
        SUBMITTED = "SUBMITTED", _("Disampaikan")
        FORWARDED = "FORWARDED", _("Diteruskan")
        RETURNED = "RETURNED", _("Dikembalikan untuk diperbaiki")
        RECEIVED = "RECEIVED", _("Diterima")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    basis = models.CharField(max_length=10, choices=Basis.choices)
    assignment_id = models.BigIntegerField(
        null=True, blank=True, help_text="the approved individual penugasan reported on"
    )
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="+", help_text="where the work is done"
    )
    workflow_key = models.CharField(max_length=60)
    period_start = models.DateField()
    period_end = models.DateField()
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DUE)
    text = models.TextField(blank=True)
    workflow_instance_id = models.BigIntegerField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["government", "author", "status"], name="indreport_author_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "assignment_id", "author", "period_start"],
                condition=Q(assignment_id__isnull=False),
                name="indreport_one_per_assignment_period",
            ),
            models.UniqueConstraint(
                fields=["government", "author", "period_start"],
                condition=Q(assignment_id__isnull=True),
                name="indreport_one_own_per_period",
            ),
            models.CheckConstraint(
                condition=(Q(basis="ASSIGNMENT") & Q(assignment_id__isnull=False))
                | (Q(basis="OWN_WORK") & Q(assignment_id__isnull=True)),
                name="indreport_basis_matches_assignment",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="indreport_period_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author_id} {self.basis} {self.period_start} ({self.status})"


class IndividualEvidence(KeptEvidence):
    """A file of supporting evidence (data dukung, V-29) of an individual report, checked and
    stored as a team's evidence is (`teams.services.evidence`)."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    report = models.ForeignKey(IndividualReport, on_delete=models.PROTECT, related_name="files")

    class Meta:
        indexes = [
            models.Index(fields=["government", "report"], name="indevidence_report"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["government", "file"], name="indevidence_file_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.original_name}"


class IndividualReportCopy(models.Model):
    """An official copied (tembusan) on an individual report from its submission (Surakarta,
    Appendix A, A3): they are told, and may read it."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    report = models.ForeignKey(IndividualReport, on_delete=models.PROTECT, related_name="copies")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "report", "employee"], name="indreport_copy_unique"
            ),
        ]
        indexes = [models.Index(fields=["government", "employee"], name="indreport_copy_employee")]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.employee_id}"
