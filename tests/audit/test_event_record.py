import hashlib
import hmac
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from django.conf import settings

from sikerja.audit.models import AuditChainHead, AuditEvent
from tests.audit.factories import AT, GOVERNMENT_ID, OBJECT_ID, OTHER_GOVERNMENT_ID, event_record

GENESIS = "0" * 64


def _chain(government_id: int = GOVERNMENT_ID):
    return AuditEvent.objects.filter(government_id=government_id)


@pytest.mark.django_db
def test_first_event_stores_every_field_and_keys_the_hash_of_its_canonical_json():
    event = event_record(
        after={"unit": "Bidang Ä", "nip": "199001012015031001"},
        rule="placement.single_definitive",
        citation="Perbup 12/2024 Pasal 5 ayat (2)",
    )

    stored = _chain().get()
    canonical = (
        '{"action":"placement.created","actor_label":"kabid","actor_user_id":7,'
        '"after":{"nip":"199001012015031001","unit":"Bidang Ä"},'
        '"at":"2025-01-02T01:00:00+00:00","before":{},'
        '"citation":"Perbup 12/2024 Pasal 5 ayat (2)","government_id":900001,'
        '"key_id":"1","object_id":"test-42","object_type":"organization.placement",'
        '"rule":"placement.single_definitive","seq":1}'
    )
    assert stored.pk == event.pk
    assert (stored.seq, stored.at, stored.actor_user_id, stored.actor_label) == (1, AT, 7, "kabid")
    assert (stored.action, stored.object_type, stored.object_id) == (
        "placement.created",
        "organization.placement",
        OBJECT_ID,
    )
    assert (stored.before, stored.after) == ({}, {"unit": "Bidang Ä", "nip": "199001012015031001"})
    assert (stored.rule, stored.citation) == (
        "placement.single_definitive",
        "Perbup 12/2024 Pasal 5 ayat (2)",
    )
    assert stored.prev_hash == GENESIS
    assert stored.key_id == "1"
    key = settings.AUDIT_KEYS["1"].encode()
    assert stored.hash == hmac.new(key, (GENESIS + canonical).encode(), hashlib.sha256).hexdigest()


@pytest.mark.django_db
def test_each_event_links_to_the_previous_hash_and_takes_the_next_seq():
    first = event_record()
    second = event_record(action="placement.ended")
    third = event_record(action="placement.deleted")

    events = list(_chain().order_by("seq").values_list("seq", "prev_hash", "hash"))
    assert events == [
        (1, GENESIS, first.hash),
        (2, first.hash, second.hash),
        (3, second.hash, third.hash),
    ]
    assert len({first.hash, second.hash, third.hash}) == 3
    head = AuditChainHead.objects.get(government_id=GOVERNMENT_ID)
    assert (head.last_seq, head.last_hash) == (3, third.hash)


@pytest.mark.django_db
def test_each_government_has_its_own_sequence_and_chain():
    event_record(government_id=GOVERNMENT_ID)
    other_first = event_record(government_id=OTHER_GOVERNMENT_ID)
    second = event_record(government_id=GOVERNMENT_ID)
    other_second = event_record(government_id=OTHER_GOVERNMENT_ID)

    both = [GOVERNMENT_ID, OTHER_GOVERNMENT_ID]
    rows = AuditEvent.objects.filter(government_id__in=both).order_by("pk")
    assert list(rows.values_list("government_id", "seq")) == [
        (GOVERNMENT_ID, 1),
        (OTHER_GOVERNMENT_ID, 1),
        (GOVERNMENT_ID, 2),
        (OTHER_GOVERNMENT_ID, 2),
    ]
    assert other_first.prev_hash == GENESIS
    assert other_second.prev_hash == other_first.hash
    heads = AuditChainHead.objects.filter(government_id__in=both).order_by("government_id")
    assert list(heads.values_list("government_id", "last_seq", "last_hash")) == [
        (GOVERNMENT_ID, 2, second.hash),
        (OTHER_GOVERNMENT_ID, 2, other_second.hash),
    ]


