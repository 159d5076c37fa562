"""The import/export template: its sheets, their columns, and what each column accepts.

One definition serves the blank template, the parser and the export, so they cannot drift.
The template's sheets and headers (row 1) are Indonesian (`Sheet.label`, `Column.name`); the
English names of earlier templates (`Sheet.value`, `Column.key`, the names the code uses) are
still read. Row 2 of a template sheet is a comment row (its first cell starts with '#'), and
every row whose first cell starts with '#' is skipped on import.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sikerja.organization.models import CIVIL_SERVANT_TYPES, Placement, Position
from sikerja.regulations.schema import AGENCY_TYPES, UnitType


class Sheet(StrEnum):
    """The data sheets (XLSX) or CSV files of the template."""

    UNIT = "unit"
    POSITION = "position"
    EMPLOYEE = "employee"

    @property
    def label(self) -> str:
        """The sheet's name in the template (Indonesian)."""
        return SHEET_NAMES[self]

    @classmethod
    def named(cls, name: str) -> Sheet | None:
        """The sheet a workbook's sheet or a CSV's name means (Indonesian or English), if any."""
        return SHEET_ALIASES.get(name.strip().lower())

    @classmethod
    def of(cls, name: str) -> Sheet:
        """The sheet named (Indonesian or English); ValueError for any other name."""
        sheet = cls.named(name)
        if sheet is None:
            raise ValueError(f"unknown sheet {name!r}")
        return sheet


GUIDE_SHEET = "petunjuk"
SHEET_NAMES = {Sheet.UNIT: "unit", Sheet.POSITION: "jabatan", Sheet.EMPLOYEE: "pegawai"}
SHEET_ALIASES = {name: sheet for sheet, label in SHEET_NAMES.items() for name in (sheet, label)}


class Kind(StrEnum):
    """How a cell is read."""

    TEXT = "text"
    NIP = "nip"
    BOOL = "bool"
    DATE = "date"


@dataclass(frozen=True)
class Column:
    """One column: its key (the English header of earlier templates, the name the code uses),
    how it is read, whether it is required, its description, and its header in the template."""

    key: str
    kind: Kind
    required: Promise
    description: Promise
    allowed: str = ""
    example: str = ""
    name: str = ""

    @property
    def is_required(self) -> bool:
        """Required in every row, so the header must have it (other columns may be left out)."""
        return self.required is ALWAYS


YES_NO = "ya / tidak"
DATE_FORMATS = "YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY atau sel tanggal Excel"
ALWAYS = _("wajib")
OPTIONAL = _("tidak wajib")
WITH_POSITION = _("wajib bila jabatan diisi")

UNIT_COLUMNS = (
    Column(
        "agency_code",
        Kind.TEXT,
        ALWAYS,
        _("Kode Perangkat Daerah (kunci; unik dalam pemerintah daerah)."),
        example="DINKES",
    ),
    Column(
        "agency_name",
        Kind.TEXT,
        _("wajib pada baris induk"),
        _(
            "Nama Perangkat Daerah. Pada baris lain boleh kosong; bila diisi harus sama dengan baris induk."
        ),
        example="Dinas Kesehatan",
    ),
    Column(
        "agency_type",
        Kind.TEXT,
        _("wajib pada baris induk"),
        _("Jenis Perangkat Daerah. Pada baris lain boleh kosong; bila diisi harus sama."),
        allowed=", ".join(sorted(AGENCY_TYPES)),
        example="DINAS",
    ),
    Column(
        "unit_name",
        Kind.TEXT,
        ALWAYS,
        _(
            "Nama unit, unik dalam satu Perangkat Daerah. Pada baris induk: unit tertinggi Perangkat Daerah."
        ),
        example="Bidang Pelayanan Kesehatan",
    ),
    Column(
        "parent_unit_name",
        Kind.TEXT,
        OPTIONAL,
        _(
            "Nama unit atasan dalam Perangkat Daerah yang sama. Kosong = baris induk (unit tertinggi)."
        ),
        example="Dinas Kesehatan",
    ),
    Column(
        "unit_type",
        Kind.TEXT,
        _("wajib kecuali baris induk"),
        _("Jenis unit. Pada baris induk kosong = sama dengan jenis_pd."),
        allowed=", ".join(UnitType.__members__),
        example="BIDANG",
    ),
    Column(
        "is_work_unit",
        Kind.BOOL,
        OPTIONAL,
        _(
            "Unit kerja (mis. UPTD, Puskesmas, sekolah). Kosong = ya untuk baris induk, tidak untuk lainnya."
        ),
        allowed=YES_NO,
        example="tidak",
    ),
    Column(
        "is_independent",
        Kind.BOOL,
        OPTIONAL,
        _("Unit mandiri yang boleh dipimpin Jabatan Fungsional. Kosong = tidak."),
        allowed=YES_NO,
        example="tidak",
    ),
    Column(
        "affairs",
        Kind.TEXT,
        OPTIONAL,
        _("Baris induk: kode urusan pemerintahan, dipisah koma (paket yang mengaturnya, V-42)."),
        example="kesehatan",
    ),
    Column(
        "placement_table",
        Kind.TEXT,
        OPTIONAL,
        _("Baris induk: pola/tabel kedudukan paket. Kosong = menurut urusan atau jenis PD."),
        example="",
    ),
    Column(
        "placement_override_reason",
        Kind.TEXT,
        OPTIONAL,
        _("Baris induk: alasan bila tabel kedudukan menyimpang dari pola menurut urusan."),
        example="",
    ),
)

