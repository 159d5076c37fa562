"""Demo employees: plausible names and titles, ages that fit the position, and valid NIPs.

A NIP is YYYYMMDD (birth) + YYYYMM (TMT; a PPPK carries "21" for the month) + gender digit
(1 = L, 2 = P) + a three-digit sequence, unique within the government.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass

from sikerja.organization.demo.names import FLAVOURS, GROUPS, NOBLE_SHARE, NameGroup
from sikerja.organization.models import Employee
from sikerja.organization.nip import PPPK_MONTH_MARK

PPPK_FIRST_YEAR = 2019  # the first PPPK were appointed under PP 49/2018
# Age band (at `on`) and years of service needed, by position kind or JF grade.
AGE_BANDS: dict[str, tuple[int, int, int]] = {
    "JPT_MADYA": (52, 58, 25),
    "JPT_PRATAMA": (45, 58, 18),
    "ADMINISTRATOR": (40, 57, 12),
    "PENGAWAS": (32, 56, 6),
    "AHLI_UTAMA": (52, 60, 22),
    "AHLI_MADYA": (45, 58, 14),
    "AHLI_MUDA": (35, 56, 7),
    "AHLI_PERTAMA": (25, 45, 1),
    "PENYELIA": (42, 57, 15),
    "MAHIR": (32, 55, 6),
    "TERAMPIL": (24, 48, 1),
    "PEMULA": (20, 30, 0),
    "PELAKSANA": (20, 57, 0),
}
# Officials and JF Keahlian hold a degree, so they entered the service at 22 or later.
GRADUATE_BANDS = frozenset(
    {
        "JPT_MADYA",
        "JPT_PRATAMA",
        "ADMINISTRATOR",
        "PENGAWAS",
        "AHLI_UTAMA",
        "AHLI_MADYA",
        "AHLI_MUDA",
        "AHLI_PERTAMA",
    }
)
HEAD_DEGREES = {
    "kesehatan": ("S.KM., M.Kes.", "S.Kep., Ns., M.Kep.", "S.KM., M.PH."),
    "pendidikan": ("S.Pd., M.Pd.", "S.Pd., M.Si."),
    "pu": ("S.T., M.T.", "S.T., M.Eng."),
    "pertanian": ("S.P., M.Si.", "S.Pt., M.P."),
    "keuangan": ("S.E., M.Si.", "S.E., M.M.", "S.E., Ak., M.Ak."),
    "hukum": ("S.H., M.H.",),
    "kominfo": ("S.Kom., M.Kom.", "S.T., M.T.", "S.Sos., M.Si."),
    "sdm": ("S.Psi., M.Si.", "S.Sos., M.M.", "S.AP., M.AP."),
    "pemerintahan": ("S.STP., M.Si.", "S.Sos., M.Si.", "S.IP., M.AP.", "S.H., M.H."),
    "": ("S.Sos., M.Si.", "S.E., M.M.", "S.AP., M.AP.", "S.H., M.H.", "S.T., M.T."),
}
HEAD_DOMAIN = {
    "puskesmas": "kesehatan",
    "rs": "kesehatan",
    "sekolah": "pendidikan",
    "setda": "pemerintahan",
}
DOCTOR_DEGREES = ("M.Kes.", "MPH", "", "Sp.KKLP.")
# Before the 1990s a first degree was written in front of the name: Drs./Dra. or Ir.
OLD_TITLES = {
    "S.Sos.": ("Drs.", "Dra."),
    "S.E.": ("Drs.", "Dra."),
    "S.AP.": ("Drs.", "Dra."),
    "S.IP.": ("Drs.", "Dra."),
    "S.Pd.": ("Drs.", "Dra."),
    "S.T.": ("Ir.", "Ir."),
    "S.P.": ("Ir.", "Ir."),
}
OLD_TITLE_BEFORE = 1972


@dataclass(frozen=True)
class PersonSpec:
    """What the position says about its holder: band key, gender mix, titles, PNS or PPPK."""

    band: str
    female_share: float
    degrees: tuple[str, ...]
    front: str = ""
    pppk: bool = False


class PeopleMaker:
    """Makes unsaved Employee rows for one government, deterministically from the dice."""

    def __init__(self, rng: random.Random, flavour: str, on: dt.date) -> None:
        self.rng, self.on = rng, on
        mix = FLAVOURS.get(flavour, FLAVOURS["jawa"])
        self.groups = [GROUPS[key] for key, _ in mix]
        self.cumulative = [sum(weight for _, weight in mix[: i + 1]) for i in range(len(mix))]
        self.prefixes: Counter[str] = Counter()

    def make(self, spec: PersonSpec) -> tuple[Employee, dt.date]:
        """One employee and the first day they may be placed (their TMT)."""
        rng = self.rng
        female = rng.random() < spec.female_share
        group = rng.choices(self.groups, cum_weights=self.cumulative)[0]
        birth, tmt = self._dates(spec)
        front, back = self._titles(group, spec, female, birth)
        month = PPPK_MONTH_MARK if spec.pppk else tmt.month
        prefix = f"{birth:%Y%m%d}{tmt.year:04d}{month:02d}{2 if female else 1}"
        self.prefixes[prefix] += 1
        employee = Employee(
            nip=f"{prefix}{self.prefixes[prefix]:03d}",
            name=self._name(group, female),
            front_title=front,
            back_title=back,
            employment_type="PPPK" if spec.pppk else "PNS",
            gender="P" if female else "L",
            birth_date=birth,
        )
        return employee, tmt

    def _dates(self, spec: PersonSpec) -> tuple[dt.date, dt.date]:
        young, old, service = AGE_BANDS[spec.band]
        rng, on = self.rng, self.on
        age = rng.randint(young, old)
        birth = on.replace(year=on.year - age, month=1, day=1) + dt.timedelta(
            days=rng.randint(0, 364)
        )
        if spec.pppk:
            first = max(PPPK_FIRST_YEAR, birth.year + 20)
            year = rng.randint(min(first, on.year - 1), on.year - 1)
            return birth, dt.date(year, rng.randint(1, 12), 1)
        entry = birth.year + (22 if spec.band in GRADUATE_BANDS else 19)
        latest = max(entry, min(on.year - max(service, 1), birth.year + 35))
        year = rng.randint(min(entry, latest), latest)
        return birth, dt.date(year, rng.choice((1, 3, 4, 12)), 1)

    def _name(self, group: NameGroup, female: bool) -> str:
        rng = self.rng
        first = rng.choice(group.female if female else group.male)
        if rng.random() < group.single_name_share:
            return first
        last = rng.choice(group.female_last if female else group.male_last)
        if last == first:
            last = rng.choice(group.male_last if not female else group.female_last)
        middle = ""
        if rng.random() < 0.15:
            middle = rng.choice(group.female if female else group.male)
            middle = "" if middle in {first, last} else f"{middle} "
        noble = group.noble_female if female else group.noble_male
        prefix = f"{noble} " if noble and rng.random() < NOBLE_SHARE else ""
        return f"{prefix}{first} {middle}{last}"

    def _titles(
        self, group: NameGroup, spec: PersonSpec, female: bool, birth: dt.date
    ) -> tuple[str, str]:
        rng = self.rng
        front, back = spec.front, rng.choice(spec.degrees) if spec.degrees else ""
        first_degree, _, master = back.partition(", ")
        old = OLD_TITLES.get(first_degree)
        if old and not front and birth.year <= OLD_TITLE_BEFORE and rng.random() < 0.3:
            front, back = old[1] if female else old[0], master
        if rng.random() < group.muslim_share * 0.12 and self.on.year - birth.year >= 40:
            front = f"{front} {'Hj.' if female else 'H.'}".strip()
        return front, back


def head_spec(
    kind: str, domain: str, jf_degrees: tuple[str, ...], jf_front: str, rng: random.Random
) -> PersonSpec:
    """The holder of a unit head position: a structural official, or a JF leading the unit."""
    if kind == "FUNGSIONAL":
        return PersonSpec("AHLI_MADYA", 0.55, jf_degrees, front=jf_front)
    degrees = HEAD_DEGREES.get(HEAD_DOMAIN.get(domain, domain), HEAD_DEGREES[""])
    if kind == "PENGAWAS":
        degrees = tuple(d.split(", M", 1)[0] for d in degrees) + degrees[:1]
    front = "dr." if domain in {"kesehatan", "rs", "puskesmas"} and rng.random() < 0.5 else ""
    if front:
        degrees = DOCTOR_DEGREES
    share = {"JPT_MADYA": 0.2, "JPT_PRATAMA": 0.25}.get(kind, 0.4)
    return PersonSpec(kind, share, degrees, front=front)
