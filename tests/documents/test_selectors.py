import pytest
from django.contrib.auth import get_user_model

from sikerja.core.errors import NotFound
from sikerja.documents.models import LetterFile
from sikerja.documents.selectors import (
    StoredPdf,
    letter_get_by_code,
    letter_get_for_download,
    letter_list_for_instance,
    letter_visible_to,
)
from sikerja.documents.services import letter_revoke
from tests.documents.conftest import BODY, NOW, assignee, issue
from tests.documents.users import login_for

BASE = "https://sikerja.example"


@pytest.fixture
def letter(org):
    # Signed by the Kepala Dinas, to the Kabid, copied to the Sekretaris and the Sekda, assigning Rina.
    return issue(org, body=BODY | {"assignees": [assignee(org, "Rina Analis")]})


@pytest.mark.parametrize(
    ("who", "visible"),
    [
        ("dinas", True),
        ("bidang", True),
        ("sekretariat", True),
        ("setda", True),
        ("Rina Analis", True),
        ("Dedi Pelaksana", False),
        ("subbidang", False),
    ],
    ids=["signer", "addressee", "cc", "cc_sekda", "assignee", "unrelated_staff", "unrelated_head"],
)
def test_a_letter_is_visible_to_its_parties_only(org, letter, who, visible):
    employee_id = org.people[who].pk

    if visible:
        assert (
            letter_visible_to(
                letter, employee_id=employee_id, is_operator=False, government_id=org.government.pk
            )
            == letter
        )
    else:
        with pytest.raises(NotFound):
            letter_visible_to(
                letter, employee_id=employee_id, is_operator=False, government_id=org.government.pk
            )


@pytest.mark.parametrize(
    ("who", "visible"),
    [
        ("dinas", True),
        ("Rina Analis", True),
        ("Dedi Pelaksana", False),
        ("operator", True),
        ("auditor", False),
        ("no_account", False),
    ],
)
def test_the_download_reads_the_callers_right_as_the_rule_says(org, letter, who, visible):
    if who in ("operator", "auditor"):
        role = "BKPSDM_ADMIN" if who == "operator" else "AUDITOR"
        user = login_for(None, government=org.government, role=role, username=who)
    elif who == "no_account":
        user = get_user_model().objects.create_user(username="tanpa-akun", password="x")
    else:
        user = login_for(org.people[who], government=org.government)

    def download():
        return letter_get_for_download(letter_id=letter.pk, user_id=user.pk, base_url=BASE)

    if visible:
        fetched = download().letter
        assert (fetched.pk, fetched.number, fetched.signer, fetched.body) == (
            letter.pk,
            letter.number,
            letter.signer,
            letter.body,
        )
    else:
        with pytest.raises(NotFound):
            download()


def test_an_assignee_known_only_by_nip_sees_the_letter_within_its_government(org):
    rina = org.people["Rina Analis"]
    # The assignments app snapshots assignees by name, NIP and position only.
    letter = issue(org, body=BODY | {"assignees": [{"name": rina.full_name, "nip": rina.nip}]})

    def visible(government_id):
        return letter_visible_to(
            letter,
            employee_id=rina.pk + 1000,
            employee_nip=rina.nip,
            is_operator=False,
            government_id=government_id,
        )

    assert visible(org.government.pk) == letter
    with pytest.raises(NotFound):
        visible(org.government.pk + 1000)


def test_operators_see_the_letters_of_their_own_government_only(org, letter):
    assert (
        letter_visible_to(
            letter, employee_id=None, is_operator=True, government_id=org.government.pk
        )
        == letter
    )
    with pytest.raises(NotFound):
        letter_visible_to(
            letter, employee_id=None, is_operator=True, government_id=org.government.pk + 1000
        )


def test_download_answers_alike_for_a_hidden_and_a_missing_letter(org, letter):
    outsider = login_for(org.people["Dedi Pelaksana"], government=org.government)

    with pytest.raises(NotFound) as hidden:
        letter_get_for_download(letter_id=letter.pk, user_id=outsider.pk, base_url=BASE)
    with pytest.raises(NotFound) as missing:
        letter_get_for_download(letter_id=letter.pk + 1000, user_id=outsider.pk, base_url=BASE)

    assert hidden.value.as_dict() == missing.value.as_dict()


def test_download_fetch_takes_one_query_with_the_stored_file(
    org, letter, django_assert_num_queries
):
    signer = login_for(org.people["dinas"], government=org.government)
    LetterFile.objects.create(
        government=org.government,
        letter=letter,
        base_url="https://sikerja.example",
        name="1/1-abc.pdf",
        sha256="a" * 64,
        size=1,
        created_at=NOW,
    )

    with django_assert_num_queries(1):
        here = letter_get_for_download(
            letter_id=letter.pk, user_id=signer.pk, base_url="https://sikerja.example"
        )
    elsewhere = letter_get_for_download(
        letter_id=letter.pk, user_id=signer.pk, base_url="https://elsewhere.example"
    )

    assert (here.letter, here.stored, elsewhere.stored) == (
        letter,
        StoredPdf("1/1-abc.pdf", "a" * 64),
        None,
    )


def test_a_code_finds_its_letter_with_government_agency_and_revocation_in_one_query(
    org, letter, django_assert_num_queries
):
    letter_revoke(letter=letter, reason="Salah alamat", by_label="bkpsdm", at=NOW)

    with django_assert_num_queries(1):
        found = letter_get_by_code(letter.verification_code.lower())
        found.government.name, found.agency.code, found.revocation.reason  # noqa: B018

    assert found == letter


def test_an_unknown_code_is_not_found(org, letter):
    with pytest.raises(NotFound):
        letter_get_by_code("XXXXXXXXXXXXXXXX")


@pytest.mark.parametrize("letters", [1, 6])
def test_letters_of_an_instance_come_in_issue_order_in_one_query(
    org, letters, django_assert_num_queries
):
    issued = [issue(org) for _ in range(letters)]
    issue(org, workflow_instance_id=999)

    with django_assert_num_queries(1):
        listed = list(letter_list_for_instance(501))
        [(item.agency.code, getattr(item, "revocation", None)) for item in listed]

    assert listed == issued


def test_an_id_past_the_databases_integers_is_not_found(org, letter):
    outsider = login_for(org.people["Dedi Pelaksana"], government=org.government)

    with pytest.raises(NotFound):
        letter_get_for_download(letter_id=2**70, user_id=outsider.pk, base_url=BASE)
