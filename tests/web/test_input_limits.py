"""Pages refuse a NUL with a field error (forms) or a 400 (URLs), and too large a body with 413."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from sikerja.assignments.models import Assignment
from tests.assignments.web import test_create

form_data = test_create.form_data


@pytest.mark.django_db
def test_a_nul_typed_into_the_login_form_is_a_field_error():
    response = Client().post("/masuk/", {"username": "bkp\x00sdm", "password": "salah"})

    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert [error.code for error in errors["username"]] == ["null_characters_not_allowed"]


def test_a_nul_in_a_penugasan_request_is_a_field_error_and_nothing_is_written(client_of, form_data):
    before = Assignment.objects.count()

    response = client_of("kepala_dinas").post(
        test_create.CREATE, {**form_data, "title": "Kajian\x00"}
    )

    assert response.status_code == 400
    errors = response.context["page"].form.errors.as_data()
    assert [error.code for error in errors["title"]] == ["null_characters_not_allowed"]
    assert Assignment.objects.count() == before


@pytest.mark.parametrize("url", ["/pegawai/?q=Budi%00", "/organisasi/%00/"])
def test_a_nul_in_a_page_address_is_a_400(client_of, url):
    response = client_of("bkpsdm").get(url)

    assert (response.status_code, response["Content-Type"]) == (400, "text/plain; charset=utf-8")
    assert response.content.decode() == "Masukan tidak valid."


def test_a_form_body_over_the_size_limit_is_a_413(client_of, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = client_of("kepala_dinas").post(
        test_create.CREATE,
        urlencode({"title": "x" * 2000}),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 413
    assert response.content.decode() == "Isi permintaan melebihi batas ukuran."


def test_an_upload_is_measured_against_the_upload_limit(client_of, settings):
    settings.MAX_UPLOAD_BYTES = 1000

    response = client_of("bkpsdm").post(
        "/impor/", {"file": SimpleUploadedFile("org.csv", b"x" * 2000)}
    )

    assert response.status_code == 413
