"""organization import: an accepted file creates exactly its rows, in one audited write."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Agency, Employee, OrgUnit, Placement, Position
from sikerja.organization.transfer import Written, import_file
from tests.organization.builders import NOW, build_org, make_nip
from tests.organization.test_transfer_support import counts, csv_text, placement_row, xlsx

ON = dt.date(2026, 11, 23)

UNITS = [
    {
        "agency_code": "DISDIK",
        "agency_name": "Dinas Pendidikan",
        "agency_type": "DINAS",
        "unit_name": "Dinas Pendidikan",
    },
    {
        "agency_code": "DISDIK",
        "unit_name": "Sekretariat Dinas Pendidikan",
        "parent_unit_name": "Dinas Pendidikan",
        "unit_type": "SEKRETARIAT",
    },
    {
        "agency_code": "DISDIK",
        "unit_name": "Bidang Pembinaan SD",
        "parent_unit_name": "Dinas Pendidikan",
        "unit_type": "BIDANG",
    },
    {
        "agency_code": "DISDIK",
        "unit_name": "Seksi Kurikulum SD",
        "parent_unit_name": "Bidang Pembinaan SD",
        "unit_type": "SEKSI",
    },
    {
        "agency_code": "DINKES",
        "unit_name": "Bidang Kesehatan Masyarakat",
        "parent_unit_name": "Dinas Kesehatan",
        "unit_type": "BIDANG",
    },
]
POSITIONS = [
    {
        "agency_code": "DISDIK",
        "unit_name": "Dinas Pendidikan",
        "title": "Kepala Dinas Pendidikan",
        "kind": "JPT_PRATAMA",
        "is_head": "ya",
    },
    {
        "agency_code": "DISDIK",
        "unit_name": "Bidang Pembinaan SD",
        "title": "Kepala Bidang Pembinaan SD",
        "kind": "ADMINISTRATOR",
        "is_head": "ya",
    },
    {
        "agency_code": "DISDIK",
        "unit_name": "Bidang Pembinaan SD",
        "title": "Pengadministrasi Perkantoran",
        "kind": "PELAKSANA",
    },
    {
        "agency_code": "DINKES",
        "unit_name": "Bidang Pelayanan Kesehatan",
        "title": "Analis Kebijakan Ahli Muda",
        "kind": "FUNGSIONAL",
        "grade": "AHLI_MUDA",
        "jf_name": "Analis Kebijakan",
    },
]


@pytest.fixture
def org():
    return build_org("surakarta-2023")


def good_file(org) -> tuple[bytes, list[str]]:
    nips = [make_nip() for _ in range(4)]
    known = org.people["bidang"]
    employees: list[dict[str, object]] = [
        placement_row(
            nips[0],
            "Siti Rahmawati",
            "DISDIK",
            "Dinas Pendidikan",
            "Kepala Dinas Pendidikan",
            front_title="Dr.",
        ),
        placement_row(
            nips[1], "Agus Prasetyo", "DISDIK", "Bidang Pembinaan SD", "Kepala Bidang Pembinaan SD"
        ),
        placement_row(
            nips[2],
            "Dewi Lestari",
            "DINKES",
            "Bidang Pelayanan Kesehatan",
            "Analis Kebijakan Ahli Muda",
            email="dewi@example.go.id",
        ),
        {"nip": nips[3], "name": "Rudi Hartono", "employment_type": "PNS"},
        {"nip": known.nip, "name": known.name, "employment_type": "PNS", "back_title": "S.K.M."},
    ]
    return xlsx(unit=UNITS, position=POSITIONS, employee=employees), nips


@pytest.mark.django_db
def test_a_good_workbook_creates_exactly_its_rows_and_one_audit_event(org):
    data, _nips = good_file(org)
    before = counts()

    result = import_file(
        actor=org.actor, government=org.government, data=data, filename="org.xlsx", at=NOW, on=ON
    )

    assert result.written == Written(
        agencies_created=1,
        units_created=5,
        positions_created=4,
        employees_created=4,
        employees_updated=1,
        placements_created=3,
        placements_ended=0,
    )
    after = counts()
    assert {name: after[name] - before[name] for name in after} == {
        "Agency": 1,
        "OrgUnit": 5,
        "Position": 4,
        "Employee": 4,
        "Placement": 3,
        "AuditEvent": 1,
    }
    assert result.rows == {"unit": 5, "position": 4, "employee": 5}
    event = AuditEvent.objects.get(government_id=org.government.pk, action="organization.imported")
    assert event.object_type == "organization.government"
    assert event.after["placements_created"] == 3
    assert event.after["sha256"] == result.sha256


@pytest.mark.django_db
def test_imported_units_get_the_agency_root_path_and_depth(org):
    data, _nips = good_file(org)

    import_file(
        actor=org.actor, government=org.government, data=data, filename="org.xlsx", at=NOW, on=ON
    )

    agency = Agency.objects.get(government=org.government, code="DISDIK")
    assert (agency.name, agency.agency_type, agency.placement_table) == (
        "Dinas Pendidikan",
        "DINAS",
        "SKA-DINAS2",
    )
    root = OrgUnit.objects.get(agency=agency, parent=None)
    bidang = OrgUnit.objects.get(agency=agency, name="Bidang Pembinaan SD")
    seksi = OrgUnit.objects.get(agency=agency, name="Seksi Kurikulum SD")
    assert (root.path, root.depth, root.unit_type, root.is_work_unit) == (
        f"{root.pk:08d}.",
        0,
        "DINAS",
        True,
    )
    assert (bidang.parent_id, bidang.path, bidang.depth) == (
        root.pk,
        f"{root.pk:08d}.{bidang.pk:08d}.",
        1,
    )
    assert (seksi.parent_id, seksi.path, seksi.depth) == (
        bidang.pk,
        f"{bidang.path}{seksi.pk:08d}.",
        2,
    )
    dinkes_root = org.units["dinas"]
    kesmas = OrgUnit.objects.get(agency=org.dinas, name="Bidang Kesehatan Masyarakat")
    assert (kesmas.parent_id, kesmas.path, kesmas.depth) == (
        dinkes_root.pk,
        f"{dinkes_root.path}{kesmas.pk:08d}.",
        1,
    )


@pytest.mark.django_db
def test_imported_employees_and_placements_carry_the_file_values(org):
    data, nips = good_file(org)

    import_file(
        actor=org.actor, government=org.government, data=data, filename="org.xlsx", at=NOW, on=ON
    )

    head = Employee.objects.get(government=org.government, nip=nips[0])
    assert (head.name, head.front_title, head.employment_type) == ("Siti Rahmawati", "Dr.", "PNS")
    assert head.birth_date == dt.date(int(nips[0][:4]), int(nips[0][4:6]), int(nips[0][6:8]))
    placement = Placement.objects.get(employee=head)
    assert placement.position == Position.objects.get(
        government=org.government, title="Kepala Dinas Pendidikan"
    )
    assert (placement.kind, placement.valid_from, placement.valid_to) == (
        "DEFINITIVE",
        dt.date(2025, 1, 2),
        None,
    )
    assert (placement.decision_number, placement.decision_date, placement.decided_by) == (
        "821.2/001/BKPSDM/2025",
        dt.date(2024, 12, 20),
        "Wali Kota",
    )
    assert not Placement.objects.filter(government=org.government, employee__nip=nips[3]).exists()
    assert Employee.objects.get(pk=org.people["bidang"].pk).back_title == "S.K.M."


@pytest.mark.django_db
def test_a_csv_of_employees_with_semicolons_imports(org):
    nip = make_nip()
    data = csv_text(
        "employee",
        [
            placement_row(
                nip,
                "Rina Marlina",
                "DINKES",
                "Bidang Pelayanan Kesehatan",
                "Kepala Bidang Pelayanan Kesehatan",
                placement_kind="PLH",
                valid_from="01-02-2026",
                decision_date="20/01/2026",
            )
        ],
        delimiter=";",
    )

    result = import_file(
        actor=org.actor, government=org.government, data=data, filename="pegawai.csv", at=NOW, on=ON
    )

    assert (result.written.employees_created, result.written.placements_created) == (1, 1)
    placement = Placement.objects.get(government=org.government, employee__nip=nip)
    assert (
        placement.position_id,
        placement.kind,
        placement.valid_from,
        placement.decision_date,
    ) == (
        org.heads["bidang"].pk,
        "PLH",
        dt.date(2026, 2, 1),
        dt.date(2026, 1, 20),
    )
