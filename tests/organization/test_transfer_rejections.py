"""organization import refusals: every bad row reported with its row, column and reason; no writes."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.core.errors import PermissionDenied
from sikerja.organization.rules import Actor
from sikerja.organization.transfer import ImportRejected, import_file
from sikerja.regulations.loader import load_pack
from tests.organization.builders import NOW, build_org, make_nip
from tests.organization.test_transfer_support import counts, csv_text, placement_row, xlsx

ON = dt.date(2026, 11, 23)


@pytest.fixture
def org():
    org = build_org("blitar-2023")
    org.position("bidang", "Pengadministrasi Perkantoran", "PELAKSANA")
    return org


def _rejected(org, data: bytes, filename: str) -> ImportRejected:
    """The refusal of the file imported by the organisation's operator (the test fails if the
    file is accepted)."""
    with pytest.raises(ImportRejected) as rejected:
        import_file(
            actor=org.actor, government=org.government, data=data, filename=filename, at=NOW, on=ON
        )
    return rejected.value


def bad_file(org) -> bytes:
    twin = make_nip()
    stored = org.people["subbidang"]
    units = [
        {
            "agency_code": "DINKES",
            "unit_name": "Unit A",
            "parent_unit_name": "Unit B",
            "unit_type": "BIDANG",
        },
        {
            "agency_code": "DINKES",
            "unit_name": "Unit B",
            "parent_unit_name": "Unit A",
            "unit_type": "BIDANG",
        },
    ]
    positions = [
        {
            "agency_code": "DINKES",
            "unit_name": "Bidang Tidak Ada",
            "title": "Pengadministrasi Umum",
            "kind": "PELAKSANA",
        },
    ]
    employees = [
        {"nip": "19850101", "name": "Nip Pendek", "employment_type": "PNS"},
        {"nip": twin, "name": "Ani Susanti", "employment_type": "PNS"},
        {"nip": twin, "name": "Budi Gunawan", "employment_type": "PNS"},
        {"nip": stored.nip, "name": "Orang Lain", "employment_type": "PNS"},
        placement_row(
            make_nip(), "Candra Wijaya", "DINKES", "Bidang Hilang", "Pengadministrasi Perkantoran"
        ),
        placement_row(
            make_nip(pppk=True),
            "Dian Permata",
            "DINKES",
            "Bidang Pelayanan Kesehatan",
            "Pengadministrasi Perkantoran",
        ),
        placement_row(
            make_nip(),
            "Eko Saputra",
            "DINKES",
            "Bidang Pelayanan Kesehatan",
            "Pengadministrasi Perkantoran",
            decision_number=None,
        ),
    ]
    return xlsx(unit=units, position=positions, employee=employees)


@pytest.mark.django_db
def test_a_file_with_bad_rows_lists_each_row_with_column_and_reason(org):
    rejected = _rejected(org, bad_file(org), "org.xlsx")

    found = [(e.sheet, e.row, e.column, e.code) for e in rejected.errors]
    assert found == [
        ("unit", 2, "parent_unit_name", "unit_cycle"),
        ("unit", 3, "parent_unit_name", "unit_cycle"),
        ("position", 2, "unit_name", "unknown_value"),
        ("employee", 2, "nip", "invalid_nip"),
        ("employee", 4, "nip", "duplicate_nip"),
        ("employee", 5, "nip", "duplicate_nip"),
        ("employee", 6, "unit_name", "unknown_value"),
        ("employee", 7, "position_title", "pppk_position_forbidden"),
        ("employee", 8, "decision_number", "decision_required"),
    ]
    assert rejected.code == "import_rejected"
    assert "9" in rejected.message


@pytest.mark.django_db
def test_rule_refusals_in_a_file_carry_the_pack_rule_and_citation(org):
    pack = load_pack("blitar-2023")

    rejected = _rejected(org, bad_file(org), "org.xlsx")

    cited = {(e.row, e.rule, e.citation) for e in rejected.errors if e.rule}
    assert cited == {(7, "V-47", pack.cite_rule("V-47")), (8, "V-39", pack.cite_rule("V-39"))}


@pytest.mark.django_db
def test_a_rejected_file_writes_nothing_and_records_no_audit_event(org):
    before = counts()

    _rejected(org, bad_file(org), "org.xlsx")

    assert counts() == before


@pytest.mark.django_db
def test_only_a_bkpsdm_operator_may_import(org):
    clerk = Actor(user_id=None, label="pegawai", government_id=org.government.pk)
    data = xlsx(employee=[{"nip": make_nip(), "name": "Fajar Nugroho", "employment_type": "PNS"}])
    before = counts()

    with pytest.raises(PermissionDenied) as refused:
        import_file(
            actor=clerk, government=org.government, data=data, filename="org.xlsx", at=NOW, on=ON
        )

    assert refused.value.rule == "V-39"
    assert counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("filename", "data", "expected"),
    [
        ("org.pdf", b"%PDF", [("", 0, "", "invalid_format")]),
        ("org.xlsx", b"not a zip", [("", 0, "", "invalid_format")]),
        ("org.csv", b"kode,nama\r\nx,y\r\n", [("", 1, "", "invalid_format")]),
        ("org.csv", b"nip,name\r\n\xff\xfe", [("", 0, "", "invalid_format")]),
    ],
    ids=["unknown_extension_case", "not_a_workbook_case", "unknown_header_case", "not_utf8_case"],
)
def test_an_unreadable_file_is_rejected_as_a_whole(org, filename, data, expected):
    rejected = _rejected(org, data, filename)

    assert [(e.sheet, e.row, e.column, e.code) for e in rejected.errors] == expected


@pytest.mark.django_db
def test_a_header_with_an_unknown_or_a_missing_required_column_is_reported_on_row_1(org):
    data = b"nip;namae;employment_type;emial\r\n198001012005011001;Gita;PNS;g@example.go.id\r\n"

    rejected = _rejected(org, data, "pegawai.csv")

    assert [(e.row, e.column, e.code) for e in rejected.errors] == [
        (1, "namae", "invalid_format"),
        (1, "emial", "invalid_format"),
        (1, "name", "invalid_format"),
    ]


@pytest.mark.django_db
def test_a_missing_column_of_an_indonesian_header_is_named_in_indonesian(org):
    data = b"nip;nama;surel\r\n198001012005011001;Gita;g@example.go.id\r\n"

    rejected = _rejected(org, data, "pegawai.csv")

    assert [(e.sheet, e.row, e.column, e.code) for e in rejected.errors] == [
        ("pegawai", 1, "jenis_kepegawaian", "invalid_format"),
    ]


@pytest.mark.django_db
def test_optional_columns_may_be_left_out_of_a_csv(org):
    nip = make_nip()
    data = f"nip,name,employment_type\r\n{nip},Gita Purnama,PNS\r\n".encode()

    result = import_file(
        actor=org.actor, government=org.government, data=data, filename="pegawai.csv", at=NOW, on=ON
    )

    assert result.written.employees_created == 1


@pytest.mark.django_db
def test_a_nip_stored_as_a_number_is_reported_as_rounded(org):
    data = xlsx(
        employee=[{"nip": 1.98001012005011e17, "name": "Hadi Susilo", "employment_type": "PNS"}]
    )

    rejected = _rejected(org, data, "org.xlsx")

    assert [(e.row, e.column, e.code) for e in rejected.errors] == [(2, "nip", "invalid_nip")]


@pytest.mark.django_db
def test_bad_cells_are_reported_once_each(org):
    row = placement_row(
        make_nip(),
        "Indah Permatasari",
        "DINKES",
        "Bidang Pelayanan Kesehatan",
        "Pengadministrasi Perkantoran",
        valid_from="kemarin",
        valid_to="2024-01-01",
        decision_date="2027-01-01",
        email="bukan-surel",
        placement_kind="PLT",
    )
    data = csv_text("employee", [row])

    rejected = _rejected(org, data, "pegawai.csv")

    assert [(e.column, e.code) for e in rejected.errors] == [
        ("valid_from", "invalid_format"),
        ("email", "unknown_value"),
    ]


@pytest.mark.django_db
def test_placement_rules_are_checked_per_row(org):
    rows = [
        placement_row(
            make_nip(),
            "Joko Susanto",
            "DINKES",
            "Bidang Pelayanan Kesehatan",
            "Pengadministrasi Perkantoran",
            placement_kind="PLT",
        ),
        placement_row(
            make_nip(),
            "Kartika Sari",
            "DINKES",
            "Bidang Pelayanan Kesehatan",
            "Pengadministrasi Perkantoran",
            valid_to="2024-01-01",
        ),
        placement_row(
            make_nip(),
            "Lukman Hakim",
            "DINKES",
            "Bidang Pelayanan Kesehatan",
            "Pengadministrasi Perkantoran",
            decision_date="2027-01-01",
        ),
        placement_row(
            make_nip(),
            "Maya Anggraini",
            "DINKES",
            "Bidang Pelayanan Kesehatan",
            "Kepala Bidang Pelayanan Kesehatan",
        ),
    ]

    rejected = _rejected(org, xlsx(employee=rows), "org.xlsx")

    assert [(e.row, e.column, e.code) for e in rejected.errors] == [
        (2, "placement_kind", "unknown_value"),
        (3, "valid_to", "date_range"),
        (4, "decision_date", "date_range"),
        (5, "position_title", "position_occupied"),
    ]


@pytest.mark.django_db
def test_unit_and_position_rows_that_contradict_stored_data_are_reported(org):
    units = [
        {
            "agency_code": "DINKES",
            "agency_name": "Dinas Kesehatan",
            "agency_type": "BADAN",
            "unit_name": "Dinas Kesehatan",
        },
        {
            "agency_code": "DINKES",
            "unit_name": "Sub Bidang Rujukan",
            "parent_unit_name": "Sekretariat",
            "unit_type": "SUBBIDANG",
        },
        {
            "agency_code": "BAPPEDA",
            "unit_name": "Bidang Perencanaan",
            "parent_unit_name": "Bappeda",
            "unit_type": "BIDANG",
        },
        {
            "agency_code": "DINKES",
            "unit_name": "Bidang Baru",
            "parent_unit_name": "Dinas Kesehatan",
            "unit_type": "BIDANG",
        },
        {
            "agency_code": "DINKES",
            "unit_name": "bidang  baru",
            "parent_unit_name": "Dinas Kesehatan",
            "unit_type": "BIDANG",
        },
    ]
    positions = [
        {
            "agency_code": "DINKES",
            "unit_name": "Bidang Pelayanan Kesehatan",
            "title": "Kepala Bidang Pelayanan Kesehatan",
            "kind": "PENGAWAS",
            "is_head": "ya",
        },
        {
            "agency_code": "DINKES",
            "unit_name": "Bidang Baru",
            "title": "Kepala Bidang Baru",
            "kind": "ADMINISTRATOR",
            "is_head": "ya",
        },
        {
            "agency_code": "DINKES",
            "unit_name": "Bidang Baru",
            "title": "Kepala Bidang Baru Lagi",
            "kind": "ADMINISTRATOR",
            "is_head": "ya",
        },
        {
            "agency_code": "DINKES",
            "unit_name": "Bidang Baru",
            "title": "Analis",
            "kind": "FUNGSIONAL",
        },
    ]

    rejected = _rejected(org, xlsx(unit=units, position=positions), "org.xlsx")

    assert [(e.sheet, e.row, e.column, e.code) for e in rejected.errors] == [
        ("unit", 2, "agency_type", "unknown_value"),
        ("unit", 3, "parent_unit_name", "unit_cycle"),
        ("unit", 4, "agency_code", "unknown_value"),
        ("unit", 6, "unit_name", "duplicate_code"),
        ("position", 2, "kind", "unknown_value"),
        ("position", 4, "is_head", "position_occupied"),
        ("position", 5, "grade", "unknown_value"),
    ]


@pytest.mark.django_db
def test_an_unknown_jf_track_is_reported_on_its_cell_and_nothing_is_written(org):
    position = {
        "agency_code": "DINKES",
        "unit_name": "Bidang Pelayanan Kesehatan",
        "title": "Analis Kebijakan Ahli Muda",
        "kind": "FUNGSIONAL",
        "grade": "AHLI_MUDA",
        "track": "INTI",
    }
    before = counts()

    rejected = _rejected(org, xlsx(position=[position]), "org.xlsx")

    assert [(e.sheet, e.row, e.column, e.code) for e in rejected.errors] == [
        ("position", 2, "track", "unknown_value"),
    ]
    assert counts() == before
