import datetime as dt

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from sikerja.documents.models import Letter, LetterRevocation
from sikerja.documents.services import letter_revoke
from tests.documents.conftest import NOW, issue

REFUSED = "issued letters are immutable"


def test_orm_update_of_a_letter_is_refused_by_the_database(org):
    letter = issue(org)

    with pytest.raises(IntegrityError, match=REFUSED), transaction.atomic():
        Letter.objects.filter(pk=letter.pk).update(title="Diubah")

    assert Letter.objects.get(pk=letter.pk).title == "Surat Tugas Pelibatan Pegawai"


def test_saving_a_changed_letter_is_refused_by_the_database(org):
    letter = issue(org)
    letter.body = {"purpose": "lain"}

    with pytest.raises(IntegrityError, match=REFUSED), transaction.atomic():
        letter.save()

    assert (
        Letter.objects.get(pk=letter.pk).body["purpose"]
        == "penyusunan analisis beban kerja Dinas Kesehatan"
    )


def test_raw_sql_update_and_delete_of_a_letter_are_refused(org):
    letter = issue(org)

    with connection.cursor() as cursor:
        for statement in (
            "UPDATE documents_letter SET number = 'palsu' WHERE id = %s",
            "DELETE FROM documents_letter WHERE id = %s",
        ):
            with pytest.raises(IntegrityError, match=REFUSED), transaction.atomic():
                cursor.execute(statement, [letter.pk])

    assert Letter.objects.get(pk=letter.pk).number == letter.number


def test_a_revocation_cannot_be_changed_or_withdrawn(org):
    letter = issue(org)
    revocation = letter_revoke(letter=letter, reason="Salah alamat", by_label="bkpsdm", at=NOW)

    with pytest.raises(IntegrityError, match=REFUSED), transaction.atomic():
        LetterRevocation.objects.filter(pk=revocation.pk).update(reason="")
    with pytest.raises(IntegrityError, match=REFUSED), transaction.atomic():
        LetterRevocation.objects.filter(pk=revocation.pk).delete()

    assert LetterRevocation.objects.get(pk=revocation.pk).reason == "Salah alamat"


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_letter_tables():
    # Committed rows: PostgreSQL refuses to TRUNCATE tables with deferred FK checks pending.
    from tests.documents.conftest import build_small_org

    letter = issue(build_small_org())
    letter_revoke(letter=letter, reason="Salah alamat", by_label="bkpsdm", at=NOW)

    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)

    assert (Letter.objects.count(), LetterRevocation.objects.count()) == (0, 0)


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_transactional_test_with_letters_is_torn_down_by_flush():
    # The teardown flush of this test is the check: it fails if the guard blocks it.
    from tests.documents.conftest import build_small_org

    letter = issue(build_small_org(), on=dt.date(2026, 1, 5))

    assert letter.sequence == 1
