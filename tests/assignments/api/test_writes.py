"""Writes of the penugasan API: Idempotency-Key, lost races, withdrawal, recommendations."""

from __future__ import annotations

from sikerja.assignments.models import Assignment
from sikerja.audit.models import AuditEvent
from sikerja.workflows.models import Recommendation, WorkflowInstance, WorkflowStep
from tests.assignments.api.test_support import (
    cross_request,
    open_step,
    request_body,
    within_request,
)


def _decide_path(assignment, step) -> str:
    return f"/assignments/{assignment.pk}/steps/{step.pk}/decide"


def test_the_same_idempotency_key_twice_creates_one_assignment(session_as, persona, world):
    client = session_as("kabid")
    body = request_body(persona("jf_ahli_muda").nip)
    before = Assignment.objects.count()

    first = client.post("/assignments", body, **{"Idempotency-Key": "kajian-guru-1"})
    retry = client.post("/assignments", body, **{"Idempotency-Key": "kajian-guru-1"})

    assert (first.status_code, retry.status_code) == (201, 201)
    assert retry.content == first.content
    assert retry["Idempotent-Replayed"] == "true"
    assert Assignment.objects.count() == before + 1
    assert Assignment.objects.get(pk=first.json()["id"]).requester == persona("kabid")


def test_without_a_key_a_second_create_is_a_second_request(session_as, persona):
    client = session_as("kabid")
    body = request_body(persona("jf_ahli_muda").nip)
    before = Assignment.objects.count()

    first = client.post("/assignments", body)
    second = client.post("/assignments", body)

    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json()["id"] != second.json()["id"]
    assert Assignment.objects.count() == before + 2


def test_a_retried_decision_with_its_key_replays_the_answer(session_as, persona, now, today):
    assignment = within_request(persona, now, today)
    step = open_step(assignment)
    client = session_as("kepala_dinas")
    events = AuditEvent.objects.count()

    first = client.post(
        _decide_path(assignment, step), {"decision": "approve"}, **{"Idempotency-Key": "d-1"}
    )
    retry = client.post(
        _decide_path(assignment, step), {"decision": "approve"}, **{"Idempotency-Key": "d-1"}
    )

    assert (first.status_code, retry.status_code) == (200, 200)
    assert (retry.content, retry["Idempotent-Replayed"]) == (first.content, "true")
    assert first.json()["current_step"]["key"] == "receive"
    # One decision: the step's audit event and the letter's, once.
    assert AuditEvent.objects.count() == events + 2


def test_the_second_of_two_decisions_on_one_step_loses_with_stale_state(
    session_as, persona, now, today
):
    assignment = within_request(persona, now, today)
    step = open_step(assignment)
    kadis = session_as("kepala_dinas")

    first = kadis.post(
        _decide_path(assignment, step), {"decision": "approve"}, **{"Idempotency-Key": "a"}
    )
    second = kadis.post(
        _decide_path(assignment, step),
        {"decision": "reject", "reason": "Beban kerja bidang sedang tinggi."},
        **{"Idempotency-Key": "b"},
    )

    assert first.status_code == 200
    assert second.status_code == 409
    assert second.json() == {
        "code": "stale_state",
        "message": "Langkah ini sudah diputuskan atau dialihkan.",
        "rule": "",
        "citation": "",
        "fields": {},
    }
    decided = WorkflowStep.objects.get(pk=step.pk)
    assert (decided.decision, decided.reason) == ("approve", "")


def test_the_requester_withdraws_before_anyone_else_decided(session_as, persona, now, today):
    assignment = within_request(persona, now, today)

    as_appointer = session_as("kepala_dinas").post(f"/assignments/{assignment.pk}/withdraw")
    withdrawn = session_as("kabid").post(f"/assignments/{assignment.pk}/withdraw")

    assert (as_appointer.status_code, as_appointer.json()["code"]) == (404, "not_found")
    assert withdrawn.status_code == 200
    view = withdrawn.json()
    assert (view["status"], view["status_label"], view["current_step"]) == (
        "WITHDRAWN",
        "Ditarik",
        None,
    )
    assert [step["status"] for step in view["steps"]] == ["DECIDED", "CANCELLED"]


def test_after_another_decision_the_request_can_no_longer_be_withdrawn(
    session_as, persona, now, today
):
    assignment = within_request(persona, now, today)
    session_as("kepala_dinas").post(
        _decide_path(assignment, open_step(assignment)), {"decision": "approve"}
    )

    response = session_as("kabid").post(f"/assignments/{assignment.pk}/withdraw")

    assert (response.status_code, response.json()["code"]) == (400, "not_withdrawable")
    instance = WorkflowInstance.objects.get(
        subject_id=assignment.pk, subject_type="assignments.assignment"
    )
    assert instance.status == WorkflowInstance.Status.OPEN


def test_only_the_steps_recommender_recommends(session_as, persona, now, today):
    assignment = cross_request(persona, now, today)
    step = open_step(assignment)
    path = f"/assignments/{assignment.pk}/steps/{step.pk}/recommend"

    as_actor = session_as("kepala_dinas").post(path, {"text": "Setuju."})
    empty = session_as("kabid").post(path, {"text": "  "})
    recommended = session_as("kabid").post(path, {"text": "Memenuhi kompetensi."})

    assert (as_actor.status_code, as_actor.json()["code"]) == (404, "not_found")
    assert (empty.status_code, empty.json()["fields"]) == (400, {"text": "Wajib diisi."})
    assert recommended.status_code == 200
    assert Recommendation.objects.get(step=step).by == persona("kabid")


def test_an_integration_submits_with_its_bearer_token(token_as, user_of, persona):
    client = token_as(user_of("kabid"))

    response = client.post("/assignments", request_body(persona("jf_ahli_muda").nip))

    assert response.status_code == 201
    assert Assignment.objects.get(pk=response.json()["id"]).requester == persona("kabid")
