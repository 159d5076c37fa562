"""Letters people sign read cleanly: tidy text, the request's subject as "Hal", one name on the
page and in the PDF, and each pack's layout (V-68) in the printed text (read with pypdf)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from sikerja.assignments.display import LetterRow
from sikerja.documents.form import letter_name, letter_subject
from sikerja.documents.render import letter_html, letter_pdf
from sikerja.documents.wording import tidy
from tests.documents.conftest import BODY, assignee, issue
from tests.documents.pdftext import pdf_text
from tests.documents.users import login_for
from tests.organization.builders import build_org
from tests.organization.reread import reread_org

# What a requester may type: a trailing full stop, doubled spaces, a lowercase start.
MESSY = BODY | {
    "title": "penyusunan  analisis beban kerja 2027.",
    "purpose": "penyusunan analisis beban kerja Dinas Kesehatan.",
    "task_description": "mengolah data beban kerja per jabatan.",
    "expected_target": "dokumen ABK disahkan. semua jabatan terhitung.",
    "other_arrangements": "laporan mingguan ,, kepada Kepala Bidang..",
}
BAD_PATTERNS = (".,", ".;", ",,", "..", " ,", " ;", " .", ";;", ",.")


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        pytest.param(
            "dalam rangka analisis., bersama",
            "Dalam rangka analisis, bersama",
            id="stop_comma_case",
        ),
        pytest.param("melaksanakan analisis.;", "Melaksanakan analisis;", id="stop_semicolon_case"),
        pytest.param("target  dua   dokumen", "Target dua dokumen", id="doubled_space_case"),
        pytest.param("data ,, laporan", "Data, laporan", id="doubled_comma_case"),
        pytest.param("selesai..", "Selesai.", id="doubled_stop_case"),
        pytest.param("selesai . lalu", "Selesai. Lalu", id="space_before_stop_case"),
        pytest.param(
            "selesai. lalu dilaporkan", "Selesai. Lalu dilaporkan", id="sentence_start_case"
        ),
        pytest.param(
            "1 Desember s.d. 28 Februari", "1 Desember s.d. 28 Februari", id="abbreviation_case"
        ),
        pytest.param("Rp1.500.000,00 per bulan", "Rp1.500.000,00 per bulan", id="amount_case"),
    ],
)
def test_text_is_assembled_without_stray_punctuation_or_spaces(typed, printed):
    assert tidy(typed) == printed


def test_a_clause_keeps_its_lowercase_start():
    assert tidy("bahwa dalam rangka analisis., perlu", sentence=False) == (
        "bahwa dalam rangka analisis, perlu"
    )


@pytest.mark.parametrize("doc_type", ["INVOLVEMENT_REQUEST", "ORDER_LETTER", "DECREE"])
def test_a_letter_built_from_messy_input_prints_no_bad_pattern(org, doc_type):
    letter = issue(
        org, doc_type=doc_type, body=MESSY | {"assignees": [assignee(org, "Rina Analis")]}
    )

    text = pdf_text(letter_pdf(letter))
    html = letter_html(letter)

    printed = [piece.strip() for piece in re.findall(r">([^<]+)<", html) if piece.strip()]
    assert [pattern for pattern in BAD_PATTERNS if pattern in text] == []
    assert [piece for piece in printed if "  " in piece] == []


def test_the_untuk_items_of_an_order_begin_with_a_capital(org):
    letter = issue(org, doc_type="ORDER_LETTER", title="Surat Perintah", body=MESSY)

    text = pdf_text(letter_pdf(letter))

    assert "Untuk : Melaksanakan penyusunan analisis beban kerja Dinas Kesehatan;" in text
    assert "; Dengan uraian tugas: mengolah data beban kerja per jabatan;" in text
    assert "Dengan target yang diharapkan: dokumen ABK disahkan. Semua jabatan terhitung;" in text
    assert "Dengan ketentuan lain: laporan mingguan, kepada Kepala Bidang." in text


def test_hal_is_the_subject_the_requester_typed(org):
    letter = issue(
        org,
        doc_type="INVOLVEMENT_REQUEST",
        title="Surat Permohonan Pelibatan Pejabat Fungsional dan/atau Pelaksana",
        body=MESSY,
    )

    text = pdf_text(letter_pdf(letter))

    assert "Hal : Penyusunan analisis beban kerja 2027 Yth." in text
    assert "Surat Permohonan Pelibatan Pejabat Fungsional" not in text
    assert letter_subject(letter) == "Penyusunan analisis beban kerja 2027"


def test_without_a_typed_subject_hal_is_the_purpose(org):
    letter = issue(org, doc_type="INVOLVEMENT_REQUEST", body=BODY)

    assert letter_subject(letter) == "Penyusunan analisis beban kerja Dinas Kesehatan"
    assert "Hal : Penyusunan analisis beban kerja Dinas Kesehatan" in pdf_text(letter_pdf(letter))


@pytest.mark.parametrize(
    ("doc_type", "title", "name"),
    [
        pytest.param("ORDER_LETTER", "Surat Perintah", "Surat Perintah", id="order_case"),
        pytest.param("ORDER_LETTER", "Surat Tugas", "Surat Tugas", id="blitar_order_case"),
        pytest.param(
            "ASSIGNMENT_LETTER", "Surat Penugasan", "Surat Penugasan", id="assignment_case"
        ),
        pytest.param(
            "ORDER_LETTER",
            "Surat Perintah Sekretaris Daerah tentang Penugasan Lintas Perangkat Daerah",
            "Surat Perintah Sekretaris Daerah",
            id="order_about_case",
        ),
        pytest.param(
            "DECREE",
            "Keputusan Kepala Perangkat Daerah tentang Penugasan Lintas Unit Organisasi",
            "Keputusan Kepala Dinas Kesehatan",
            id="decree_case",
        ),
    ],
)
def test_the_page_and_the_pdf_use_one_name_for_a_letter(org, doc_type, title, name):
    letter = issue(org, doc_type=doc_type, title=title, body=BODY)

    text = pdf_text(letter_pdf(letter))
    row = LetterRow.of(letter, may_download=True)

    assert (letter_name(letter), row.type_label, row.title) == (
        name,
        name,
        "Penyusunan analisis beban kerja Dinas Kesehatan",
    )
    assert f"{name.upper()} NOMOR {letter.number}" in text


def test_a_decree_is_about_the_packs_topic_for_the_request(org):
    letter = issue(
        org,
        doc_type="DECREE",
        title="Keputusan Kepala Perangkat Daerah tentang Penugasan Lintas Unit Organisasi",
        body=BODY,
    )

    text = pdf_text(letter_pdf(letter))

    assert (
        "TENTANG PENUGASAN LINTAS UNIT ORGANISASI DALAM RANGKA PENYUSUNAN ANALISIS BEBAN KERJA "
        "DINAS KESEHATAN"
    ) in text
    assert (
        "perlu menetapkan Keputusan Kepala Dinas Kesehatan tentang Penugasan Lintas Unit "
        "Organisasi dalam rangka Penyusunan analisis beban kerja Dinas Kesehatan;"
    ) in text


def test_the_home_page_and_the_verification_page_name_the_letter_as_its_pdf(client, org):
    letter = issue(org, doc_type="ORDER_LETTER", title="Surat Tugas", body=MESSY)
    client.force_login(login_for(org.people["bidang"], government=org.government))

    home = client.get(reverse("web:home")).content.decode()
    verify = client.get(reverse("documents:verify", args=[letter.verification_code]))

    assert "<strong>Surat Tugas</strong>" in home
    assert "<span>Penyusunan analisis beban kerja 2027</span>" in home
    assert "<dd>Surat Tugas</dd>" in verify.content.decode()
    assert "<dd>Penyusunan analisis beban kerja 2027</dd>" in verify.content.decode()
    assert "SURAT TUGAS NOMOR" in pdf_text(letter_pdf(letter))


@pytest.fixture(scope="module")
def _kotim_org(module_db):
    return module_db(lambda: build_org("kotim-2023"))


@pytest.fixture
def kotim(_kotim_org, db):
    return reread_org(_kotim_org)


def test_v68_kotim_orders_carry_menimbang_before_dasar_and_sampit(org, kotim):
    surakarta = issue(org, doc_type="ORDER_LETTER", title="Surat Perintah", body=BODY)
    kotawaringin = issue(kotim, doc_type="ORDER_LETTER", title="Surat Perintah", body=BODY)

    elsewhere = pdf_text(letter_pdf(surakarta))
    in_kotim = pdf_text(letter_pdf(kotawaringin))

    assert "Menimbang" not in elsewhere
    assert "SURAT PERINTAH NOMOR 800.1.2.6/0001/DINKES/2026 Dasar : Peraturan Wali" in elsewhere
    assert "Dikeluarkan di Uji surakarta-2023" in elsewhere
    assert (
        "Menimbang : bahwa dalam rangka penyusunan analisis beban kerja Dinas Kesehatan, perlu "
        "menugaskan Pegawai ASN yang namanya tercantum di bawah ini; Dasar : Peraturan Wali"
    ) in in_kotim
    assert "Dikeluarkan di Sampit pada tanggal 23 November 2026" in in_kotim
    assert (
        surakarta.body["letter_form"]["version"],
        kotawaringin.body["letter_form"]["version"],
    ) == (
        "surakarta-2023/sikerja-1",
        "kotim-2023/kotim-tnd-1",
    )


def test_v68_a_decree_is_set_at_the_packs_place(kotim):
    letter = issue(kotim, doc_type="DECREE", title="Keputusan", body=BODY)

    text = pdf_text(letter_pdf(letter))

    assert "Ditetapkan di Sampit pada tanggal 23 November 2026" in text
    assert "Menimbang : bahwa dalam rangka" in text
