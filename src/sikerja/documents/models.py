"""Naskah dinas: numbering registers, issued letters and their revocations.

An issued letter never changes: database triggers refuse every UPDATE of a letter or a
revocation (migration 0002). Its status changes only by adding a revocation.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sikerja.organization.models import Agency, Employee, Government


class NumberRegister(models.Model):
    """A register of naskah dinas numbers: one per issuing Perangkat Daerah and year."""

    # The agency's government (docs/scaling.md: every tenant table is keyed by government).
    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "agency", "year"], name="numberregister_agency_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last_number}"


class Letter(models.Model):
    """An issued naskah dinas (or a recorded letter of another government), frozen as issued."""

    class DocType(models.TextChoices):
        INVOLVEMENT_REQUEST = "INVOLVEMENT_REQUEST", _("Surat permohonan pelibatan")
        INVOLVEMENT_REPLY = "INVOLVEMENT_REPLY", _("Surat jawaban permohonan pelibatan")
        INSTRUCTION = "INSTRUCTION", _("Instruksi")
        STAFF_LIST = "STAFF_LIST", _("Daftar pegawai yang ditugaskan")
        ASSIGNMENT_LETTER = "ASSIGNMENT_LETTER", _("Surat penugasan")
        ORDER_LETTER = "ORDER_LETTER", _("Surat perintah")
        ASSIGNMENT_PROOF = "ASSIGNMENT_PROOF", _("Bukti penugasan")
        DECREE = "DECREE", _("Keputusan")
        VOLUNTARY_APPLICATION = "VOLUNTARY_APPLICATION", _("Surat pengajuan untuk dilibatkan")
        VOLUNTARY_APPROVAL_FORWARD = (
            "VOLUNTARY_APPROVAL_FORWARD",
            _("Surat permohonan persetujuan pengajuan"),
        )
        ORAL_REQUEST_RECORD = "ORAL_REQUEST_RECORD", _("Catatan permohonan lisan")

    class Medium(models.TextChoices):
        ELECTRONIC = "ELECTRONIC", _("Elektronik")
        PAPER = "PAPER", _("Kertas")

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField(null=True, blank=True)
    number = models.CharField(max_length=100, blank=True)
    doc_type = models.CharField(max_length=40, choices=DocType.choices)
    title = models.CharField(max_length=300)
    issued_on = models.DateField()
    issued_at = models.DateTimeField()
    signer = models.JSONField()
    addressees = models.JSONField(default=list)
    cc = models.JSONField(default=list)
    body = models.JSONField(default=dict)
    on_behalf_of = models.CharField(max_length=200, blank=True)
    citation = models.TextField(blank=True)
    verification_code = models.CharField(max_length=32, unique=True)
    content_sha256 = models.CharField(max_length=64)
    workflow_instance_id = models.BigIntegerField(null=True, blank=True)
    workflow_step_id = models.BigIntegerField(null=True, blank=True)
    is_external = models.BooleanField(default=False)
    medium = models.CharField(max_length=12, choices=Medium.choices, default=Medium.ELECTRONIC)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "agency", "year", "sequence"], name="letter_number_unique"
            ),
            # Own letters carry a register number; recorded external letters carry none.
            models.CheckConstraint(
                condition=(
                    Q(is_external=False, agency__isnull=False, sequence__gte=1)
                    | Q(is_external=True, agency__isnull=True, sequence__isnull=True)
                ),
                name="letter_register_iff_own",
            ),
            models.CheckConstraint(
                condition=Q(medium__in=["ELECTRONIC", "PAPER"]), name="letter_medium_known"
            ),
        ]
        indexes = [
            models.Index(fields=["workflow_instance_id"], name="letter_workflow_instance"),
            models.Index(fields=["workflow_step_id"], name="letter_workflow_step"),
        ]

    def __str__(self) -> str:
        return self.number or self.verification_code


class LetterParty(models.Model):
    """Who a letter names, as rows: its signer, addressees and copies (tembusan).

    The letter keeps its frozen snapshots; these rows let a read ask "which letters name me"
    in one indexed query (V-26: an official copied may open the assignment and its letters).
    """

    class Role(models.TextChoices):
        SIGNER = "SIGNER", _("Penanda tangan")
        TO = "TO", _("Yth.")
        CC = "CC", _("Tembusan")

    # The letter's government (docs/scaling.md).
    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="parties")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=8, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "letter", "employee", "role"], name="letterparty_unique"
            ),
        ]
        indexes = [models.Index(fields=["employee", "role"], name="letterparty_employee_role")]

    def __str__(self) -> str:
        return f"{self.letter_id} {self.role} {self.employee_id}"


class LetterRevocation(models.Model):
    """The revocation (pencabutan) of an issued letter: when, why and by whom."""

    # The letter's government (docs/scaling.md).
    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    letter = models.OneToOneField(Letter, on_delete=models.PROTECT, related_name="revocation")
    reason = models.TextField()
    at = models.DateTimeField()
    by_label = models.CharField(max_length=150)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="letterrevocation_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.letter_id} revoked at {self.at:%Y-%m-%d}"


class LetterFile(models.Model):
    """The PDF of an issued letter as first typeset, kept in file storage with its SHA-256.

    A row of its own, not a field of the letter: issued letters refuse every UPDATE
    (migration 0002). One file per verification address printed in it (the public base URL).
    """

    # The letter's government (docs/scaling.md).
    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="files")
    base_url = models.CharField(max_length=200)
    name = models.CharField(max_length=200)  # inside the letter storage, made from ids only
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["government", "letter", "base_url"], name="letterfile_one_per_url"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Letterhead(models.Model):
    """One version of a government's own kop surat, as its BKPSDM operator set it.

    A change adds a version; none is ever updated. A letter records at issue the version it
    was issued under (in its body, under `letter_form`), so a change reaches only later letters.
    """

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="+")
    lines = models.TextField()  # the government's name, one printed line per line
    address = models.CharField(max_length=300, blank=True)
    telephone = models.CharField(max_length=60, blank=True)
    email = models.CharField(max_length=120, blank=True)
    website = models.CharField(max_length=200, blank=True)
    lambang_name = models.CharField(max_length=200, blank=True)  # in the letter storage
    lambang_sha256 = models.CharField(max_length=64, blank=True)
    lambang_type = models.CharField(max_length=20, blank=True)  # image/png or image/jpeg
    created_at = models.DateTimeField()
    created_by = models.CharField(max_length=150)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~Q(lines=""), name="letterhead_lines_required"),
        ]
        indexes = [models.Index(fields=["government", "-id"], name="letterhead_government_latest")]

    def __str__(self) -> str:
        return f"{self.government_id} kop {self.pk}"
