import datetime as dt
import os
import time

import pytest
from weasyprint.pdf import fonts as weasyprint_fonts

from sikerja.documents.models import Letter
from sikerja.documents.render import letter_pdf, verification_url
from sikerja.organization.nip import format_nip
from tests.documents.conftest import BODY, NOW, assignee, issue, party
from tests.documents.pdftext import pdf_info, pdf_text


def _text(letter, **options) -> str:
    return pdf_text(letter_pdf(letter, **options))


def test_the_pdf_is_a_pdf_and_prints_letterhead_number_signer_and_copies(org):
    letter = issue(org, body=BODY | {"assignees": [assignee(org, "Rina Analis")]})

    pdf = letter_pdf(letter)
    text = _text(letter)

    assert pdf.startswith(b"%PDF-")
    signer = org.people["dinas"]
    for expected in (
        "PEMERINTAH UJI SURAKARTA-2023",
        "DINAS KESEHATAN",
        "SURAT TUGAS",
        "NOMOR 800.1.2.6/0001/DINKES/2026",
        "MENUGASKAN:",
        "Rina Analis",
        f"NIP. {format_nip(org.people['Rina Analis'].nip)}",
        "Dikeluarkan di Uji surakarta-2023",
        "pada tanggal 23 November 2026",
        "Kepala Dinas Kesehatan,",
        signer.full_name,
        f"NIP. {format_nip(signer.nip)}",
        "Tembusan:",
        "Sekretaris Daerah.",
    ):
        assert expected in text


def test_the_footer_carries_the_verification_address_code_and_statement(org):
    letter = issue(org)

    text = _text(letter, base_url="https://sikerja.example.go.id/")

    assert f"https://sikerja.example.go.id/verifikasi/{letter.verification_code}/" in text
    assert f"Kode verifikasi: {letter.verification_code}" in text
    assert "Dokumen ini diterbitkan secara elektronik melalui Sikerja" in text


def test_the_verification_address_defaults_to_the_configured_public_base_url(org, settings):
    letter = issue(org)
    settings.SIKERJA_PUBLIC_BASE_URL = "https://kinerja.surakarta.go.id"

    url = verification_url(letter)

    assert url == f"https://kinerja.surakarta.go.id/verifikasi/{letter.verification_code}/"


def test_the_same_letter_renders_to_the_same_bytes(org):
    letter = issue(org)

    assert letter_pdf(letter) == letter_pdf(Letter.objects.get(pk=letter.pk))


def _a_day_later(monkeypatch) -> None:
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 86_400)


@pytest.mark.parametrize("subsetter", ["harfbuzz", "fonttools"])
def test_a_letter_rendered_a_day_later_has_the_same_bytes(org, monkeypatch, subsetter):
    if subsetter == "fonttools":  # WeasyPrint's fallback where HarfBuzz-Subset is missing
        monkeypatch.setattr(weasyprint_fonts, "harfbuzz_subset", None)
    letter = issue(org)
    first = letter_pdf(letter)

    _a_day_later(monkeypatch)

    assert letter_pdf(Letter.objects.get(pk=letter.pk)) == first


def test_the_harfbuzz_subset_library_of_the_readme_is_installed():
    harfbuzz = weasyprint_fonts.harfbuzz

    assert weasyprint_fonts.harfbuzz_subset is not None
    assert harfbuzz.hb_version_atleast(4, 1, 0)


def test_the_pdf_dates_are_the_letter_issue_time(org):
    jakarta = dt.timezone(dt.timedelta(hours=7))
    letter = issue(org, at=dt.datetime(2026, 11, 23, 9, 30, 15, tzinfo=jakarta))

    info = pdf_info(letter_pdf(letter))

    expected = dt.datetime(2026, 11, 23, 2, 30, 15, tzinfo=dt.UTC)
    assert (info.creation_date, info.modification_date) == (expected, expected)
    assert (info.creator, info.producer) == ("Sikerja", "WeasyPrint 70.0")


@pytest.mark.parametrize("before", [None, "86400"])
def test_rendering_leaves_source_date_epoch_as_it_was(org, monkeypatch, before):
    if before is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", before)

    letter_pdf(issue(org))

    assert os.environ.get("SOURCE_DATE_EPOCH") == before


def test_threads_rendering_letters_of_different_times_each_get_their_own_bytes(org, monkeypatch):
    import threading

    monkeypatch.setattr(weasyprint_fonts, "harfbuzz_subset", None)
    letters = [
        Letter.objects.select_related("government", "agency").get(pk=issue(org, at=at).pk)
        for at in (NOW, NOW + dt.timedelta(days=40))
    ]
    expected = [letter_pdf(letter) for letter in letters]
    _a_day_later(monkeypatch)
    results: dict[int, list[bytes]] = {0: [], 1: []}
    threads = [
        threading.Thread(target=lambda i=i: results[i].append(letter_pdf(letters[i])))
        for i in (0, 1, 0, 1)
    ]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert expected[0] != expected[1]
    assert results == {0: [expected[0]] * 2, 1: [expected[1]] * 2}