POSITION_COLUMNS = (
    Column(
        "agency_code",
        Kind.TEXT,
        ALWAYS,
        _("Kode Perangkat Daerah tempat jabatan berada."),
        example="DINKES",
    ),
    Column(
        "unit_name",
        Kind.TEXT,
        ALWAYS,
        _("Nama unit tempat jabatan berada (lembar unit atau data tersimpan)."),
        example="Bidang Pelayanan Kesehatan",
    ),
    Column(
        "title",
        Kind.TEXT,
        ALWAYS,
        _("Nama jabatan, unik dalam satu unit."),
        example="Kepala Bidang Pelayanan Kesehatan",
    ),
    Column(
        "kind",
        Kind.TEXT,
        ALWAYS,
        _("Jenis jabatan."),
        allowed=", ".join(Position.Kind.values),
        example="ADMINISTRATOR",
    ),
    Column(
        "grade",
        Kind.TEXT,
        _("wajib hanya untuk FUNGSIONAL"),
        _("Jenjang Jabatan Fungsional; kosong untuk jenis lain."),
        allowed=", ".join(Position.Grade.values),
    ),
    Column(
        "jf_name",
        Kind.TEXT,
        OPTIONAL,
        _("Nama Jabatan Fungsional (mis. Analis Kebijakan)."),
        example="",
    ),
    Column(
        "track",
        Kind.TEXT,
        OPTIONAL,
        _(
            "Sifat Jabatan Fungsional: CORE (urusan inti) atau SUPPORTING (pendukung); "
            "menentukan kedudukannya bila paket mengaturnya."
        ),
        allowed=", ".join(Position.Track.values),
    ),
    Column(
        "is_head",
        Kind.BOOL,
        OPTIONAL,
        _("Jabatan pimpinan unit (paling banyak satu per unit). Kosong = tidak."),
        allowed=YES_NO,
        example="ya",
    ),
)

EMPLOYEE_COLUMNS = (
    Column(
        "nip",
        Kind.NIP,
        ALWAYS,
        _("NIP 18 digit, diketik sebagai teks (format sel Teks) agar tidak dibulatkan."),
        example="198503152010031002",
    ),
    Column(
        "name",
        Kind.TEXT,
        ALWAYS,
        _("Nama tanpa gelar. Untuk NIP yang sudah terdaftar harus sama dengan nama tersimpan."),
        example="Budi Santoso",
    ),
    Column("front_title", Kind.TEXT, OPTIONAL, _("Gelar depan."), example="dr."),
    Column("back_title", Kind.TEXT, OPTIONAL, _("Gelar belakang."), example="M.Kes."),
    Column(
        "employment_type",
        Kind.TEXT,
        ALWAYS,
        _("Jenis kepegawaian; harus sesuai NIP (PPPK bila digit 13–14 = 21)."),
        allowed=", ".join(CIVIL_SERVANT_TYPES),
        example="PNS",
    ),
    Column("email", Kind.TEXT, OPTIONAL, _("Alamat surel."), example="budi@example.go.id"),
    Column(
        "agency_code",
        Kind.TEXT,
        OPTIONAL,
        _(
            "Kode Perangkat Daerah jabatan. Kosongkan kode_pd, unit_kerja dan jabatan untuk pegawai tanpa penempatan."
        ),
        example="DINKES",
    ),
    Column(
        "unit_name",
        Kind.TEXT,
        OPTIONAL,
        _("Nama unit jabatan."),
        example="Bidang Pelayanan Kesehatan",
    ),
    Column(
        "position_title",
        Kind.TEXT,
        OPTIONAL,
        _("Nama jabatan pada unit itu (lembar jabatan atau data tersimpan)."),
        example="Kepala Bidang Pelayanan Kesehatan",
    ),
    Column(
        "placement_kind",
        Kind.TEXT,
        OPTIONAL,
        _("Jenis penempatan; Plt./Plh. hanya untuk jabatan pimpinan. Kosong = DEFINITIVE."),
        allowed=", ".join(Placement.Kind.values),
        example="DEFINITIVE",
    ),
    Column(
        "valid_from",
        Kind.DATE,
        WITH_POSITION,
        _("Tanggal mulai menduduki jabatan (TMT)."),
        allowed=DATE_FORMATS,
        example="2025-01-02",
    ),
    Column(
        "valid_to",
        Kind.DATE,
        OPTIONAL,
        _("Tanggal berakhir (hari itu sudah tidak menjabat). Kosong = masih berlaku."),
        allowed=DATE_FORMATS,
    ),
    Column(
        "decision_number",
        Kind.TEXT,
        WITH_POSITION,
        _("Nomor keputusan (SK) penempatan."),
        example="821.2/015/BKPSDM/2025",
    ),
    Column(
        "decision_date",
        Kind.DATE,
        WITH_POSITION,
        _("Tanggal keputusan; tidak boleh sesudah tanggal impor."),
        allowed=DATE_FORMATS,
        example="2024-12-20",
    ),
    Column(
        "decided_by",
        Kind.TEXT,
        WITH_POSITION,
        _("Pejabat yang menetapkan keputusan."),
        example="Wali Kota",
    ),
    Column(
        "login",
        Kind.TEXT,
        OPTIONAL,
        _(
            "Nama pengguna akun Sikerja baru untuk pegawai ini (kosong = tanpa akun baru). "
            "Pegawai perlu alamat surel: ia memilih kata sandinya lewat tautan Lupa kata sandi."
        ),
        example="budi.santoso",
    ),
)

