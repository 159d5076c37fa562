"""The import/export page: the operator downloads the template, uploads, sees every bad row."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Employee, Government, ImportJob
from sikerja.organization.transfer import Sheet, template_csv
from sikerja.organization.transfer.jobs import import_job_claim, import_job_queue, import_job_run

EXPECTED_ROWS = [("pegawai", 2, "nip")]


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


@pytest.mark.parametrize("sheet", ["pegawai", "employee"])
def test_a_csv_template_downloads_with_indonesian_headers_by_either_name(world, user_of, sheet):
    url = reverse("web:transfer-template-csv", kwargs={"sheet": sheet})

    response = _client(user_of("bkpsdm")).get(url)

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="templat-pegawai.csv"'
    assert response.content.decode().startswith("nip,nama,gelar_depan,gelar_belakang,")


def _upload(client: Client, name: str, data: bytes):
    return client.post(
        reverse("web:transfer"), {"file": SimpleUploadedFile(name, data, "text/csv")}
    )


def _queued(world, operator, now) -> ImportJob:
    return import_job_queue(
        actor=operator,
        government=Government.objects.get(pk=world.government_id),
        data=_employee_csv([]),
        filename="pegawai.csv",
        language="id",
        on=now.date(),
        at=now,
    )


def _run(job_id: int, now):
    job = import_job_claim(at=now, job_id=job_id)
    return import_job_run(job=job, at=now, clock=lambda: now)


def test_an_upload_is_queued_and_the_page_polls_its_progress(
    world, user_of, django_capture_on_commit_callbacks
):
    client = _client(user_of("bkpsdm"))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _upload(client, "pegawai.csv", _employee_csv([]))
    job = ImportJob.objects.get()
    page = client.get(response["Location"])

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('web:transfer')}?job={job.pk}"
    assert len(callbacks) == 1  # the worker thread starts once the upload is committed
    assert page.context["job"] == job
    poll = f'hx-get="{reverse("web:transfer-job", args=[job.pk])}" hx-trigger="every 1s"'
    assert poll in page.content.decode()


def test_a_file_with_a_bad_nip_shows_every_bad_row_and_nothing_is_written(world, user_of, now):
    government_id = Employee.objects.get(pk=world.personas["bkpsdm"]).government_id
    before = Employee.objects.filter(government_id=government_id).count()
    client = _client(user_of("bkpsdm"))
    _upload(client, "pegawai.csv", _employee_csv(["19851315201003100X,Nama Salah,,,PNS,,,,,,,,,,"]))
    job = _run(ImportJob.objects.get().pk, now)

    response = client.get(reverse("web:transfer-job", args=[job.pk]))

    assert response.status_code == 200
    assert response.context["job"].status == "FAILED"
    assert [(e["sheet"], e["row"], e["column"]) for e in job.errors] == EXPECTED_ROWS
    assert job.errors[0]["message"] == "NIP harus 18 digit angka (diterima 18 karakter)."
    body = response.content.decode()
    assert "NIP harus 18 digit angka (diterima 18 karakter)." in body
    assert "hx-trigger" not in body  # a finished job is not polled
    assert Employee.objects.filter(government_id=government_id).count() == before
    assert not AuditEvent.objects.filter(action="organization.imported").exists()


def test_a_non_operator_cannot_post_an_import_nor_see_a_job(world, user_of, operator, now):
    job = _queued(world, operator, now)
    client = _client(user_of("kepala_dinas"))

    posted = _upload(client, "pegawai.csv", _employee_csv([]))
    polled = client.get(reverse("web:transfer-job", args=[job.pk]))

    assert (posted.status_code, polled.status_code) == (404, 404)
    assert ImportJob.objects.count() == 1


def test_another_governments_job_is_not_found(world, operator, now, other_tenant_user):
    from sikerja.accounts.models import Account

    Account.objects.filter(user=other_tenant_user).update(role=Account.Role.BKPSDM_ADMIN)
    job = _queued(world, operator, now)

    response = _client(other_tenant_user).get(reverse("web:transfer-job", args=[job.pk]))

    assert response.status_code == 404


def test_a_second_upload_while_one_runs_is_refused_clearly(world, user_of):
    client = _client(user_of("bkpsdm"))
    _upload(client, "satu.csv", _employee_csv([]))

    response = _upload(client, "dua.csv", _employee_csv([]))

    assert response.status_code == 409
    assert response.context["error"].code == "import_running"
    assert "satu.csv" in response.content.decode()
    assert list(ImportJob.objects.values_list("filename", flat=True)) == ["satu.csv"]


def test_an_accepted_file_shows_the_full_bar_and_what_was_written(world, user_of, now):
    from sikerja.organization.models import Agency, OrgUnit

    kadis = Employee.objects.get(pk=world.personas["kepala_dinas"])
    agency = Agency.objects.filter(units__positions__placements__employee=kadis).first()
    root = OrgUnit.objects.get(agency=agency, parent=None)
    header = template_csv(Sheet.UNIT).splitlines()[0]
    row = f"{agency.code},{agency.name},{agency.agency_type},Seksi Data Baru,{root.name},SEKSI,,"
    client = _client(user_of("bkpsdm"))
    _upload(client, "unit.csv", f"{header}\n{row}\n".encode())
    job = _run(ImportJob.objects.get().pk, now)

    response = client.get(f"{reverse('web:transfer')}?job={job.pk}")

    assert response.status_code == 200
    assert job.written["units_created"] == 1
    body = response.content.decode()
    assert 'max="1" value="1">100%</progress>' in body
    assert "Unit baru: 1" in body
    assert OrgUnit.objects.filter(agency=agency, name="Seksi Data Baru", parent=root).count() == 1


def test_a_finished_import_reads_in_english(world, user_of, operator, now, settings):
    job = _queued(world, operator, now)
    ImportJob.objects.filter(pk=job.pk).update(language="en")
    job = _run(job.pk, now)
    client = _client(user_of("bkpsdm"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    with translation.override(settings.LANGUAGE_CODE):  # the request's English ends with it
        body = client.get(reverse("web:transfer-job", args=[job.pk])).content.decode()

    assert job.status == "DONE"
    assert "Every row is good; the following was saved." in body
    assert "New employees: 0" in body
