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

DOWNLOAD_QUERIES = 3


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


def test_later_downloads_read_the_stored_file_with_the_letter(
    signer_client, letter, django_assert_num_queries
):
    first = _pdf(signer_client, letter)

    # session, user, then the letter with its file row and the caller's account and employee
    with django_assert_num_queries(DOWNLOAD_QUERIES):
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


def test_issuing_stores_the_pdf_after_the_transaction_commits(
    signer_client, org, django_capture_on_commit_callbacks, django_assert_num_queries
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        letter = issue(org, body=BODY | {"assignees": [assignee(org, "Rina Analis")]})
    assert LetterFile.objects.filter(letter=letter).count() == 0  # nothing inside the transaction

    for callback in callbacks:
        callback()

    stored = LetterFile.objects.get(letter=letter)
    with letter_storage().open(stored.name, "rb") as handle:
        assert handle.read() == letter_pdf(letter, base_url=stored.base_url)
    # the first download reads the stored file: no render, the stored path's queries
    with django_assert_num_queries(DOWNLOAD_QUERIES):
        response = _pdf(signer_client, letter)
    assert response["ETag"] == f'"{stored.sha256}"'


def test_a_failed_render_after_issue_leaves_the_letter_and_the_download_renders_it(
    signer_client, org, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    from sikerja.documents import files

    def broken(letter, *, base_url=None):
        raise OSError("no fonts")

    monkeypatch.setattr(files, "letter_pdf", broken)
    with django_capture_on_commit_callbacks(execute=True):
        letter = issue(org, body=BODY | {"assignees": [assignee(org, "Rina Analis")]})
    monkeypatch.undo()

    response = _pdf(signer_client, letter)

    assert (
        LetterFile.objects.get(letter=letter).sha256 == hashlib.sha256(response.content).hexdigest()
    )
    assert any("no fonts" in str(r.exc_info) for r in caplog.records if r.exc_info)


def test_a_settled_file_is_hashed_once_per_process_and_again_once_it_changes(
    signer_client, letter, monkeypatch
):
    import os

    from sikerja.documents import files

    _pdf(signer_client, letter)
    stored = LetterFile.objects.get(letter=letter)
    path = letter_storage().path(stored.name)
    os.utime(path, (1_700_000_000, 1_700_000_000))  # written long ago
    hashed = []
    real = files._digest
    monkeypatch.setattr(files, "_digest", lambda content: hashed.append(1) or real(content))

    first, second = _pdf(signer_client, letter), _pdf(signer_client, letter)
    with open(path, "r+b") as handle:
        handle.seek(200)
        handle.write(b"X")
    damaged = _pdf(signer_client, letter)

    assert (first.status_code, second.status_code, first.content == second.content) == (
        200,
        200,
        True,
    )
    assert (len(hashed), damaged.status_code) == (2, 500)


def test_a_file_written_moments_ago_is_hashed_on_every_download(signer_client, letter, monkeypatch):
    from sikerja.documents import files

    _pdf(signer_client, letter)
    hashed = []
    real = files._digest
    monkeypatch.setattr(files, "_digest", lambda content: hashed.append(1) or real(content))

    _pdf(signer_client, letter)
    _pdf(signer_client, letter)

    assert len(hashed) == 2
