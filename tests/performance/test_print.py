"""The printable SKP and dokumen evaluasi kinerja: real PDFs in the lampiran layout of
PermenPANRB 6/2022, read back with pypdf; for whoever may see the SKP (404 otherwise), with the
document's SHA-256 as the ETag (304 when the client holds it)."""

from __future__ import annotations

import io
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from sikerja.organization.nip import format_nip
from tests.performance.objection_world import decide, filed, signed_rating


def text_of(response) -> str:
    """The PDF's text, whitespace collapsed."""
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def rating(team, persona):
    return signed_rating(persona("kabid"), team["jf"])


def test_the_skp_prints_the_appraised_the_appraiser_the_rhk_and_the_signatures(
    team, persona, client_of
):
    jf, kabid = persona("jf_ahli_muda"), persona("kabid")

    response = client_of("jf_ahli_muda").get(reverse("web:skp-pdf", args=[team["jf"].pk]))

    text = text_of(response)
    assert response["Content-Disposition"] == f'attachment; filename="skp-2026-{team["jf"].pk}.pdf"'
    for expected in (
        "SASARAN KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        f"NIP {format_nip(jf.nip)}",
        f"NIP {format_nip(kabid.nip)}",
        f"RHK utama {jf.pk}",
        f"RHK utama {kabid.pk}",
        "Persentase sekolah terbina (Kuantitatif) 90 %",
        "A. UTAMA",
        "B. TAMBAHAN",
        "Berorientasi Pelayanan",
        "Kolaboratif",
        "Pegawai yang Dinilai",
        "Surakarta, 23 November 2026",
    ):
        assert expected in text, expected
    assert jf.full_name in text
    assert kabid.full_name in text
    assert "DRAF" not in text


def test_the_evaluation_document_prints_results_behaviour_and_predikat(rating, persona, client_of):
    response = client_of("kabid").get(reverse("web:evaluation-pdf", args=[rating.pk]))

    text = text_of(response)
    for expected in (
        "DOKUMEN EVALUASI KINERJA PEGAWAI",
        "PERIODE: TRIWULAN IV",
        "1 OKTOBER 2026 S.D. 31 DESEMBER 2026",
        "RATING HASIL KERJA DI BAWAH EKSPEKTASI",
        "RATING PERILAKU KERJA SESUAI EKSPEKTASI",
        "PREDIKAT KINERJA PEGAWAI BUTUH PERBAIKAN",
        "CAPAIAN KINERJA ORGANISASI —",
        f"RHK utama {persona('jf_ahli_muda').pk}",
    ):
        assert expected in text, expected


def test_the_evaluation_document_prints_the_predikat_the_objection_left(rating, persona, client_of):
    objection = filed(persona("jf_ahli_muda"), rating)
    decide(persona("kepala_dinas"), objection, "change", "BAIK", reason="Bukti dukung lengkap.")

    text = text_of(client_of("jf_ahli_muda").get(reverse("web:evaluation-pdf", args=[rating.pk])))

    assert "PREDIKAT KINERJA PEGAWAI BAIK" in text
    assert "Predikat semula Butuh Perbaikan; diubah atas keberatan" in text
    assert "Bukti dukung lengkap." in text


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("jf_ahli_muda", 200),  # the employee
        ("kabid", 200),  # the appraiser
        ("kepala_dinas", 200),  # above
        ("bkpsdm", 200),
        ("subkoordinator", 404),
        ("pelaksana", 404),
        ("outsider", 404),
        ("other_tenant", 404),
    ],
)
def test_who_may_download_the_evaluation_document_case(rating, client_of, name, status):
    response = client_of(name).get(reverse("web:evaluation-pdf", args=[rating.pk]))

    assert response.status_code == status


def test_a_client_holding_the_document_gets_304_and_a_changed_one_gets_the_new_pdf(
    rating, persona, client_of
):
    client = client_of("jf_ahli_muda")
    url = reverse("web:evaluation-pdf", args=[rating.pk])
    first = client.get(url)
    etag = first["ETag"]

    held = client.get(url, headers={"If-None-Match": etag})
    objection = filed(persona("jf_ahli_muda"), rating)
    decide(persona("kepala_dinas"), objection, "change", "BAIK")
    changed = client.get(url, headers={"If-None-Match": etag})

    assert (held.status_code, held["ETag"], held.content) == (304, etag, b"")
    assert (changed.status_code, changed["ETag"] != etag) == (200, True)
    assert first["Cache-Control"] == "private, no-cache"


def test_the_same_document_gives_the_same_bytes(rating, client_of):
    url = reverse("web:evaluation-pdf", args=[rating.pk])

    assert client_of("kabid").get(url).content == client_of("jf_ahli_muda").get(url).content


def test_the_documents_are_in_indonesian_whatever_the_readers_language(rating, client_of):
    client = client_of("kabid")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    with translation.override(settings.LANGUAGE_CODE):  # the request's English ends with it
        text = text_of(client.get(reverse("web:evaluation-pdf", args=[rating.pk])))

    assert "PERIODE: TRIWULAN IV" in text
    assert "RATING HASIL KERJA DI BAWAH EKSPEKTASI" in text
