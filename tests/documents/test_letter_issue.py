import datetime as dt

import pytest
from django.db import transaction

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import ValidationFailed
from sikerja.documents.integrity import letter_is_intact
from sikerja.documents.models import Letter, NumberRegister
from tests.documents.conftest import BODY, CITATION, NOW, TODAY, issue, party


def _counts(org):
    return (
        Letter.objects.filter(government_id=org.government.pk).count(),
        NumberRegister.objects.filter(agency__government=org.government).count(),
        AuditEvent.objects.filter(government_id=org.government.pk, action="letter.issued").count(),
    )


def test_letters_of_one_agency_and_year_take_consecutive_numbers(org):
    letters = [
        issue(org),
        issue(org, doc_type="INVOLVEMENT_REQUEST"),
        issue(org, doc_type="DECREE"),
    ]

    assert [letter.sequence for letter in letters] == [1, 2, 3]
    assert [letter.number for letter in letters] == [
        "800.1.2.6/0001/DINKES/2026",
        "800.1.2.4/0002/DINKES/2026",
        "800.1.2.7/0003/DINKES/2026",
    ]
    register = NumberRegister.objects.get(agency=org.dinas, year=2026)
    assert register.last_number == 3


def test_a_new_year_restarts_the_register_at_one(org):
    issue(org)
    issue(org)

    letter = issue(org, on=dt.date(2027, 1, 4))

    assert (letter.year, letter.sequence, letter.number) == (2027, 1, "800.1.2.6/0001/DINKES/2027")


def test_each_agency_keeps_its_own_register(org):
    issue(org)

    letter = issue(org, signer="setda")

    assert (letter.agency_id, letter.sequence, letter.number) == (
        org.setda.pk,
        1,
        "800.1.2.6/0001/SETDA/2026",
    )


def _issue_then_fail(org):
    with transaction.atomic():
        issue(org)
        raise RuntimeError("the decision failed after its letter was issued")


def test_a_rolled_back_decision_gives_its_number_back(org):
    issue(org)

    with pytest.raises(RuntimeError, match="decision failed"):
        _issue_then_fail(org)
    letter = issue(org)

    assert letter.sequence == 2
    assert list(
        Letter.objects.filter(agency=org.dinas)
        .values_list("sequence", flat=True)
        .order_by("sequence")
    ) == [1, 2]


def test_the_issued_letter_keeps_the_snapshots_and_a_hash_of_its_content(org):
    signer = party(org, "dinas")

    letter = issue(org, signer=signer, on_behalf_of=" a.n. Wali Kota ")

    stored = Letter.objects.get(pk=letter.pk)
    assert stored.government_id == org.government.pk
    assert stored.agency_id == org.dinas.pk
    assert (stored.issued_on, stored.issued_at) == (TODAY, NOW)
    assert stored.signer == signer
    assert stored.addressees == [party(org, "bidang")]
    assert stored.cc == [party(org, "sekretariat"), party(org, "setda")]
    assert {key: value for key, value in stored.body.items() if key != "letter_form"} == BODY
    assert (
        stored.body["letter_form"]["version"],
        stored.body["letter_form"]["name"],
        stored.body["letter_form"]["kop"],
    ) == ("surakarta-2023/sikerja-1", "Surat Tugas Pelibatan Pegawai", None)
    assert (stored.on_behalf_of, stored.citation) == ("a.n. Wali Kota", CITATION)
    assert (stored.workflow_instance_id, stored.workflow_step_id) == (501, 7001)
    assert (stored.is_external, stored.medium) == (False, "ELECTRONIC")
    assert len(stored.verification_code) == 16
    assert len(stored.content_sha256) == 64
    assert letter_is_intact(stored) is True


def test_issuing_records_one_audit_event(org):
    letter = issue(org)

    event = AuditEvent.objects.get(government_id=org.government.pk, action="letter.issued")
    assert (event.object_type, event.object_id, event.actor_user_id) == (
        "documents.letter",
        str(letter.pk),
        None,
    )
    assert event.actor_label == org.people["dinas"].full_name
    assert (event.rule, event.citation) == ("V-17", CITATION)
    assert event.after == {
        "number": "800.1.2.6/0001/DINKES/2026",
        "doc_type": "ASSIGNMENT_LETTER",
        "title": "Surat Tugas Pelibatan Pegawai",
        "issued_on": "2026-11-23",
        "agency_id": org.dinas.pk,
        "is_external": False,
        "verification_code": letter.verification_code,
        "content_sha256": letter.content_sha256,
        "workflow_instance_id": 501,
        "workflow_step_id": 7001,
    }


def test_a_letter_of_another_government_is_recorded_without_a_register_number(org):
    signer = party(org, "dinas", external=True) | {
        "agency_id": None,
        "agency": "Dinas Kesehatan Kota Lain",
    }
    before = _counts(org)

    letter = issue(org, signer=signer, body=BODY | {"external_number": "800/123/DKK/2026"})

    assert (letter.is_external, letter.agency_id, letter.sequence) == (True, None, None)
    assert letter.number == "800/123/DKK/2026"
    assert _counts(org) == (before[0] + 1, before[1], before[2] + 1)


def test_the_number_of_a_recorded_letter_may_come_with_the_decision(org):
    signer = party(org, "dinas", external=True) | {"agency_id": None}

    letter = issue(org, signer=signer, body=BODY | {"decision_data": {"external_number": "005/77"}})

    assert letter.number == "005/77"


def test_a_paper_letter_is_allowed(org):
    letter = issue(org, medium="PAPER")

    assert Letter.objects.get(pk=letter.pk).medium == "PAPER"


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"doc_type": "REPORT"}, "unknown_doc_type"),
        ({"medium": "FAX"}, "unknown_medium"),
        ({"title": "  "}, "title_required"),
        ({"signer": {"name": "", "agency_id": None, "external": False}}, "signer_required"),
        (
            {"signer": {"name": "Orang Lain", "agency_id": 0, "external": False}},
            "issuing_agency_invalid",
        ),
    ],
    ids=["doc_type_case", "medium_case", "title_case", "vacant_signer_case", "agency_case"],
)
def test_refused_input_writes_nothing(org, overrides, code):
    issue(org)
    before = _counts(org)

    with pytest.raises(ValidationFailed) as refusal:
        issue(org, **overrides)

    assert refusal.value.code == code
    assert _counts(org) == before
    assert NumberRegister.objects.get(agency=org.dinas, year=2026).last_number == 1


def test_a_signer_agency_of_another_government_is_refused(org):
    from tests.organization.builders import build_org

    other = build_org("cilegon-2023")
    signer = party(other, "dinas")

    with pytest.raises(ValidationFailed) as refusal:
        issue(org, signer=signer)

    assert refusal.value.code == "issuing_agency_invalid"
    assert not NumberRegister.objects.filter(agency=other.dinas).exists()


def test_issuing_with_an_existing_register_takes_a_fixed_number_of_queries(
    org, django_assert_num_queries
):
    issue(org)

    # 10 for the number, the letter and its audit event (no savepoint of the event's own); 1 for
    # its parties' rows (V-26); 1 for the government's current kop surat (V-68).
    with django_assert_num_queries(12):
        issue(org)
