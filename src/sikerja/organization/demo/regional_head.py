"""The demo pemda's regional head (Bupati / Wali Kota): a Pejabat Negara with a login.

The regional head decides and signs the Keputusan of the regional head (V-71). An elected
official has no NIP (ADR 0008): the demo gives them a registration number and takes their name
from dice of their own, so that adding them changes no other demo person.
"""

from __future__ import annotations

import datetime as dt
import random

from sikerja.organization.demo.people import HEAD_DEGREES, PeopleMaker, PersonSpec
from sikerja.organization.demo.places import region_for
from sikerja.organization.models import Employee
from sikerja.regulations.loader import LoadedPack

IDENTIFIER = "PN-KDH-0001"


def make(pack: LoadedPack, seed: int, on: dt.date) -> Employee:
    """The unsaved regional head of the demo government of a pack."""
    dice = random.Random(f"kepala-daerah-{pack.id}-{seed}")  # noqa: S311 - demo data, not secrets
    maker = PeopleMaker(dice, region_for(pack.id).flavour, on)
    employee, _tmt = maker.make(PersonSpec("JPT_MADYA", 0.2, HEAD_DEGREES[""]))
    employee.nip = IDENTIFIER
    employee.employment_type = Employee.EmploymentType.PEJABAT_NEGARA
    return employee
