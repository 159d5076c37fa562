"""NIP (Nomor Induk Pegawai): 18 digits — birth date, TMT, gender, sequence. Pure Python."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

NIP_LENGTH = 18
PPPK_MONTH_MARK = 21  # a PPPK NIP carries "21" where a PNS NIP carries the TMT month
MIN_AGE_AT_TMT = 18


@dataclass(frozen=True)
class ParsedNip:
    """The parts of a valid NIP."""

    birth_date: dt.date
    tmt_year: int
    tmt_month: int | None
    is_pppk: bool
    gender: str  # "L" or "P"
    sequence: int


class InvalidNip(ValueError):
    """A NIP that cannot be right, with the reason in Indonesian."""


def parse_nip(raw: str) -> ParsedNip:
    """Parse and check a NIP; raise InvalidNip with the reason.

    Layout: YYYYMMDD (birth date) YYYYMM (TMT CPNS; PPPK: YYYY + "21") G (1 = L, 2 = P) NNN.
    """
    nip = raw.strip().replace(" ", "")
    if len(nip) != NIP_LENGTH or not nip.isdigit():
        raise InvalidNip(_("NIP harus 18 digit angka (diterima %(n)d karakter).") % {"n": len(nip)})
    try:
        birth = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError as exc:
        raise InvalidNip(
            _("Digit 1–8 NIP (%(part)s) bukan tanggal lahir yang sah.") % {"part": nip[0:8]}
        ) from exc
    tmt_year, tmt_month_raw = int(nip[8:12]), int(nip[12:14])
    is_pppk = tmt_month_raw == PPPK_MONTH_MARK
    if not is_pppk and not 1 <= tmt_month_raw <= 12:
        raise InvalidNip(
            _("Digit 13–14 NIP (%(part)s) bukan bulan TMT yang sah (01–12, atau 21 untuk PPPK).")
            % {"part": nip[12:14]}
        )
    if tmt_year < birth.year + MIN_AGE_AT_TMT:
        raise InvalidNip(
            _("TMT pada NIP (%(tmt)d) kurang dari %(age)d tahun setelah tahun lahir (%(birth)d).")
            % {"tmt": tmt_year, "age": MIN_AGE_AT_TMT, "birth": birth.year}
        )
    gender_digit = nip[14]
    if gender_digit not in {"1", "2"}:
        raise InvalidNip(
            _("Digit 15 NIP (%(digit)s) harus 1 (laki-laki) atau 2 (perempuan).")
            % {"digit": gender_digit}
        )
    sequence = int(nip[15:18])
    if sequence == 0:
        raise InvalidNip(_("Nomor urut pada NIP (digit 16–18) tidak boleh 000."))
    return ParsedNip(
        birth_date=birth,
        tmt_year=tmt_year,
        tmt_month=None if is_pppk else tmt_month_raw,
        is_pppk=is_pppk,
        gender="L" if gender_digit == "1" else "P",
        sequence=sequence,
    )


def format_nip(nip: str) -> str:
    """Show a NIP the way letters print it: 19800101 200501 1 001."""
    return f"{nip[0:8]} {nip[8:14]} {nip[14]} {nip[15:18]}" if len(nip) == NIP_LENGTH else nip


def mask_nip(nip: str) -> str:
    """Mask a NIP for lists: keep the birth year and the sequence."""
    return f"{nip[0:4]}********{nip[12:14]}*{nip[15:18]}" if len(nip) == NIP_LENGTH else "*" * 18
