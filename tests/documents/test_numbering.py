import pytest

from sikerja.documents.models import Letter
from sikerja.documents.numbering import (
    CLASSIFICATION_BY_DOC_TYPE,
    CODE_ALPHABET,
    CODE_LENGTH,
    letter_number,
    verification_code_new,
    verification_code_normalize,
)
from sikerja.regulations.schema.workflows import DocType


def test_number_reads_classification_padded_sequence_agency_code_and_year():
    number = letter_number(
        doc_type="INVOLVEMENT_REQUEST", sequence=7, agency_code="DINKES", year=2026
    )

    assert number == "800.1.2.4/0007/DINKES/2026"


def test_sequence_beyond_four_digits_is_printed_whole():
    number = letter_number(doc_type="DECREE", sequence=12345, agency_code="SETDA", year=2027)

    assert number == "800.1.2.7/12345/SETDA/2027"


def test_every_document_type_of_the_engine_has_a_classification_and_a_model_choice():
    engine_types = {str(doc_type) for doc_type in DocType}

    assert set(CLASSIFICATION_BY_DOC_TYPE) == engine_types
    assert set(Letter.DocType.values) == engine_types


def test_verification_code_is_long_random_and_avoids_ambiguous_characters():
    codes = {verification_code_new() for _ in range(200)}

    assert len(codes) == 200
    assert {len(code) for code in codes} == {CODE_LENGTH}
    assert set("".join(codes)) <= set(CODE_ALPHABET)
    assert set(CODE_ALPHABET).isdisjoint("01ILOU")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("abcd-efgh-jkmn-pqrs", "ABCDEFGHJKMNPQRS"), (" abcd efgh ", "ABCDEFGH")],
    ids=["dashes_case", "spaces_case"],
)
def test_a_typed_code_is_normalized_to_the_stored_form(typed, stored):
    assert verification_code_normalize(typed) == stored
