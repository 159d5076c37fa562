"""The boxes and the detail cost the same number of queries whatever their size.

Each count includes the session and user lookups (2) and building the caller's scope (4 for a
head, 3 for staff; see tests/organization/api/test_query_counts.py). Reviewed like code: a change shows up in
the diff.
"""

from __future__ import annotations

import pytest

from sikerja.assignments.services import assignment_decide
from tests.assignments.api.test_support import cross_request, open_step, within_request

BASELINE = {
    "inbox": 10,  # 6 + delegations to me, my open steps, their assignments, with status
    "sent": 8,  # 6 + the count and the page
    "all": 8,
    "all_operator": 8,
    "detail": 13,  # 6 + assignment, candidates, instance, steps, recommendations, my NIP, letters
}


def _requests(persona, now, today, count: int) -> None:
    """`count` requests of each kind (both wait for the kepala_dinas and involve the kabid)."""
    for _ in range(count):
        within_request(persona, now, today)
        cross_request(persona, now, today)


def _count(django_assert_num_queries, client, expected, path, **params):
    with django_assert_num_queries(expected):
        response = client.get(path, **params)
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(
    ("case", "name", "box"),
    [
        ("inbox", "kepala_dinas", "inbox"),
        ("sent", "kabid", "sent"),
        ("all", "kabid", "all"),
        ("all_operator", "bkpsdm", "all"),
    ],
)
def test_a_box_costs_the_same_queries_at_two_sizes(
    django_assert_num_queries, session_as, persona, now, today, case, name, box
):
    _requests(persona, now, today, 1)
    client = session_as(name)
    small = _count(django_assert_num_queries, client, BASELINE[case], "/assignments", box=box)

    _requests(persona, now, today, 3)
    large = _count(django_assert_num_queries, client, BASELINE[case], "/assignments", box=box)

    assert large["count"] > small["count"]
    assert len(large["items"]) == large["count"]


def test_the_detail_costs_the_same_queries_at_two_lengths(
    django_assert_num_queries, session_as, persona, now, today
):
    short = within_request(persona, now, today)
    long = within_request(persona, now, today)
    assignment_decide(
        step_id=open_step(long).pk, by=persona("kepala_dinas"), decision="approve", at=now, on=today
    )
    client = session_as("kabid")

    brief = _count(
        django_assert_num_queries, client, BASELINE["detail"], f"/assignments/{short.pk}"
    )
    full = _count(django_assert_num_queries, client, BASELINE["detail"], f"/assignments/{long.pk}")

    assert (len(brief["steps"]), len(full["steps"])) == (2, 3)
