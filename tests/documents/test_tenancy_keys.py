"""Every row the letters write is keyed by its parent's government (docs/scaling.md): the
register, the parties, a revocation and a stored PDF."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from sikerja.documents.models import LetterFile, LetterParty, LetterRevocation, NumberRegister
from sikerja.documents.services import letter_revoke
from tests.documents.conftest import BODY, NOW, assignee, issue
from tests.documents.users import login_for


def test_a_letter_keys_its_register_and_parties_by_the_agencys_government(org):
    letter = issue(org, body=BODY | {"assignees": [assignee(org, "Rina Analis")]})

    register = NumberRegister.objects.get(agency=org.dinas, year=letter.year)
    parties = LetterParty.objects.filter(letter=letter)
    assert register.government_id == org.dinas.government_id == letter.government_id
    assert set(parties.values_list("government_id", flat=True)) == {letter.government_id}


def test_a_revocation_and_a_stored_pdf_are_keyed_by_the_letters_government(client, org):
    letter = issue(org)
    client.force_login(login_for(org.people["dinas"], government=org.government))

    client.get(reverse("documents:letter-pdf", args=[letter.pk]))
    letter_revoke(letter=letter, reason="Salah alamat", by_label="bkpsdm", at=NOW + dt.timedelta(1))

    assert LetterFile.objects.get(letter=letter).government_id == letter.government_id
    assert LetterRevocation.objects.get(letter=letter).government_id == letter.government_id
