"""The template speaks Indonesian (sheets unit, jabatan, pegawai; columns nip, nama, jabatan,
unit_kerja, …); files with the English names of earlier templates import the same, and every
refusal names the sheet and column as the file does."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from sikerja.organization.transfer import (
    COLUMNS,
    ImportRejected,
    Sheet,
    import_file,
    template_csv,
)
from tests.organization.builders import NOW, build_org, make_nip
from tests.organization.test_transfer_import import POSITIONS, UNITS
from tests.organization.test_transfer_support import counts, placement_row, xlsx

ON = dt.date(2026, 11, 23)


@pytest.fixture
def org():
    return build_org("surakarta-2023")


def _employees() -> list[dict[str, object]]:
    return [
        placement_row(
            make_nip(),
            "Agus Prasetyo",
            "DISDIK",
            "Bidang Pembinaan SD",
            "Kepala Bidang Pembinaan SD",
        ),
        {"nip": make_nip(), "name": "Rudi Hartono", "employment_type": "PNS", "email": "r@x.go.id"},
    ]


def _import(org, data: bytes, filename: str = "org.xlsx"):
    return import_file(
        actor=org.actor, government=org.government, data=data, filename=filename, at=NOW, on=ON
    )


@pytest.mark.django_db
@pytest.mark.parametrize("indonesian", [True, False], ids=["indonesian_case", "english_case"])
def test_a_workbook_in_either_language_imports_the_same(org, indonesian):
    data = xlsx(indonesian=indonesian, unit=UNITS, position=POSITIONS, employee=_employees())
    before = counts()

    result = _import(org, data)

    after = counts()
    assert {name: after[name] - before[name] for name in after} == {
        "Agency": 1,
        "OrgUnit": 5,
        "Position": 4,
        "Employee": 2,
        "Placement": 1,
        "AuditEvent": 1,
    }
    assert result.rows == {"unit": 5, "position": 4, "employee": 2}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("indonesian", "expected"),
    [
        (
            True,
            [
                ("pegawai", 2, "nama", "unknown_value"),
                ("pegawai", 4, "tmt", "invalid_format"),
                ("pegawai", 4, "unit_kerja", "unknown_value"),
            ],
        ),
        (
            False,
            [
                ("employee", 2, "name", "unknown_value"),
                ("employee", 4, "valid_from", "invalid_format"),
                ("employee", 4, "unit_name", "unknown_value"),
            ],
        ),
    ],
    ids=["indonesian_case", "english_case"],
)
def test_a_refusal_names_the_sheet_and_column_as_the_file_does(org, indonesian, expected):
    rows = _employees()
    rows[0]["name"] = ""
    rows.append(
        placement_row(make_nip(), "Tanggal Salah", "DINKES", "x", "y", valid_from="kemarin")
    )
    before = counts()

    with pytest.raises(ImportRejected) as rejected:
        _import(org, xlsx(indonesian=indonesian, employee=rows))

    found = [(e.sheet, e.row, e.column, e.code) for e in rejected.value.errors]
    assert found == expected
    assert counts() == before


@pytest.mark.django_db
def test_a_workbook_with_both_names_of_one_sheet_is_refused(org):
    unplaced = _employees()[1:]
    english = xlsx(employee=unplaced)
    indonesian = xlsx(indonesian=True, employee=unplaced)

    workbook = load_workbook(io.BytesIO(english))
    copy = workbook.create_sheet("pegawai")
    for row in load_workbook(io.BytesIO(indonesian))["pegawai"].iter_rows(values_only=True):
        copy.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)

    with pytest.raises(ImportRejected) as rejected:
        _import(org, buffer.getvalue())

    assert [(e.sheet, e.row, e.code) for e in rejected.value.errors] == [
        ("pegawai", 0, "invalid_format")
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("sheet", list(Sheet))
def test_the_csv_template_speaks_indonesian_and_an_english_header_still_imports(org, sheet):
    indonesian = template_csv(sheet).splitlines()[0].split(",")
    english = ",".join(column for column in _english_header(sheet))

    result = _import(org, (english + "\r\n").encode(), filename=f"{sheet.value}.csv")

    assert (
        indonesian[:2]
        == {
            Sheet.UNIT: ["kode_pd", "nama_pd"],
            Sheet.POSITION: ["kode_pd", "unit_kerja"],
            Sheet.EMPLOYEE: ["nip", "nama"],
        }[sheet]
    )
    assert result.rows == {"unit": 0, "position": 0, "employee": 0}


def _english_header(sheet: Sheet) -> list[str]:
    return [column.key for column in COLUMNS[sheet]]
