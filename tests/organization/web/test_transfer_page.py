"""The import/export page: the operator downloads the template, uploads, sees every bad row."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Employee
from sikerja.organization.transfer import Sheet, template_csv

EXPECTED_ROWS = [("employee", 2, "nip")]


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _employee_csv(rows: list[str]) -> bytes:
    header = template_csv(Sheet.EMPLOYEE).splitlines()[0]
    return ("\n".join([header, *rows]) + "\n").encode()


def test_the_blank_template_downloads_as_a_workbook_for_the_operator(world, user_of):
    response = _client(user_of("bkpsdm")).get(reverse("web:transfer-template-xlsx"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="templat-sikerja.xlsx"'
    assert response.content[:2] == b"PK"


def test_a_file_with_a_bad_nip_is_refused_row_by_row_and_nothing_is_written(world, user_of):
    government_id = Employee.objects.get(pk=world.personas["bkpsdm"]).government_id
    before = (
        Employee.objects.filter(government_id=government_id).count(),
        AuditEvent.objects.count(),
    )
    data = _employee_csv(["19851315201003100X,Nama Salah,,,PNS,,,,,,,,,,"])

    response = _client(user_of("bkpsdm")).post(
        reverse("web:transfer"), {"file": SimpleUploadedFile("pegawai.csv", data, "text/csv")}
    )

    assert response.status_code == 200
    rejected = response.context["rejected"]
    assert [(e.sheet, e.row, e.column) for e in rejected.errors] == EXPECTED_ROWS
    assert rejected.errors[0].message == "NIP harus 18 digit angka (diterima 18 karakter)."
    assert (
        Employee.objects.filter(government_id=government_id).count(),
        AuditEvent.objects.count(),
    ) == before


def test_a_non_operator_cannot_post_an_import(world, user_of):
    data = _employee_csv([])

    response = _client(user_of("kepala_dinas")).post(
        reverse("web:transfer"), {"file": SimpleUploadedFile("pegawai.csv", data, "text/csv")}
    )

    assert response.status_code == 404


def test_an_accepted_file_shows_what_was_written(world, user_of):
    from sikerja.organization.models import Agency, OrgUnit

    kadis = Employee.objects.get(pk=world.personas["kepala_dinas"])
    agency = Agency.objects.filter(units__positions__placements__employee=kadis).first()
    root = OrgUnit.objects.get(agency=agency, parent=None)
    header = template_csv(Sheet.UNIT).splitlines()[0]
    row = f"{agency.code},{agency.name},{agency.agency_type},Seksi Data Baru,{root.name},SEKSI,,"
    data = f"{header}\n{row}\n".encode()

    response = _client(user_of("bkpsdm")).post(
        reverse("web:transfer"), {"file": SimpleUploadedFile("unit.csv", data, "text/csv")}
    )

    assert response.status_code == 200
    assert response.context["rejected"] is None
    assert response.context["result"].counts()["units_created"] == 1
    assert OrgUnit.objects.filter(agency=agency, name="Seksi Data Baru", parent=root).count() == 1
