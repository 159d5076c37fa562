import pytest

from sikerja.audit.selectors import event_list_for_government, event_list_for_object
from tests.audit.factories import GOVERNMENT_ID, OBJECT_ID, OTHER_GOVERNMENT_ID, event_record


@pytest.mark.django_db
def test_events_of_an_object_come_in_chain_order_and_exclude_other_objects():
    created = event_record(object_id=OBJECT_ID, action="placement.created")
    event_record(object_id="test-43")
    event_record(object_type="organization.agency", object_id=OBJECT_ID)
    ended = event_record(object_id=OBJECT_ID, action="placement.ended")

    events = event_list_for_object(object_type="organization.placement", object_id=OBJECT_ID)

    assert [event.pk for event in events] == [created.pk, ended.pk]


@pytest.mark.django_db
def test_latest_events_of_a_government_come_newest_first_up_to_the_limit():
    for number in range(4):
        event_record(object_id=f"test-{number}")
    event_record(government_id=OTHER_GOVERNMENT_ID)

    events = event_list_for_government(government_id=GOVERNMENT_ID, limit=3)

    assert [(event.government_id, event.seq) for event in events] == [
        (GOVERNMENT_ID, 4),
        (GOVERNMENT_ID, 3),
        (GOVERNMENT_ID, 2),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("event_count", [1, 5])
def test_event_lists_take_one_query_at_any_size(event_count, django_assert_num_queries):
    for _ in range(event_count):
        event_record()

    with django_assert_num_queries(1):
        by_government = event_list_for_government(government_id=GOVERNMENT_ID, limit=10)
    with django_assert_num_queries(1):
        by_object = list(
            event_list_for_object(object_type="organization.placement", object_id=OBJECT_ID)
        )

    assert (len(by_government), len(by_object)) == (event_count, event_count)
