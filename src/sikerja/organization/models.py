"""Organisation data: governments, Perangkat Daerah, the unit tree, positions, people, placements,
delegations. Logins and API tokens are the accounts app's."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sikerja.core.models import TimeStampedModel

PATH_STEP = 8  # digits per unit id in OrgUnit.path


def new_access_stamp() -> int:
    """A fresh, unguessable access stamp (see `Government.access_stamp`)."""
    return secrets.randbits(62)


class Government(TimeStampedModel):
    """A tenant: a pemda (or another instansi) that runs one regulation pack."""

    class Kind(models.TextChoices):
        KABUPATEN = "KABUPATEN", _("Pemerintah Kabupaten")
        KOTA = "KOTA", _("Pemerintah Kota")
        PROVINSI = "PROVINSI", _("Pemerintah Provinsi")
        INSTANSI_PUSAT = "INSTANSI_PUSAT", _("Instansi Pusat")

    kode = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    pack_id = models.CharField(max_length=40)
    is_external = models.BooleanField(
        default=False,
        help_text=_("Instansi lain yang dicatat sebagai pihak penugasan lintas instansi"),
    )
    region_head_name = models.CharField(max_length=200, blank=True)
    regional_head = models.ForeignKey(
        "Employee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Bupati / Wali Kota: Pejabat Negara yang memutuskan Keputusan kepala daerah"),
    )
    # Changes, in the same transaction, with every change of who may see what in the government
    # (placements, delegations, units moved, accounts): cached permission scopes are keyed by
    # it (`organization.access`). A random value, not a counter, so that a rolled-back change
    # can never reuse a stamp for other data.
    access_stamp = models.BigIntegerField(default=new_access_stamp, editable=False)

    def __str__(self) -> str:
        return self.name


class Agency(TimeStampedModel):
    """A Perangkat Daerah (or, for an external instansi, its organisation)."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="agencies")
    code = models.CharField(max_length=30)
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=60, blank=True)
    agency_type = models.CharField(max_length=20)
    affairs = models.JSONField(default=list, blank=True)
    placement_table = models.CharField(max_length=40, blank=True)
    placement_override_reason = models.TextField(blank=True)
    admin_positions_equalized = models.BooleanField(default=False)
    address = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["government", "code"], name="agency_code_unique"),
        ]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class OrgUnit(TimeStampedModel):
    """A unit organisasi: one node of an agency's tree (the agency's root has no parent)."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="units")
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    name = models.CharField(max_length=200)
    unit_type = models.CharField(max_length=30)
    path = models.CharField(max_length=255, db_index=True)
    depth = models.PositiveSmallIntegerField()
    is_work_unit = models.BooleanField(default=False)
    is_independent = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["agency", "path"], name="orgunit_agency_path")]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "agency"],
                condition=Q(parent__isnull=True),
                name="orgunit_one_root",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Position(TimeStampedModel):
    """A jabatan in a unit: its kind, JF name and jenjang, and whether it heads the unit."""

    class Kind(models.TextChoices):
        JPT_UTAMA = "JPT_UTAMA", _("JPT Utama")
        JPT_MADYA = "JPT_MADYA", _("JPT Madya")
        JPT_PRATAMA = "JPT_PRATAMA", _("JPT Pratama")
        ADMINISTRATOR = "ADMINISTRATOR", _("Administrator")
        PENGAWAS = "PENGAWAS", _("Pengawas")
        FUNGSIONAL = "FUNGSIONAL", _("Jabatan Fungsional")
        PELAKSANA = "PELAKSANA", _("Pelaksana")

    class Grade(models.TextChoices):
        AHLI_UTAMA = "AHLI_UTAMA", _("Ahli Utama")
        AHLI_MADYA = "AHLI_MADYA", _("Ahli Madya")
        AHLI_MUDA = "AHLI_MUDA", _("Ahli Muda")
        AHLI_PERTAMA = "AHLI_PERTAMA", _("Ahli Pertama")
        PENYELIA = "PENYELIA", _("Penyelia")
        MAHIR = "MAHIR", _("Mahir")
        TERAMPIL = "TERAMPIL", _("Terampil")
        PEMULA = "PEMULA", _("Pemula")

    class Track(models.TextChoices):
        CORE = "CORE", _("Urusan inti")
        SUPPORTING = "SUPPORTING", _("Pendukung (supporting system)")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="positions")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    grade = models.CharField(max_length=20, choices=Grade.choices, blank=True)
    jf_name = models.CharField(max_length=120, blank=True)
    track = models.CharField(max_length=12, choices=Track.choices, blank=True)
    is_head = models.BooleanField(default=False)
    field_unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="V-46: the Bagian of the position's field, recorded by BKPSDM (a Setda JF Madya "
        "reports through its Kepala Bagian)",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "unit"],
                condition=Q(is_head=True),
                name="position_one_head_per_unit",
            ),
            models.CheckConstraint(
                condition=(Q(kind="FUNGSIONAL") & ~Q(grade=""))
                | (~Q(kind="FUNGSIONAL") & Q(grade="")),
                name="position_grade_iff_fungsional",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Employee(TimeStampedModel):
    """A Pegawai ASN (PNS or PPPK) of a government, identified by NIP; or its regional head, a
    Pejabat Negara identified by a registration number that is not a NIP (ADR 0008)."""

    class EmploymentType(models.TextChoices):
        PNS = "PNS", _("PNS")
        PPPK = "PPPK", _("PPPK")
        PEJABAT_NEGARA = "PN", _("Pejabat Negara")

    class Gender(models.TextChoices):
        MALE = "L", _("Laki-laki")
        FEMALE = "P", _("Perempuan")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="employees")
    nip = models.CharField(max_length=18)
    name = models.CharField(max_length=200)
    front_title = models.CharField(max_length=40, blank=True)
    back_title = models.CharField(max_length=60, blank=True)
    employment_type = models.CharField(max_length=4, choices=EmploymentType.choices)
    gender = models.CharField(max_length=1, choices=Gender.choices)
    birth_date = models.DateField()
    email = models.EmailField(blank=True)
    competencies = models.JSONField(default=list, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="employee",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["government", "nip"], name="employee_nip_unique"),
        ]
        # Lists order employees by name (then id) within a government.
        indexes = [
            models.Index(fields=["government", "name", "id"], name="employee_government_name"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        front = f"{self.front_title} " if self.front_title else ""
        back = f", {self.back_title}" if self.back_title else ""
        return f"{front}{self.name}{back}"


# The Pegawai ASN: every employment type but the regional head's (ADR 0008).
CIVIL_SERVANT_TYPES = (Employee.EmploymentType.PNS, Employee.EmploymentType.PPPK)


class PlacementQuerySet(models.QuerySet["Placement"]):
    def effective_on(self, day: object) -> PlacementQuerySet:
        return self.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day), valid_from__lte=day)


class Placement(TimeStampedModel):
    """A kedudukan: an employee in a position from a date, definitive or acting (Plt/Plh)."""

    class Kind(models.TextChoices):
        DEFINITIVE = "DEFINITIVE", _("Definitif")
        PLT = "PLT", _("Pelaksana Tugas (Plt.)")
        PLH = "PLH", _("Pelaksana Harian (Plh.)")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="placements")
    position = models.ForeignKey(Position, on_delete=models.PROTECT, related_name="placements")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    decision_number = models.CharField(max_length=120)
    decision_date = models.DateField()
    decided_by = models.CharField(max_length=200)
    note = models.TextField(blank=True)

    objects = PlacementQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["employee", "valid_from"], name="placement_employee_from"),
            models.Index(fields=["position", "valid_from"], name="placement_position_from"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=models.F("valid_from")),
                name="placement_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} @ {self.position_id} ({self.kind})"


class DelegationQuerySet(models.QuerySet["Delegation"]):
    def effective_on(self, day: object) -> DelegationQuerySet:
        return self.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day), valid_from__lte=day)


class Delegation(TimeStampedModel):
    """A pendelegasian: an authority handed from one official to another for a period."""

    class Scope(models.TextChoices):
        APPRAISAL = "APPRAISAL", _("Penilaian kinerja")
        PERF_MGMT = "PERF_MGMT", _("Pengelolaan kinerja")
        REPORT_RECEIPT = "REPORT_RECEIPT", _("Penerimaan laporan")
        APPOINTMENT = "APPOINTMENT", _("Penunjukan")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    from_employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="delegations_given"
    )
    to_employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="delegations_received"
    )
    scope = models.CharField(max_length=20, choices=Scope.choices)
    grades = models.CharField(
        max_length=200, blank=True, help_text="',AHLI_MUDA,PLK,' or empty for every grade"
    )
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    legal_basis = models.CharField(max_length=300)
    rule_id = models.CharField(max_length=20)

    objects = DelegationQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["from_employee", "scope"], name="delegation_from_scope"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=models.F("valid_from")),
                name="delegation_valid_range",
            ),
            models.CheckConstraint(
                condition=~Q(from_employee=models.F("to_employee")),
                name="delegation_not_to_self",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scope}: {self.from_employee_id} -> {self.to_employee_id}"


class ImportJob(TimeStampedModel):
    """An organisation import uploaded by a BKPSDM operator: waiting, running, done or refused.

    The file is kept while the job waits or runs (its SHA-256 stays); `processed` of `total`
    rows tells the progress; a refused file keeps every bad row in `errors`, an accepted one
    what it wrote in `written`. At most one job per government waits or runs at a time.
    """

    class Status(models.TextChoices):
        QUEUED = "QUEUED", _("Menunggu giliran")
        RUNNING = "RUNNING", _("Sedang diproses")
        DONE = "DONE", _("Selesai")
        FAILED = "FAILED", _("Ditolak")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    # Empty for a job queued by the system (the import then acts as the system, as org_import).
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    requested_label = models.CharField(max_length=150)
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    data = models.BinaryField(blank=True)
    language = models.CharField(max_length=10, blank=True)
    on = models.DateField(help_text="The import's day: no decision may be dated after it.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    refusal = models.JSONField(default=dict, blank=True)
    written = models.JSONField(default=dict, blank=True)
    queued_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government"],
                condition=Q(status__in=["QUEUED", "RUNNING"]),
                name="import_job_one_open_per_government",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "queued_at"], name="import_job_status_queued"),
            models.Index(fields=["government", "queued_at"], name="import_job_government"),
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return 100 * self.processed // self.total if self.total else 0
