"""The demo pemda generator: complete, valid under every pack, deterministic, with personas."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from sikerja.accounts.models import Account
from sikerja.audit.models import AuditEvent
from sikerja.core.errors import ValidationFailed
from sikerja.organization import checks
from sikerja.organization.demo import DemoErrorCode, generate
from sikerja.organization.models import (
    Agency,
    Delegation,
    Employee,
    Government,
    OrgUnit,
    Placement,
    Position,
)
from sikerja.organization.nip import parse_nip
from sikerja.organization.resolver import Resolver
from sikerja.organization.services import suggested_placement_table
from sikerja.regulations.loader import available_pack_ids, load_pack

ON = dt.date(2026, 11, 23)
AT = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
REGIONAL_PACKS = [p for p in available_pack_ids() if load_pack(p).data.placement is not None]
PERSONA_NAMES = {
    "bkpsdm",
    "sekda",
    "kepala_dinas",
    "kabid",
    "subkoordinator",
    "jf_ahli_muda",
    "pelaksana",
    "outsider",
}


def _demo(pack_id: str, kode: str, employees: int = 150, seed: int = 1):
    return generate(
        pack_id=pack_id,
        employees=employees,
        seed=seed,
        kode=kode,
        at=AT,
        on=ON,
        username_prefix=True,
    )


def _active(government: Government):
    return Placement.objects.filter(government=government).effective_on(ON)


def _placement_of(employee: Employee) -> Placement:
    return (
        _active(employee.government)
        .select_related("position__unit__agency")
        .get(employee=employee, kind=Placement.Kind.DEFINITIVE)
    )


def _civil_servants(government: Government):
    """The Pegawai ASN of the government: everyone but its regional head (ADR 0008)."""
    return Employee.objects.filter(government=government).exclude(
        employment_type=Employee.EmploymentType.PEJABAT_NEGARA
    )


def _assert_complete(government: Government, employees: int) -> None:
    definitive = Counter(
        _active(government)
        .filter(kind=Placement.Kind.DEFINITIVE)
        .values_list("employee", flat=True)
    )
    assert _civil_servants(government).count() == employees
    assert sorted(set(definitive.values())) == [1]
    assert len(definitive) == employees
    heads = Counter(
        Position.objects.filter(government=government, is_head=True).values_list("unit", flat=True)
    )
    assert len(heads) == OrgUnit.objects.filter(government=government).count()
    assert set(heads.values()) == {1}
    filled = set(_active(government).values_list("position", flat=True))
    assert (
        set(Position.objects.filter(government=government).values_list("pk", flat=True)) == filled
    )


def _assert_acting(government: Government) -> None:
    acting = _active(government).exclude(kind=Placement.Kind.DEFINITIVE).select_related("position")
    kinds = Counter(placement.kind for placement in acting)
    assert kinds == {Placement.Kind.PLT: 2, Placement.Kind.PLH: 2}
    for placement in acting:
        holders = _active(government).filter(position=placement.position, kind="DEFINITIVE")
        assert holders.exists() == (placement.kind == Placement.Kind.PLH)


def _assert_nips(government: Government) -> None:
    for employee in _civil_servants(government):
        parsed = parse_nip(employee.nip)
        assert parsed.birth_date == employee.birth_date
        assert parsed.gender == employee.gender
        assert parsed.is_pppk == (employee.employment_type == Employee.EmploymentType.PPPK)


def _assert_pack_checks(government: Government) -> None:
    pack = load_pack(government.pack_id)
    positions = Position.objects.filter(government=government).select_related(
        "unit__agency", "unit__parent__parent__parent"
    )
    heads = {p.unit_id: p for p in positions if p.is_head}
    for position in positions:
        unit = position.unit
        below = {
            other.kind
            for other in positions
            if other.unit.path.startswith(unit.path) and other.pk != heads[unit.pk].pk
        }
        checks.check_unit_head_kind(pack, position)
        checks.check_position_placement(
            pack, position, heads[position.unit_id], kinds_below=lambda below=below: below
        )
    for placement in (
        _active(government)
        .filter(employee__employment_type="PPPK")
        .select_related("employee", "position")
    ):
        checks.check_pppk_position(pack, placement.employee, placement.position)


def _assert_personas(result) -> None:
    kode = result.government.kode.lower()
    logins = {f"{kode}.{name}" for name in PERSONA_NAMES | {"kepala_daerah"}}
    assert set(result.personas) == logins
    accounts = Account.objects.filter(government=result.government).select_related("user__employee")
    roles = {account.user.username: account.role for account in accounts}
    assert {login: role for login, role in roles.items() if login in logins} == {
        login: "BKPSDM_ADMIN" if login.endswith(".bkpsdm") else "EMPLOYEE" for login in logins
    }
    # Every other holder of a head position logs in with their NIP (the officials demo flows
    # reach): tests/accounts/test_demo_logins.py.
    officials = (
        Employee.objects.filter(government=result.government, placements__position__is_head=True)
        .exclude(pk__in=[employee.pk for employee in result.personas.values()])
        .values_list("nip", flat=True)
        .distinct()
    )
    assert set(roles) - logins == {f"{kode}.{nip}" for nip in officials}
    assert {roles[login] for login in set(roles) - logins} == {"EMPLOYEE"}
    head = Employee.objects.get(pk=result.personas[f"{kode}.kepala_daerah"].pk)
    assert Government.objects.get(pk=result.government.pk).regional_head == head
    assert (head.employment_type, head.nip, head.placements.exists()) == (
        "PN",
        "PN-KDH-0001",
        False,
    )
    for account in accounts:
        if account.user.username in logins:
            assert account.user.employee == result.personas[account.user.username]
    seat = {name: _placement_of(result.personas[f"{kode}.{name}"]) for name in PERSONA_NAMES}
    dinas = seat["kepala_dinas"].position.unit
    assert seat["sekda"].position.unit.unit_type == "SETDA"
    assert (dinas.depth, dinas.agency.agency_type) == (0, "DINAS")
    assert seat["kabid"].position.unit.unit_type == "BIDANG"
    assert seat["kabid"].position.unit.agency_id == dinas.agency_id
    assert seat["subkoordinator"].position.kind == Position.Kind.PENGAWAS
    assert seat["jf_ahli_muda"].position.grade == Position.Grade.AHLI_MUDA
    assert seat["jf_ahli_muda"].position.unit_id == seat["kabid"].position.unit_id
    assert seat["pelaksana"].position.kind == Position.Kind.PELAKSANA
    assert seat["pelaksana"].position.unit.agency_id == dinas.agency_id
    assert seat["bkpsdm"].position.unit.agency.code == "BKPSDM"
    assert seat["outsider"].position.unit.agency_id != dinas.agency_id
    assert all(seat[name].position.is_head for name in ("sekda", "kepala_dinas", "kabid"))
    resolver = Resolver(load_pack(result.government.pack_id))
    appraiser = resolver.appraiser(result.personas[f"{kode}.jf_ahli_muda"].pk, ON).person
    assert appraiser is not None
    assert appraiser.employee_id == result.personas[f"{kode}.kabid"].pk


@pytest.mark.django_db
@pytest.mark.parametrize("pack_id", REGIONAL_PACKS)
def test_small_demo_is_complete_valid_and_has_its_personas(pack_id):
    result = _demo(pack_id, kode=f"T{REGIONAL_PACKS.index(pack_id)}")

    government = result.government
    assert government.pack_id == pack_id
    assert government.name == f"Pemerintah {load_pack(pack_id).data.pack.region}"
    _assert_complete(government, 150)
    _assert_acting(government)
    _assert_nips(government)
    _assert_pack_checks(government)
    _assert_personas(result)
    event = AuditEvent.objects.get(government_id=government.pk, action="demo.generated")
    assert event.after["employees"] == 150
    assert result.counts["employees"] == 150


@pytest.mark.django_db
def test_same_seed_gives_the_same_people_and_structure_in_another_government():
    first = _demo("surakarta-2023", kode="DSA", seed=7)
    second = _demo("surakarta-2023", kode="DSB", seed=7)

    def people(government):
        employees = Employee.objects.filter(government=government).order_by("pk")
        return list(employees.values_list("name", "nip", "front_title", "back_title"))

    def units(government):
        return list(
            OrgUnit.objects.filter(government=government)
            .order_by("pk")
            .values_list("name", "depth")
        )

    assert people(first.government) == people(second.government)
    assert units(first.government) == units(second.government)
    assert first.counts == second.counts


@pytest.mark.django_db
def test_blitar_agency_heads_delegate_appraisal_of_the_jf_grades_in_each_bidang():
    result = _demo("blitar-2023", kode="DBL")

    pack = load_pack("blitar-2023")
    delegations = Delegation.objects.filter(government=result.government).select_related("unit")
    assert delegations.count() == 6
    for delegation in delegations:
        assert (delegation.scope, delegation.rule_id) == (Delegation.Scope.APPRAISAL, "V-41")
        assert delegation.unit.unit_type == "BIDANG"
        assert delegation.legal_basis.startswith("Keputusan Kepala ")
        grades = delegation.grades.strip(",").split(",")
        assert delegation.grades == f",{','.join(grades)},"
        sitting = set(
            Position.objects.filter(unit=delegation.unit, kind="FUNGSIONAL").values_list(
                "grade", flat=True
            )
        )
        assert set(grades) == sitting - {"AHLI_UTAMA", "AHLI_MADYA"}
        giver, receiver = (
            _placement_of(delegation.from_employee),
            _placement_of(delegation.to_employee),
        )
        assert (giver.position.unit.depth, giver.position.is_head) == (0, True)
        assert receiver.position.unit_id == delegation.unit_id
        checks.check_delegation(pack, grades=grades, to_position=receiver.position)


@pytest.mark.django_db
def test_kotim_agencies_carry_affairs_and_the_pattern_they_suggest():
    result = _demo("kotim-2023", kode="DKT")

    pack = load_pack("kotim-2023")
    agencies = Agency.objects.filter(
        government=result.government, agency_type__in=["DINAS", "BADAN", "SATUAN"]
    )
    assert agencies.exclude(affairs=[]).count() == agencies.count()
    for agency in agencies:
        expected = suggested_placement_table(pack, agency.agency_type, agency.affairs)
        assert (agency.placement_table, agency.placement_override_reason) == (expected, "")
    tables = set(agencies.values_list("placement_table", flat=True))
    assert tables == {"KTM-PD-A", "KTM-PD-B", "KTM-PD-C"}


@pytest.mark.django_db
def test_surakarta_demo_has_a_three_level_satpol_pp():
    result = _demo("surakarta-2023", kode="DSK")

    agency = Agency.objects.get(government=result.government, agency_type="SATUAN")
    assert (agency.name, agency.placement_table) == ("Satuan Polisi Pamong Praja", "SKA-3LEVEL")
    depths = set(OrgUnit.objects.filter(agency=agency).values_list("depth", flat=True))
    assert depths == {0, 1, 2}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("pack_id", "code"),
    [("no-such-pack", "unknown_pack"), ("national", DemoErrorCode.NOT_REGIONAL)],
)
def test_a_pack_without_placement_rules_is_refused_before_anything_is_written(pack_id, code):
    with pytest.raises(ValidationFailed) as refused:
        _demo(pack_id, kode="DXX")

    assert refused.value.code == code
    assert not Government.objects.filter(kode="DXX").exists()


@pytest.mark.django_db
def test_a_taken_kode_or_too_few_employees_is_refused():
    _demo("cilegon-2023", kode="DCL", employees=80)
    governments = Government.objects.count()

    with pytest.raises(ValidationFailed) as taken:
        _demo("cilegon-2023", kode="DCL", employees=80)
    with pytest.raises(ValidationFailed) as small:
        _demo("surakarta-2023", kode="DSM", employees=30)

    assert (taken.value.code, small.value.code) == ("duplicate_code", DemoErrorCode.TOO_SMALL)
    assert Government.objects.count() == governments


@pytest.mark.django_db
def test_command_builds_the_demo_and_prints_the_logins():
    out = StringIO()

    call_command(
        "demo", "--pack", "cilegon-2023", "--employees", "80", "--kode", "DCM", "--prefix",
        "--password", "rahasia-demo", stdout=out,
    )  # fmt: skip

    printed = out.getvalue()
    assert "Pemerintah Kota Cilegon (DCM)" in printed
    assert "80 pegawai" in printed
    assert "dcm.sekda" in printed
    assert "dcm.kepala_daerah" in printed
    assert "Sekretaris Daerah" in printed
    assert "Pegawai Perangkat Daerah lain" in printed
    assert "rahasia-demo" in printed
    user = get_user_model().objects.get(username="dcm.kabid")
    assert user.check_password("rahasia-demo")


@pytest.mark.django_db
def test_command_if_empty_lists_the_existing_logins_and_builds_nothing():
    _demo("cilegon-2023", kode="DCE", employees=80)
    governments = Government.objects.count()
    out = StringIO()

    call_command("demo", "--pack", "surakarta-2023", "--employees", "150", "--if-empty", stdout=out)

    assert Government.objects.count() == governments
    assert "dce.outsider" in out.getvalue()


@pytest.mark.django_db
def test_command_refuses_an_unknown_pack_and_lists_the_available_ones():
    with pytest.raises(CommandError, match=r"available packs: .*surakarta-2023"):
        call_command("demo", "--pack", "atlantis-2099", "--employees", "100")