# The template's headers: Indonesian, as BKPSDM staff name the data.
NAMES: dict[Sheet, dict[str, str]] = {
    Sheet.UNIT: {
        "agency_code": "kode_pd",
        "agency_name": "nama_pd",
        "agency_type": "jenis_pd",
        "unit_name": "nama_unit",
        "parent_unit_name": "unit_atasan",
        "unit_type": "jenis_unit",
        "is_work_unit": "berstatus_unit_kerja",
        "is_independent": "unit_mandiri",
        "affairs": "urusan",
        "placement_table": "tabel_kedudukan",
        "placement_override_reason": "alasan_penyimpangan",
    },
    Sheet.POSITION: {
        "agency_code": "kode_pd",
        "unit_name": "unit_kerja",
        "title": "nama_jabatan",
        "kind": "jenis_jabatan",
        "grade": "jenjang",
        "jf_name": "nama_jf",
        "track": "sifat_jf",
        "is_head": "pimpinan_unit",
    },
    Sheet.EMPLOYEE: {
        "nip": "nip",
        "name": "nama",
        "front_title": "gelar_depan",
        "back_title": "gelar_belakang",
        "employment_type": "jenis_kepegawaian",
        "email": "surel",
        "agency_code": "kode_pd",
        "unit_name": "unit_kerja",
        "position_title": "jabatan",
        "placement_kind": "jenis_penempatan",
        "valid_from": "tmt",
        "valid_to": "tanggal_berakhir",
        "decision_number": "nomor_sk",
        "decision_date": "tanggal_sk",
        "decided_by": "pejabat_penetap",
        "login": "akun",
    },
}

COLUMNS: dict[Sheet, tuple[Column, ...]] = {
    sheet: tuple(replace(column, name=NAMES[sheet][column.key]) for column in columns)
    for sheet, columns in (
        (Sheet.UNIT, UNIT_COLUMNS),
        (Sheet.POSITION, POSITION_COLUMNS),
        (Sheet.EMPLOYEE, EMPLOYEE_COLUMNS),
    )
}

SHEET_DESCRIPTIONS: dict[Sheet, Promise] = {
    Sheet.UNIT: _(
        "Perangkat Daerah dan unit organisasi. Satu baris induk (unit_atasan kosong) per "
        "Perangkat Daerah baru; Perangkat Daerah dan unit yang sudah ada tidak diubah."
    ),
    Sheet.POSITION: _(
        "Jabatan per unit, dikenali dari (kode_pd, unit_kerja, nama_jabatan). Jabatan yang sudah ada "
        "tidak diubah."
    ),
    Sheet.EMPLOYEE: _(
        "Pegawai dan penempatannya; satu baris per penempatan (NIP yang sama boleh berulang untuk "
        "riwayat atau Plt./Plh.). Pegawai yang sudah ada: gelar dan surel diperbarui. Penempatan "
        "definitif baru mengakhiri penempatan definitif terbuka pada tanggal mulai yang baru."
    ),
}


def header(sheet: Sheet) -> list[str]:
    """The header row (row 1) of a sheet in the template (Indonesian)."""
    return [column.name for column in COLUMNS[sheet]]


def header_keys(sheet: Sheet) -> dict[str, str]:
    """Every header text a sheet accepts (Indonesian or English), to its column's key."""
    return {name: column.key for column in COLUMNS[sheet] for name in (column.key, column.name)}


def comment_row(sheet: Sheet) -> list[str]:
    """Row 2 of a template sheet: a short description under each header, skipped on import."""
    cells = [
        f"{column.required}: {column.allowed or column.description}" for column in COLUMNS[sheet]
    ]
    cells[0] = f"# {cells[0]}"
    return cells
