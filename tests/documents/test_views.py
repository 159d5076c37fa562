import pytest
from django.urls import reverse

from sikerja.documents import urls as documents_urls
from sikerja.documents.services import letter_revoke
from sikerja.organization.nip import format_nip, mask_nip
from tests.documents.conftest import BODY, NOW, assignee, issue
from tests.documents.users import login_for

# Every route of the app and who may use it; the tests below cover each row.
ROUTE_PERMISSIONS = {
    "verify": "public: anyone holding the verification code",
    "letter-pdf": "login; the letter's parties and BKPSDM operators of its government",
    "letterhead": "login; BKPSDM operators of the government (test_letterhead.py)",
}


def test_every_route_has_a_stated_permission():
    names = {pattern.name for pattern in documents_urls.urlpatterns}

    assert names == set(ROUTE_PERMISSIONS)


@pytest.fixture
def letter(org):
    return issue(org, body=BODY | {"assignees": [assignee(org, "Rina Analis")]})


def _verify(client, code):
    return client.get(reverse("documents:verify", args=[code]))


def test_verification_page_shows_an_authentic_letter_without_login(client, org, letter):
    response = _verify(client, letter.verification_code)

    assert response.status_code == 200
    page = response.content.decode()
    signer = org.people["dinas"]
    assert "Dokumen asli" in page
    assert "800.1.2.6/0001/DINKES/2026" in page
    assert "23 November 2026" in page
    assert "<dd>Surat Tugas Pelibatan Pegawai</dd>" in page  # the name its PDF prints
    assert "<dd>Penyusunan analisis beban kerja Dinas Kesehatan</dd>" in page  # its Hal
    assert "Dinas Kesehatan" in page
    assert signer.full_name in page
    assert f"NIP. {mask_nip(signer.nip)}" in page
    assert signer.nip not in page
    assert format_nip(signer.nip) not in page
    assert letter.content_sha256 in page
    assert "Dicabut" not in page


def test_verification_page_shows_a_revocation_and_its_reason(client, org, letter):
    letter_revoke(letter=letter, reason="Salah alamat tujuan", by_label="bkpsdm", at=NOW)

    response = _verify(client, letter.verification_code)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Dicabut" in page
    assert "Salah alamat tujuan" in page
    assert "Dokumen asli" not in page


def test_verification_of_an_unknown_code_is_a_clear_404(client, org, letter):
    response = _verify(client, "ABCDEFGHJKMNPQRS")

    assert response.status_code == 404
    assert "Tidak ditemukan" in response.content.decode()
    assert "ABCDEFGHJKMNPQRS" in response.content.decode()


def test_verification_page_has_no_inline_script(client, org, letter):
    response = _verify(client, letter.verification_code)

    assert "<script>" not in response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("revoked", [False, True], ids=["valid_case", "revoked_case"])
@pytest.mark.parametrize("cc_count", [1, 8], ids=["few_copies", "many_copies"])
def test_verification_page_takes_one_query(
    client, org, revoked, cc_count, django_assert_num_queries
):
    from tests.documents.conftest import party

    letter = issue(org, cc=[party(org, "setda")] * cc_count)
    if revoked:
        letter_revoke(letter=letter, reason="Salah alamat", by_label="bkpsdm", at=NOW)

    with django_assert_num_queries(1):
        response = _verify(client, letter.verification_code)

    assert response.status_code == 200


def _pdf(client, letter):
    return client.get(reverse("documents:letter-pdf", args=[letter.pk]))


def test_pdf_download_needs_a_login(client, org, letter):
    response = _pdf(client, letter)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web:login"))


def test_the_signer_downloads_the_pdf_as_an_attachment_named_after_the_number(client, org, letter):
    client.force_login(login_for(org.people["dinas"], government=org.government))

    response = _pdf(client, letter)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"] == 'attachment; filename="800.1.2.6-0001-DINKES-2026.pdf"'
    )
    assert response.content.startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("bidang", 200),
        ("sekretariat", 200),
        ("Rina Analis", 200),
        ("Dedi Pelaksana", 404),
        ("subbidang", 404),
    ],
    ids=["addressee", "cc", "assignee", "unrelated_staff", "unrelated_head"],
)
def test_pdf_download_by_employee(client, org, letter, who, status):
    client.force_login(login_for(org.people[who], government=org.government))

    response = _pdf(client, letter)

    assert response.status_code == status


def test_operators_download_letters_of_their_government_only(client, org, letter):
    from tests.organization.builders import build_org

    other = build_org("cilegon-2023")
    own_operator = login_for(None, government=org.government, role="BKPSDM_ADMIN")
    other_operator = login_for(None, government=other.government, role="BKPSDM_ADMIN")

    client.force_login(own_operator)
    own = _pdf(client, letter)
    client.force_login(other_operator)
    foreign = _pdf(client, letter)

    assert (own.status_code, foreign.status_code) == (200, 404)


def test_a_missing_letter_is_a_404_like_a_hidden_one(client, org, letter):
    client.force_login(login_for(org.people["dinas"], government=org.government))

    response = client.get(reverse("documents:letter-pdf", args=[letter.pk + 1000]))

    assert response.status_code == 404
