"""Pengelolaan kinerja (SPEC §6, §10): Perjanjian Kinerja, SKP with its RHK, indicators and
expectations, periodic and annual ratings, and the unit's organisational level."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sikerja.core.models import TimeStampedModel
from sikerja.organization.models import Employee, Government, OrgUnit, Position


class PerformanceAgreement(TimeStampedModel):
    """A Perjanjian Kinerja for a year: of a unit and its head, or the unit activity PK (its
    activities typed individual or team); amended as a new version (V-50)."""

    class Kind(models.TextChoices):
        UNIT = "UNIT", _("Perjanjian Kinerja unit organisasi")
        UNIT_ACTIVITY = "UNIT_ACTIVITY", _("Perjanjian Kinerja Pelaksanaan Kegiatan")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    year = models.PositiveSmallIntegerField()
    version = models.PositiveSmallIntegerField(default=1)
    head = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    head_rule = models.CharField(max_length=20, blank=True)
    head_citation = models.CharField(max_length=300, blank=True)
    set_on = models.DateField()
    is_current = models.BooleanField(default=True)

    class Meta:
        indexes = [models.Index(fields=["government", "year"], name="pk_gov_year")]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "unit", "kind", "year", "version"], name="pk_version_unique"
            ),
            models.UniqueConstraint(
                fields=["government", "unit", "kind", "year"],
                condition=Q(is_current=True),
                name="pk_one_current",
            ),
        ]

    def __str__(self) -> str:
        return f"PK {self.kind} {self.unit_id} {self.year} v{self.version}"


class PkIndicator(models.Model):
    """A sasaran of a PK with its performance indicator and target."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    agreement = models.ForeignKey(
        PerformanceAgreement, on_delete=models.CASCADE, related_name="indicators"
    )
    seq = models.PositiveSmallIntegerField()
    objective = models.CharField(max_length=300)
    indicator = models.CharField(max_length=300)
    target = models.CharField(max_length=120)

    def __str__(self) -> str:
        return self.indicator


class PkActivity(models.Model):
    """An activity of a unit activity PK, typed individual or team (SPEC §6.2, V-66)."""

    class AssignmentType(models.TextChoices):
        INDIVIDUAL = "INDIVIDUAL", _("Individu")
        TEAM = "TEAM", _("Tim")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    agreement = models.ForeignKey(
        PerformanceAgreement, on_delete=models.CASCADE, related_name="activities"
    )
    seq = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=300)
    assignment_type = models.CharField(max_length=10, choices=AssignmentType.choices)
    basis_refs = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return self.name


class Skp(TimeStampedModel):
    """A Sasaran Kinerja Pegawai: an employee's targets for the part of a year they hold one
    position (a change of position starts a new SKP for the rest of the year)."""

    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Disusun")
        SUBMITTED = "SUBMITTED", _("Menunggu persetujuan")
        APPROVED = "APPROVED", _("Disetujui")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="skps")
    position = models.ForeignKey(Position, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    starts_on = models.DateField()
    ends_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    appraiser = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    appraiser_rule = models.CharField(max_length=20, blank=True)
    appraiser_citation = models.CharField(max_length=300, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["government", "year"], name="skp_gov_year"),
            models.Index(fields=["government", "appraiser", "status"], name="skp_appraiser_status"),
            models.Index(fields=["government", "unit", "year"], name="skp_unit_year"),
            # The agency dashboard's whole-subtree count, answered from the index alone.
            models.Index(
                fields=["government", "year", "unit", "status"], name="skp_year_unit_status"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "employee", "position", "year"],
                name="skp_one_per_position_year",
            ),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="skp_span"),
        ]

    def __str__(self) -> str:
        return f"SKP {self.employee_id} {self.year} ({self.starts_on}..{self.ends_on})"


class Rhk(models.Model):
    """A rencana hasil kerja of an SKP, main or additional, cascaded from the superior's RHK
    (directly or by intervention) or, for a unit head, from the unit's PK."""

    class Kind(models.TextChoices):
        UTAMA = "UTAMA", _("Utama")
        TAMBAHAN = "TAMBAHAN", _("Tambahan")

    class Cascade(models.TextChoices):
        DIRECT = "DIRECT", _("Langsung")
        INTERVENTION = "INTERVENTION", _("Intervensi")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="rhks")
    seq = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField()
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="cascaded"
    )
    cascade = models.CharField(max_length=14, choices=Cascade.choices, blank=True)
    pk_indicator = models.ForeignKey(
        PkIndicator, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(parent__isnull=True, cascade="")
                | Q(parent__isnull=False, cascade__gt=""),
                name="rhk_cascade_with_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class RhkIndicator(models.Model):
    """An indicator of an RHK with its target, quantitative or qualitative."""

    class Approach(models.TextChoices):
        KUANTITATIF = "KUANTITATIF", _("Kuantitatif")
        KUALITATIF = "KUALITATIF", _("Kualitatif")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    rhk = models.ForeignKey(Rhk, on_delete=models.CASCADE, related_name="indicators")
    seq = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300)
    approach = models.CharField(max_length=12, choices=Approach.choices)
    target = models.CharField(max_length=120)

    def __str__(self) -> str:
        return self.text