FORM_TEXTS = {
    "INVOLVEMENT_REQUEST": (
        "Nomor : 800.1.2.4/0001/DINKES/2026",
        "Sifat : Biasa",
        "Yth.",
        "Jangka waktu pelibatan",
    ),
    "INVOLVEMENT_REPLY": ("Hal :", "kami setujui", "Rina Analis"),
    "INSTRUCTION": ("diinstruksikan kepada Saudara",),
    "STAFF_LIST": ("DAFTAR PEGAWAI ASN YANG DITUGASKAN", "Rina Analis"),
    "ASSIGNMENT_LETTER": ("SURAT TUGAS", "MENUGASKAN:", "Kepada", "Untuk"),
    "ORDER_LETTER": ("SURAT PERINTAH", "MEMERINTAHKAN:"),
    "ASSIGNMENT_PROOF": ("BUKTI PENUGASAN",),
    "DECREE": (
        "KEPUTUSAN KEPALA DINAS KESEHATAN",
        "TENTANG",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN:",
        "KESATU",
        "Ditetapkan di",
    ),
    "VOLUNTARY_APPLICATION": ("Yang bertanda tangan di bawah ini:",),
    "VOLUNTARY_APPROVAL_FORWARD": ("Bersama ini kami sampaikan pengajuan",),
    "ORAL_REQUEST_RECORD": ("CATATAN PERMOHONAN LISAN", "menyampaikan secara lisan"),
}


# An order prints its own name (the pack's title for it) as its heading.
ORDER_TITLES = {"ORDER_LETTER": "Surat Perintah", "ASSIGNMENT_PROOF": "Bukti Penugasan"}


@pytest.mark.parametrize("doc_type", sorted(FORM_TEXTS))
def test_every_kind_of_letter_renders_in_its_own_form(org, doc_type):
    letter = issue(
        org,
        doc_type=doc_type,
        title=ORDER_TITLES.get(doc_type, "Surat Tugas Pelibatan Pegawai"),
        body=BODY | {"assignees": [assignee(org, "Rina Analis")]},
    )

    text = _text(letter)

    for expected in FORM_TEXTS[doc_type]:
        assert expected in text


def test_a_rejecting_reply_gives_the_reason(org):
    body = BODY | {"decision": "reject", "reason": "Pegawai sedang menyelesaikan audit internal."}
    letter = issue(org, doc_type="INVOLVEMENT_REPLY", body=body)

    text = _text(letter)

    assert "belum dapat kami setujui" in text
    assert "Pegawai sedang menyelesaikan audit internal." in text


def test_an_acting_signer_on_behalf_of_the_head_of_region(org):
    signer = party(org, "setda", acting="PLT")
    letter = issue(
        org, signer=signer, on_behalf_of="a.n. Wali Kota", doc_type="INVOLVEMENT_REQUEST"
    )

    text = _text(letter)

    assert "a.n. Wali Kota Uji surakarta-2023" in text
    assert "Plt. Sekretaris Daerah," in text


def test_a_decree_signed_on_behalf_is_the_decree_of_the_head_of_region(org):
    letter = issue(org, signer="setda", on_behalf_of="a.n. Wali Kota", doc_type="DECREE")

    text = _text(letter)

    assert "KEPUTUSAN WALI KOTA UJI SURAKARTA-2023" in text
    assert "SEKRETARIS DAERAH," in text


def test_a_recorded_letter_of_another_government_renders_as_a_record(org):
    signer = party(org, "dinas", external=True) | {
        "agency_id": None,
        "agency": "Dinas Kesehatan Kota Lain",
    }
    letter = issue(org, signer=signer, body=BODY | {"external_number": "800/123/DKK/2026"})

    text = _text(letter)

    assert "CATATAN NASKAH DINAS DARI INSTANSI LAIN" in text
    assert "800/123/DKK/2026" in text
    assert "Dinas Kesehatan Kota Lain" in text


def test_a_body_without_fields_still_renders(org):
    letter = issue(org, doc_type="ORDER_LETTER", body={})

    text = _text(letter)

    assert "Melaksanakan surat tugas pelibatan pegawai." in text


def test_threads_render_with_their_own_typesetter_and_agree(org):
    import threading

    letter = Letter.objects.select_related("government", "agency").get(pk=issue(org).pk)
    expected = letter_pdf(letter)
    results: list[bytes] = []
    threads = [
        threading.Thread(target=lambda: results.append(letter_pdf(letter))) for _ in range(3)
    ]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert results == [expected] * 3
