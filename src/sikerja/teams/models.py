"""Tim kerja: a team, its members (lead included) and the lead candidates proposed for it."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sikerja.core.models import TimeStampedModel
from sikerja.organization.models import Employee, Government, OrgUnit


class Team(TimeStampedModel):
    """A tim kerja of an owner unit for a period, set by the instrument its pack names."""

    class Status(models.TextChoices):
        FORMING = "FORMING", _("Sedang dibentuk")
        ACTIVE = "ACTIVE", _("Aktif")
        REJECTED = "REJECTED", _("Pembentukan ditolak")
        DISSOLVED = "DISSOLVED", _("Dibubarkan")
        EXPIRED = "EXPIRED", _("Berakhir")
        COMPLETED = "COMPLETED", _("Dinyatakan selesai")

    class Scope(models.TextChoices):
        WITHIN_UNIT = "WITHIN_UNIT", _("Di dalam unit organisasi")
        CROSS_UNIT = "CROSS_UNIT", _("Lintas unit organisasi")
        CROSS_PD = "CROSS_PD", _("Lintas Perangkat Daerah")
        CROSS_INSTANSI = "CROSS_INSTANSI", _("Lintas instansi")

    class Instrument(models.TextChoices):
        KEPUTUSAN = "KEPUTUSAN", _("Keputusan")
        SURAT_PERINTAH = "SURAT_PERINTAH", _("Surat perintah")
        SURAT_TUGAS = "SURAT_TUGAS", _("Surat tugas")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    owner_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    requester = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    workflow_key = models.CharField(max_length=60)
    instrument = models.CharField(max_length=16, choices=Instrument.choices)
    scope = models.CharField(max_length=16, choices=Scope.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.FORMING)
    name = models.CharField(max_length=250)
    purpose = models.TextField()
    activity_ref = models.CharField(
        max_length=250, blank=True, help_text="V-66: the TEAM activity of the unit activity PK"
    )
    sub_activities = models.JSONField(default=list, blank=True)
    cascaded_from = models.CharField(max_length=250, blank=True)
    agency_type = models.CharField(max_length=20, blank=True)
    composition_basis = models.TextField(blank=True)
    competencies = models.JSONField(
        default=list, blank=True, help_text="V-01: asked of members' own sides"
    )
    expected_target = models.TextField(blank=True)
    appraiser_consideration = models.TextField(blank=True)
    lead_role_abk = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    abk_reference = models.CharField(max_length=250, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    lead = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    lead_input = models.TextField(blank=True, help_text="V-65: the lead's input on the members")
    lead_vacant_since = models.DateField(null=True, blank=True)
    lead_due_on = models.DateField(null=True, blank=True)
    pengendali = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    pengendali_activity = models.CharField(max_length=250, blank=True)
    justifications = models.JSONField(default=list, blank=True)
    set_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.TextField(blank=True)
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["government", "status"], name="team_gov_status"),
            models.Index(fields=["owner_unit", "status"], name="team_owner_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="team_period_order"
            ),
        ]

    def __str__(self) -> str:
        return self.name


ACTIVE_STATUSES = (Team.Status.FORMING, Team.Status.ACTIVE)


class TeamMember(TimeStampedModel):
    """A person on a team (its lead or a member) for part or all of the team's period."""

    class Role(models.TextChoices):
        LEAD = "LEAD", _("Ketua tim")
        MEMBER = "MEMBER", _("Anggota tim")

    class Status(models.TextChoices):
        PROPOSED = "PROPOSED", _("Diusulkan")
        PENDING = "PENDING", _("Menunggu penugasan dari unitnya")
        ACTIVE = "ACTIVE", _("Aktif")
        ENDED = "ENDED", _("Berakhir")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=8, choices=Role.choices)
    responsibility = models.CharField(max_length=250, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    home_unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    assignment_id = models.BigIntegerField(
        null=True, blank=True, help_text="V-69: the member's own penugasan (cross-unit)"
    )
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    end_reason = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["government", "employee", "status"], name="teammember_employee_status"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "team", "employee"],
                condition=~Q(status="ENDED"),
                name="teammember_one_current_per_person",
            ),
            models.UniqueConstraint(
                fields=["government", "team"],
                condition=Q(role="LEAD") & ~Q(status="ENDED"),
                name="teammember_one_current_lead",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="teammember_period_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team_id}: {self.employee_id} ({self.role})"


class LeadCandidate(models.Model):
    """A candidate for team lead proposed by the unit head (Surakarta: at most three, V-07)."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="candidate_links")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)
    is_chosen = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "team", "employee"], name="leadcandidate_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team_id}: {self.employee_id}"


class EvidenceStorage(FileSystemStorage):
    """Evidence files under `SIKERJA_EVIDENCE_ROOT` (default `var/evidence`), read per use."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def base_location(self) -> str:
        root = getattr(settings, "SIKERJA_EVIDENCE_ROOT", None)
        return str(root or Path(settings.VAR_DIR) / "evidence")

    @property
    def location(self) -> str:
        return str(Path(self.base_location).resolve())


def evidence_storage() -> Storage:
    """Where evidence files are kept (a callable, so the setting is read when it is used)."""
    return EvidenceStorage()


class KeptEvidence(models.Model):
    """The fields of a kept evidence file, whoever's it is: who uploaded it and when, the
    uploaded name as a label, its media type, size and SHA-256, and its generated storage name
    (`teams.services.evidence.evidence_store` fills them; `evidence_read` checks them)."""

    uploaded_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField()
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    file = models.FileField(storage=evidence_storage, max_length=255)

    class Meta:
        abstract = True


class EvidenceFile(KeptEvidence):
    """A file of supporting evidence (data dukung) uploaded for a team's work, owned by the
    record it supports (a progress entry, a report, ...) through `owner_kind` + `owner_id`."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="evidence_files")
    owner_kind = models.CharField(max_length=40, blank=True)
    owner_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["government", "team", "owner_kind", "owner_id"], name="evidence_team_owner"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(owner_kind="") & Q(owner_id__isnull=True))
                | (~Q(owner_kind="") & Q(owner_id__isnull=False)),
                name="evidence_owner_complete",
            ),
            models.UniqueConstraint(fields=["government", "file"], name="evidence_file_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.team_id}: {self.original_name}"


# The reports and evaluation models (their own module, registered with the app's models).
from sikerja.teams.models_reports import (  # noqa: E402
    IndividualEvidence,
    IndividualReport,
    IndividualReportCopy,
    MemberResult,
    TeamEvaluation,
    TeamReport,
)

# Training-need proposals (V-62), from the unit workload page to the HR agency.
from sikerja.teams.training_models import TrainingNeedItem, TrainingNeedProposal  # noqa: E402

# The team's work (planning and execution) is kept in its own module.
from sikerja.teams.work_models import (  # noqa: E402
    ExpectationDialogue,
    Feedback,
    MonitoringRecord,
    Obstacle,
    ObstacleFollowUp,
    PlanActivity,
    ProgressEntry,
    Rework,
    TeamPlan,
    WorkPlan,
)

__all__ = [
    "ACTIVE_STATUSES",
    "EvidenceFile",
    "EvidenceStorage",
    "ExpectationDialogue",
    "Feedback",
    "IndividualEvidence",
    "IndividualReport",
    "IndividualReportCopy",
    "LeadCandidate",
    "MemberResult",
    "MonitoringRecord",
    "Obstacle",
    "ObstacleFollowUp",
    "PlanActivity",
    "ProgressEntry",
    "Rework",
    "Team",
    "TeamEvaluation",
    "TeamMember",
    "TeamPlan",
    "TeamReport",
    "TrainingNeedItem",
    "TrainingNeedProposal",
    "WorkPlan",
    "evidence_storage",
]