@pytest.mark.django_db
def test_time_in_another_zone_is_stored_and_hashed_as_the_same_instant():
    jakarta = timezone(timedelta(hours=7))
    in_jakarta = event_record(at=datetime(2025, 1, 2, 8, 0, tzinfo=jakarta))

    stored = _chain().get()

    assert stored.at == AT
    assert in_jakarta.at.isoformat() == "2025-01-02T01:00:00+00:00"


@pytest.mark.django_db
def test_before_and_after_are_stored_as_json_gives_them_back():
    event = event_record(
        before={"on": date(2025, 1, 31), "grade": Decimal("3.50"), "ids": (1, 2)},
        after={5: "five"},
    )

    stored = _chain().get()

    assert event.before == {"on": "2025-01-31", "grade": "3.50", "ids": [1, 2]}
    assert event.after == {"5": "five"}
    assert (stored.before, stored.after) == (event.before, event.after)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        pytest.param({"action": "created"}, "action must be", id="action_without_dot_case"),
        pytest.param({"action": "Placement.Created"}, "action must be", id="action_upper_case"),
        pytest.param({"action": "placement.created\n"}, "action must be", id="action_newline_case"),
        pytest.param(
            {"action": "placement..created"}, "action must be", id="action_empty_part_case"
        ),
        pytest.param({"at": datetime(2025, 1, 2, 1, 0)}, "at must be an aware", id="naive_at_case"),  # noqa: DTZ001
        pytest.param({"actor_label": ""}, "actor_label must not be empty", id="no_actor_case"),
        pytest.param({"object_id": ""}, "object_id must not be empty", id="no_object_case"),
        pytest.param({"object_id": "9" * 65}, "object_id is longer than 64", id="long_id_case"),
        pytest.param(
            {"citation": "x" * 501}, "citation is longer than 500", id="long_citation_case"
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(overrides, message):
    with pytest.raises(ValueError, match=message):
        event_record(**overrides)

    assert _chain().count() == 0
    assert AuditChainHead.objects.filter(government_id=GOVERNMENT_ID).count() == 0


@pytest.mark.django_db
def test_a_refused_event_leaves_the_chain_as_it_was():
    first = event_record()

    with pytest.raises(ValueError, match="action must be"):
        event_record(action="bad")
    second = event_record()

    assert (second.seq, second.prev_hash) == (2, first.hash)


@pytest.mark.django_db
def test_recording_the_first_and_a_later_event_takes_a_fixed_number_of_queries(
    django_assert_num_queries,
):
    # First event: head select, head get_or_create (select, savepoint, insert, release), head
    # re-select, event insert, head update. No savepoint of its own: inside a service's
    # transaction an error aborts the whole write, which the event records.
    with django_assert_num_queries(8):
        event_record()

    # Later events: head select, event insert, head update.
    with django_assert_num_queries(3):
        event_record()


@pytest.mark.django_db
def test_a_request_id_is_stored_and_inside_the_keyed_hash():
    event_record(request_id="req-7")

    stored = _chain().get()
    canonical = (
        '{"action":"placement.created","actor_label":"kabid","actor_user_id":7,'
        '"after":{},"at":"2025-01-02T01:00:00+00:00","before":{},"citation":"",'
        '"government_id":900001,"key_id":"1","object_id":"test-42",'
        '"object_type":"organization.placement","request_id":"req-7","rule":"","seq":1}'
    )
    key = settings.AUDIT_KEYS["1"].encode()
    assert stored.request_id == "req-7"
    assert stored.hash == hmac.new(key, (GENESIS + canonical).encode(), hashlib.sha256).hexdigest()


@pytest.mark.django_db
def test_a_request_id_longer_than_its_column_is_refused_and_nothing_is_written():
    with pytest.raises(ValueError, match=r"^request_id is longer than 128 characters$"):
        event_record(request_id="r" * 129)

    assert not _chain().exists()
