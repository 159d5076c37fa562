"""A letter's PDF is typeset once, kept in file storage with its SHA-256, checked on every
download (a file that fails its hash is logged and refused), and served with its hash as the
ETag (304 to a client that already holds it)."""

from __future__ import annotations

import hashlib
import logging

import pytest
from django.urls import reverse

from sikerja.documents.files import letter_storage
from sikerja.documents.models import LetterFile
from sikerja.documents.render import letter_pdf
from tests.documents.conftest import BODY, assignee, issue
from tests.documents.users import login_for


@pytest.fixture
def letter(org):
    return issue(org, body=BODY | {"assignees": [assignee(org, "Rina Analis")]})


@pytest.fixture
def signer_client(client, org):
    client.force_login(login_for(org.people["dinas"], government=org.government))
    return client


def _pdf(client, letter, **headers):
    return client.get(reverse("documents:letter-pdf", args=[letter.pk]), headers=headers)


def test_the_first_download_stores_the_bytes_an_issue_time_render_makes(signer_client, letter):
    response = _pdf(signer_client, letter)

    stored = LetterFile.objects.get(letter=letter)
    with letter_storage().open(stored.name, "rb") as handle:
        on_disk = handle.read()
    digest = hashlib.sha256(response.content).hexdigest()
    assert (stored.sha256, stored.size) == (digest, len(response.content))
    assert on_disk == response.content == letter_pdf(letter, base_url=stored.base_url)
    assert stored.name == f"{letter.government_id}/{letter.pk}-{digest[:32]}.pdf"
    assert response["ETag"] == f'"{digest}"'
    assert response["Cache-Control"] == "private, no-cache"


def test_later_downloads_read_the_stored_file_in_one_more_query(
    signer_client, letter, django_assert_num_queries
):
    first = _pdf(signer_client, letter)

    # session, user, then the download's account, employee and letter (3), and the file row
    with django_assert_num_queries(6):
        second = _pdf(signer_client, letter)

    assert second.content == first.content
    assert LetterFile.objects.filter(letter=letter).count() == 1


def test_a_client_holding_the_file_gets_304_without_the_bytes(signer_client, letter):
    etag = _pdf(signer_client, letter)["ETag"]

    response = _pdf(signer_client, letter, if_none_match=etag)

    assert (response.status_code, response.content, response["ETag"]) == (304, b"", etag)


def test_a_304_still_needs_the_right_to_read_the_letter(client, org, letter, signer_client):
    etag = _pdf(signer_client, letter)["ETag"]
    client.force_login(login_for(org.people["Dedi Pelaksana"], government=org.government))

    response = _pdf(client, letter, if_none_match=etag)

    assert response.status_code == 404


@pytest.mark.parametrize("damage", ["changed", "missing"])
def test_a_stored_file_that_fails_its_hash_is_logged_and_not_served(
    signer_client, letter, damage, caplog
):
    _pdf(signer_client, letter)
    stored = LetterFile.objects.get(letter=letter)
    path = letter_storage().path(stored.name)
    if damage == "changed":
        with open(path, "r+b") as handle:
            handle.seek(200)
            handle.write(b"X")
    else:
        letter_storage().delete(stored.name)

    with caplog.at_level(logging.ERROR, logger="sikerja.documents.files"):
        response = _pdf(signer_client, letter)

    assert response.status_code == 500
    assert b"%PDF" not in response.content
    logged = [r.getMessage() for r in caplog.records if r.name == "sikerja.documents.files"]
    assert logged == [
        f"letter {letter.pk}: stored PDF {stored.name} does not match its SHA-256; not served"
    ]
