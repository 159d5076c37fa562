"""Closed vocabularies of the pack schema: rule strengths, position kinds, grades, unit types."""

from __future__ import annotations

from enum import StrEnum


class Strength(StrEnum):
    """How binding a rule is: MUST refuses, PREFERRED warns and records, MAY/SILENT inform."""

    MUST = "MUST"
    ONLY = "ONLY"
    PREFERRED = "PREFERRED"
    MAY = "MAY"
    SILENT = "SILENT"


class PositionKind(StrEnum):
    """Jenis jabatan (SPEC §2.1)."""

    JPT_UTAMA = "JPT_UTAMA"
    JPT_MADYA = "JPT_MADYA"
    JPT_PRATAMA = "JPT_PRATAMA"
    ADMINISTRATOR = "ADMINISTRATOR"
    PENGAWAS = "PENGAWAS"
    FUNGSIONAL = "FUNGSIONAL"
    PELAKSANA = "PELAKSANA"


# Structural position kinds from the top: "one level above" a kind is the next one up here.
STRUCTURAL_ORDER = (
    PositionKind.JPT_UTAMA,
    PositionKind.JPT_MADYA,
    PositionKind.JPT_PRATAMA,
    PositionKind.ADMINISTRATOR,
    PositionKind.PENGAWAS,
)


def kind_above(kind: PositionKind) -> PositionKind | None:
    """The structural kind exactly one level above `kind` (None at the top or for JF/Pelaksana)."""
    if kind not in STRUCTURAL_ORDER:
        return None
    index = STRUCTURAL_ORDER.index(kind)
    return STRUCTURAL_ORDER[index - 1] if index else None


def with_one_level_up(
    kinds: tuple[PositionKind, ...], *, one_level_up: bool
) -> frozenset[PositionKind]:
    """`kinds`, plus the kind exactly one level above each when `one_level_up` (V-40, V-41)."""
    admitted = set(kinds)
    if one_level_up:
        admitted |= {above for kind in kinds if (above := kind_above(kind)) is not None}
    return frozenset(admitted)


class Grade(StrEnum):
    """Jenjang JF (SPEC §2.1); keahlian and keterampilan tracks."""

    AHLI_UTAMA = "AHLI_UTAMA"
    AHLI_MADYA = "AHLI_MADYA"
    AHLI_MUDA = "AHLI_MUDA"
    AHLI_PERTAMA = "AHLI_PERTAMA"
    PENYELIA = "PENYELIA"
    MAHIR = "MAHIR"
    TERAMPIL = "TERAMPIL"
    PEMULA = "PEMULA"


KEAHLIAN_GRADES = frozenset(
    {Grade.AHLI_UTAMA, Grade.AHLI_MADYA, Grade.AHLI_MUDA, Grade.AHLI_PERTAMA}
)
KETERAMPILAN_GRADES = frozenset({Grade.PENYELIA, Grade.MAHIR, Grade.TERAMPIL, Grade.PEMULA})


class UnitType(StrEnum):
    """Unit types (T-UNIT-TYPES) plus the sub-units whose heads appear in placement tables."""

    SETDA = "SETDA"
    SETWAN = "SETWAN"
    DINAS = "DINAS"
    BADAN = "BADAN"
    SATUAN = "SATUAN"
    INSPEKTORAT = "INSPEKTORAT"
    BPBD = "BPBD"
    KESBANGPOL = "KESBANGPOL"
    KECAMATAN = "KECAMATAN"
    KELURAHAN = "KELURAHAN"
    RSUD = "RSUD"
    PUSKESMAS = "PUSKESMAS"
    UPTD = "UPTD"
    SATDIK = "SATDIK"
    SPNF = "SPNF"
    ASISTEN = "ASISTEN"
    BIRO = "BIRO"
    BAGIAN = "BAGIAN"
    BIDANG = "BIDANG"
    SEKRETARIAT = "SEKRETARIAT"
    INSPEKTUR_PEMBANTU = "INSPEKTUR_PEMBANTU"
    SUBBAGIAN = "SUBBAGIAN"
    SUBBIDANG = "SUBBIDANG"
    SEKSI = "SEKSI"


AGENCY_TYPES = frozenset(
    {
        UnitType.SETDA,
        UnitType.SETWAN,
        UnitType.DINAS,
        UnitType.BADAN,
        UnitType.SATUAN,
        UnitType.INSPEKTORAT,
        UnitType.BPBD,
        UnitType.KESBANGPOL,
        UnitType.KECAMATAN,
        UnitType.RSUD,
    }
)
