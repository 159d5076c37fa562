"""A tiny organisation built through the services, for rule-by-rule tests of one pack."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

from sikerja.organization import services, services_people
from sikerja.organization.models import Agency, Employee, Government, OrgUnit, Placement, Position
from sikerja.organization.rules import Actor

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
START = dt.date(2025, 1, 2)
_counter = itertools.count(1)
_kode = itertools.count(1)


def make_nip(*, pppk: bool = False, female: bool = False, birth_year: int = 1985) -> str:
    """A valid NIP, unique within the test run."""
    number = next(_counter)
    month = "21" if pppk else "03"
    return f"{birth_year}0{(number % 9) + 1}1{number % 10}2010{month}{2 if female else 1}{number % 999 + 1:03d}"


@dataclass
class Org:
    """Handles to a small pemda: Setda with Sekda, one Dinas with Sekretariat, Bidang, Subbidang."""

    government: Government
    actor: Actor
    setda: Agency
    dinas: Agency
    units: dict[str, OrgUnit] = field(default_factory=dict)
    heads: dict[str, Position] = field(default_factory=dict)
    people: dict[str, Employee] = field(default_factory=dict)

    def position(self, unit: str, title: str, kind: str, grade: str = "") -> Position:
        return services_people.position_create(
            actor=self.actor, unit=self.units[unit], title=title, kind=kind, grade=grade, at=NOW
        )

    def unit(
        self, key: str, parent: str, name: str, unit_type: str, head_kind: str, **flags: object
    ) -> OrgUnit:
        """A unit under `parent` with its (vacant) head position, kept as `key`.

        `flags`: is_work_unit, is_independent, and head_grade for a JF head.
        """
        grade = str(flags.pop("head_grade", ""))
        unit = services.unit_create(
            actor=self.actor,
            parent=self.units[parent],
            name=name,
            unit_type=unit_type,
            at=NOW,
            is_work_unit=bool(flags.get("is_work_unit")),
            is_independent=bool(flags.get("is_independent")),
        )
        self.units[key] = unit
        self.heads[key] = services_people.position_create(
            actor=self.actor,
            unit=unit,
            title=f"Kepala {name}",
            kind=head_kind,
            grade=grade,
            is_head=True,
            at=NOW,
        )
        return unit

    def person(
        self, name: str, *, pppk: bool = False, competencies: list[str] | None = None
    ) -> Employee:
        employee = services_people.employee_create(
            actor=self.actor,
            government=self.government,
            nip=make_nip(pppk=pppk),
            name=name,
            employment_type="PPPK" if pppk else "PNS",
            competencies=competencies,
            at=NOW,
        )
        self.people[name] = employee
        return employee

    def place(
        self,
        employee: Employee,
        position: Position,
        kind: str = "DEFINITIVE",
        start: dt.date = START,
    ) -> Placement:
        return services_people.placement_create(
            actor=self.actor,
            employee=employee,
            position=position,
            kind=kind,
            valid_from=start,
            decision_number=f"821.2/{position.pk:03d}/BKPSDM/2025",
            decision_date=start,
            decided_by="Pejabat Pembina Kepegawaian",
            at=NOW,
        )

    def staff(
        self,
        name: str,
        unit: str,
        kind: str,
        grade: str = "",
        *,
        pppk: bool = False,
        competencies: tuple[str, ...] = ("analisis kebijakan",),
    ) -> Employee:
        title = f"{'Analis Kebijakan ' + grade.replace('_', ' ').title() if grade else 'Pengadministrasi Perkantoran'}"
        position = self.position(unit, title, kind, grade)
        employee = self.person(name, pppk=pppk, competencies=list(competencies))
        self.place(employee, position)
        return employee


def build_org(pack_id: str, *, fill_heads: bool = True, affairs: list[str] | None = None) -> Org:
    """Setda (Sekda, one Asisten, one Bagian) and a Dinas (Kepala, Sekretaris, Kabid, Kasubbid)."""
    government = services.government_create(
        kode=f"T{next(_kode):04d}",
        name=f"Pemerintah Uji {pack_id}",
        kind="KOTA",
        pack_id=pack_id,
        at=NOW,
    )
    actor = Actor.system(government.pk)
    setda = services.agency_create(
        actor=actor,
        government=government,
        code="SETDA",
        name="Sekretariat Daerah",
        agency_type="SETDA",
        at=NOW,
    )
    dinas = services.agency_create(
        actor=actor,
        government=government,
        code="DINKES",
        name="Dinas Kesehatan",
        agency_type="DINAS",
        affairs=affairs or [],
        at=NOW,
    )
    org = Org(government=government, actor=actor, setda=setda, dinas=dinas)
    org.units["setda"] = OrgUnit.objects.get(agency=setda, parent=None)
    org.units["dinas"] = OrgUnit.objects.get(agency=dinas, parent=None)
    org.units["asisten"] = services.unit_create(
        actor=actor,
        parent=org.units["setda"],
        name="Asisten Pemerintahan",
        unit_type="ASISTEN",
        at=NOW,
    )
    org.units["bagian"] = services.unit_create(
        actor=actor,
        parent=org.units["asisten"],
        name="Bagian Organisasi",
        unit_type="BAGIAN",
        at=NOW,
    )
    org.units["sekretariat"] = services.unit_create(
        actor=actor, parent=org.units["dinas"], name="Sekretariat", unit_type="SEKRETARIAT", at=NOW
    )
    org.units["bidang"] = services.unit_create(
        actor=actor,
        parent=org.units["dinas"],
        name="Bidang Pelayanan Kesehatan",
        unit_type="BIDANG",
        at=NOW,
    )
    org.units["subbidang"] = services.unit_create(
        actor=actor,
        parent=org.units["bidang"],
        name="Sub Bidang Rujukan",
        unit_type="SUBBIDANG",
        at=NOW,
    )
    heads = {
        "setda": ("Sekretaris Daerah", "JPT_MADYA"),
        "asisten": ("Asisten Pemerintahan", "JPT_PRATAMA"),
        "bagian": ("Kepala Bagian Organisasi", "ADMINISTRATOR"),
        "dinas": ("Kepala Dinas Kesehatan", "JPT_PRATAMA"),
        "sekretariat": ("Sekretaris Dinas Kesehatan", "ADMINISTRATOR"),
        "bidang": ("Kepala Bidang Pelayanan Kesehatan", "ADMINISTRATOR"),
        "subbidang": ("Kepala Sub Bidang Rujukan", "PENGAWAS"),
    }
    for key, (title, kind) in heads.items():
        org.heads[key] = services_people.position_create(
            actor=actor, unit=org.units[key], title=title, kind=kind, is_head=True, at=NOW
        )
        if fill_heads:
            employee = org.person(f"Pejabat {key}")
            org.people[key] = employee
            org.place(employee, org.heads[key])
    return org


def add_agency(
    org: Org, code: str, name: str, agency_type: str = "BADAN", **kwargs: object
) -> dict[str, Employee]:
    """A second Perangkat Daerah with a head, one Bidang with its head; returns the heads."""
    agency = services.agency_create(
        actor=org.actor,
        government=org.government,
        code=code,
        name=name,
        agency_type=agency_type,
        at=NOW,
        **kwargs,
    )
    root = OrgUnit.objects.get(agency=agency, parent=None)
    bidang = services.unit_create(
        actor=org.actor, parent=root, name=f"Bidang {name}", unit_type="BIDANG", at=NOW
    )
    org.units[f"{code}.root"] = root
    org.units[f"{code}.bidang"] = bidang
    heads = {}
    for key, unit, kind in (
        (f"{code}.root", root, "JPT_PRATAMA"),
        (f"{code}.bidang", bidang, "ADMINISTRATOR"),
    ):
        position = services_people.position_create(
            actor=org.actor, unit=unit, title=f"Kepala {unit.name}", kind=kind, is_head=True, at=NOW
        )
        org.heads[key] = position
        employee = org.person(f"Pejabat {key}")
        org.people[key] = employee
        org.place(employee, position)
        heads[key] = employee
    return heads