class Expectation(models.Model):
    """The leader's specific expectation of one BerAKHLAK core value (with output, target and
    timeline where the pack requires them: Blitar Pasal 25 huruf a)."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="expectations")
    core_value = models.CharField(max_length=30)
    text = models.TextField()
    output = models.CharField(max_length=300, blank=True)
    target = models.CharField(max_length=120, blank=True)
    timeline = models.CharField(max_length=120, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "skp", "core_value"], name="expectation_one_per_value"
            )
        ]

    def __str__(self) -> str:
        return self.core_value


class Rating(TimeStampedModel):
    """A penilaian kinerja of an SKP for one period (periodic or annual): the ratings of
    results and behaviour, the predikat from the matrix, and its sign-off."""

    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Draf")
        SIGNED = "SIGNED", _("Ditetapkan")

    class Value(models.TextChoices):
        """A rating against the expectation (the pack's P-PREDIKAT `ratings`)."""

        ABOVE = "DI_ATAS_EKSPEKTASI", _("Di atas ekspektasi")
        MEETS = "SESUAI_EKSPEKTASI", _("Sesuai ekspektasi")
        BELOW = "DI_BAWAH_EKSPEKTASI", _("Di bawah ekspektasi")

    class Predikat(models.TextChoices):
        """Predikat kinerja pegawai (the pack's P-PREDIKAT `predikat`, SPEC §10.2)."""

        SANGAT_BAIK = "SANGAT_BAIK", _("Sangat Baik")
        BAIK = "BAIK", _("Baik")
        BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN", _("Butuh Perbaikan")
        KURANG = "KURANG", _("Kurang/Misconduct")
        SANGAT_KURANG = "SANGAT_KURANG", _("Sangat Kurang")

    class PeriodKind(models.TextChoices):
        MONTHLY = "MONTHLY", _("Bulan")
        QUARTERLY = "QUARTERLY", _("Triwulan")
        SEMESTER = "SEMESTER", _("Semester")
        ANNUAL = "ANNUAL", _("Tahunan")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    skp = models.ForeignKey(Skp, on_delete=models.PROTECT, related_name="ratings")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    period_kind = models.CharField(max_length=10, choices=PeriodKind.choices)
    period_index = models.PositiveSmallIntegerField()
    period_start = models.DateField()
    period_end = models.DateField()
    result_rating = models.CharField(max_length=20, choices=Value.choices)
    behaviour_rating = models.CharField(max_length=20, choices=Value.choices)
    predikat = models.CharField(max_length=20, choices=Predikat.choices)
    note = models.TextField(blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=0)
    drafted_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    signed_by = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_at = models.DateTimeField(null=True, blank=True)
    appraiser_rule = models.CharField(max_length=20, blank=True)
    appraiser_citation = models.CharField(max_length=300, blank=True)
    curve_justification = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["government", "unit", "year", "period_kind", "period_index"],
                name="rating_unit_period",
            ),
            # The agency dashboard's whole-subtree count, answered from the index alone.
            models.Index(
                fields=[
                    "government",
                    "year",
                    "period_kind",
                    "period_index",
                    "unit",
                    "predikat",
                    "status",
                ],
                name="rating_period_unit_counts",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "skp", "period_kind", "period_index"],
                name="rating_one_per_period",
            ),
            models.CheckConstraint(
                condition=Q(status="DRAFT", signed_by__isnull=True, signed_at__isnull=True)
                | Q(status="SIGNED", signed_by__isnull=False, signed_at__isnull=False),
                name="rating_signed_has_signer",
            ),
        ]

    def __str__(self) -> str:
        return f"rating {self.skp_id} {self.period_kind}{self.period_index} ({self.status})"


class UnitLevel(TimeStampedModel):
    """The capaian kinerja organisasi of a unit for a period, set by the leader one level up;
    it chooses the curve the unit's employees' predikat keep (SPEC §10.3)."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    period_kind = models.CharField(max_length=10)
    period_index = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=20)
    recommendations = models.TextField(blank=True)
    set_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField()
    setter_rule = models.CharField(max_length=20, blank=True)
    setter_citation = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "unit", "year", "period_kind", "period_index"],
                name="unit_level_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year} {self.period_kind}{self.period_index}: {self.level}"


class Dialogue(TimeStampedModel):
    """A recorded performance dialogue on an SKP: the employee and their appraiser setting and
    clarifying expectations (SPEC §6.3; mandatory for team work where the pack says, V-59)."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    skp = models.ForeignKey(Skp, on_delete=models.PROTECT, related_name="dialogues")
    held_on = models.DateField()
    with_employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    topic = models.CharField(max_length=300)
    outcome = models.TextField()

    class Meta:
        indexes = [models.Index(fields=["government", "skp", "held_on"], name="dialogue_skp_held")]

    def __str__(self) -> str:
        return f"dialogue {self.skp_id} {self.held_on}"


# The objection to a rating, and what flows in from assignments and teams, considerations and
# activity-item targets, live in their own modules, registered with the app's models.
from sikerja.performance.models_feed import (  # noqa: E402
    ActivityItemTarget,
    Consideration,
    RhkProposal,
    RoleAgreement,
    RoleAgreementIndicator,
)
from sikerja.performance.models_feedback import RhkEvidence, RhkFeedback  # noqa: E402
from sikerja.performance.models_objections import Objection  # noqa: E402

__all__ = [
    "ActivityItemTarget",
    "Consideration",
    "Dialogue",
    "Expectation",
    "Objection",
    "PerformanceAgreement",
    "PkActivity",
    "PkIndicator",
    "Rating",
    "Rhk",
    "RhkEvidence",
    "RhkFeedback",
    "RhkIndicator",
    "RhkProposal",
    "RoleAgreement",
    "RoleAgreementIndicator",
    "Skp",
    "UnitLevel",
]
