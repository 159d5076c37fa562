"""The 201 of `POST /assignments`: built from what the service wrote, equal to the read after.

A request the caller has just submitted is answered without reading it back where the rows the
service wrote are the whole answer (the requester may always see their own request; a plain
first and next step; no letter). Otherwise it is read as `GET /assignments/{id}` reads it. Either
way the body is the one the next GET gives, byte for byte. The POST's query count is fixed here
so that it cannot creep back.
"""

from __future__ import annotations

import pytest

from sikerja.assignments.api import reads
from sikerja.documents.models import Letter
from tests.assignments.api.test_support import agency_head_of, client_for, request_body

# The POST of a within-unit request (WF-PEN-IN) by the kabid for one JF, as a browser session:
# the session, the user, the account and the caller's scope (6, as every API call of a head);
# the caller's employee row; the candidate's NIP; the placements of the requester and the
# candidate (its unit, the home unit, and the V-44 and G34 checks); the candidate's row; the
# service's block (a savepoint and its release inside the test's transaction, 2); the assignment
# and its candidate (2 inserts); the first actor (one resolver query); no open instance yet; the
# instance; the first step; the claim of the instance and the decision on the step (2 updates);
# the next step made current; its actor (one resolver query); the next step; the audit chain
# head (locked), both events (one insert), the head. The answer reads nothing. (It was 63
# before the write was cut down: bench/README.md, "Round five: the write".)
POST_QUERIES = 26


@pytest.fixture
def reads_of(monkeypatch) -> list[int]:
    """The assignments `reads.assignment_view` reads, in order (it still reads them)."""
    read_back = reads.assignment_view
    calls: list[int] = []

    def counted(viewer, assignment_id):
        calls.append(assignment_id)
        return read_back(viewer, assignment_id)

    monkeypatch.setattr(reads, "assignment_view", counted)
    return calls


def _created_then_read(client, body):
    created = client.post("/assignments", body)
    assert created.status_code == 201, created.content
    read = client.get(f"/assignments/{created.json()['id']}")
    assert read.status_code == 200
    return created, read


def test_the_201_of_a_within_unit_request_is_built_from_the_write_and_equals_the_get(
    session_as, persona, reads_of
):
    client = session_as("kabid")

    created, read = _created_then_read(client, request_body(persona("jf_ahli_muda").nip))

    assert created.content == read.content
    assert reads_of == [created.json()["id"]]  # the GET only: the 201 was built from the write
    view = created.json()
    assert [(s["key"], s["status"], s["decision"]) for s in view["steps"]] == [
        ("propose", "DECIDED", "submit"),
        ("appoint", "OPEN", ""),
    ]
    assert view["current_step"] == view["steps"][1]
    assert [c["name"] for c in view["candidates"]] == [persona("jf_ahli_muda").full_name]


def test_the_201_of_a_request_by_token_equals_the_get(token_as, persona, user_of):
    client = token_as(user_of("kabid"))

    created, read = _created_then_read(client, request_body(persona("jf_ahli_muda").nip))

    assert created.content == read.content


def test_a_request_whose_submit_issues_a_letter_is_read_back_and_equals_the_get(
    persona, today, reads_of
):
    client = client_for(agency_head_of(persona("outsider"), today))

    created, read = _created_then_read(client, request_body(persona("jf_ahli_muda").nip))

    assert created.content == read.content
    assert (
        reads_of == [created.json()["id"]] * 2
    )  # the letter's answer is read, as the GET reads it
    letters = [d["doc_type"] for s in created.json()["steps"] for d in s["documents"]]
    assert letters == ["INVOLVEMENT_REQUEST"]
    assert Letter.objects.filter(pk=created.json()["steps"][0]["documents"][0]["id"]).exists()


@pytest.mark.parametrize("key", ["", "kajian-guru-queries"])
def test_the_post_of_a_request_takes_a_fixed_number_of_queries(
    session_as, persona, django_assert_num_queries, key
):
    client = session_as("kabid")
    body = request_body(persona("jf_ahli_muda").nip)
    client.post("/assignments", body)  # the caches of a first request
    headers = {"Idempotency-Key": key} if key else {}

    # With a key: its claim (a savepoint around the insert) and the answer kept on it.
    with django_assert_num_queries(POST_QUERIES + (4 if key else 0)):
        created = client.post("/assignments", body, **headers)

    assert created.status_code == 201
