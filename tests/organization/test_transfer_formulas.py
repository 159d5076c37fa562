"""Export never hands a spreadsheet a formula (OWASP CSV injection), and the data stays intact."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from sikerja.organization.transfer import Sheet, export_csv, export_xlsx, import_file
from sikerja.organization.transfer.formulas import csv_escape, csv_unescape
from tests.organization.builders import NOW, build_org
from tests.organization.test_transfer_export import ON, contents, fresh_government

NAMES = (
    '=HYPERLINK("http://evil.example/x","Klik")',
    "+62 Budi",
    "-Sari",
    "@SUM(A1)",
    "'=Sudah Berkutip",
)


@pytest.fixture
def org():
    """The builder's pemda with employees whose names a spreadsheet would evaluate."""
    org = build_org("surakarta-2023")
    for name in NAMES:
        org.person(name)
    return org


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=1", "''=1"),
        ("'biasa", "'biasa"),
        ("Budi", "Budi"),
        ("", ""),
    ],
)
def test_csv_escape_quotes_what_a_spreadsheet_evaluates_and_unescape_restores_it(value, escaped):
    assert csv_escape(value) == escaped
    assert csv_unescape(escaped) == value


@pytest.mark.django_db
def test_the_xlsx_export_has_no_formula_and_keeps_each_name(org):
    data = export_xlsx(government=org.government)

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        employee_xml = archive.read("xl/worksheets/sheet4.xml").decode()
    assert "<f>" not in employee_xml
    sheet = load_workbook(io.BytesIO(data))["pegawai"]
    names = {row[1].value: row[1].data_type for row in sheet.iter_rows(min_row=2)}
    assert {name: names[name] for name in NAMES} == dict.fromkeys(NAMES, "s")


@pytest.mark.django_db
def test_the_csv_export_quotes_each_name_a_spreadsheet_would_evaluate(org):
    text = export_csv(government=org.government, sheet="employee")

    names = {row[1] for row in csv.reader(io.StringIO(text))}
    assert {"'" + name for name in NAMES} <= names
    assert not names & set(NAMES)


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_an_exported_file_imports_back_to_the_same_names(org, file_format):
    target, actor = fresh_government()

    for sheet in Sheet if file_format == "csv" else [None]:
        data = (
            export_xlsx(government=org.government)
            if sheet is None
            else export_csv(government=org.government, sheet=sheet).encode("utf-8-sig")
        )
        import_file(
            actor=actor,
            government=target,
            data=data,
            filename=f"{sheet or 'export'}.{file_format}",
            at=NOW,
            on=ON,
        )

    assert contents(target) == contents(org.government)
    exported_names = {row[1] for row in contents(target)[Sheet.EMPLOYEE]}
    assert set(NAMES) <= exported_names
