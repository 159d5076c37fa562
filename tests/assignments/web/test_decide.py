"""Deciding through the assignment page: recommend, approve, reject, stale forms, withdraw."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sikerja.assignments.services import assignment_decide, assignment_recommend
from sikerja.audit.models import AuditEvent
from sikerja.documents.models import Letter
from sikerja.workflows.models import Recommendation, WorkflowInstance, WorkflowStep
from tests.assignments.web.test_world import (
    PERWALI,
    client_for,
    cross_unit_request,
    detail_url,
    instance_of,
    open_step,
    partner_head,
)

V03_CITATION = f"{PERWALI} Lampiran IV 3.1.b.2); " + (
    f"{PERWALI} Lampiran IV 3.1.c.3); "
    f"{PERWALI} Lampiran IV 3.1.2 angka 2 huruf e (pelibatan dari unit organisasi lain); "
    f"{PERWALI} Lampiran IV 3.2.2 huruf e"
)


@pytest.fixture
def assignment(persona, now, today):
    return cross_unit_request(persona, now, today)


@pytest.fixture
def head(assignment):
    return partner_head(assignment)


def _decide_url(assignment) -> str:
    return reverse("web:assignment-decide", args=[assignment.pk])


def _recommend(client, assignment, text="Yang bersangkutan memenuhi kompetensi."):
    step = open_step(assignment)
    return client.post(
        reverse("web:assignment-recommend", args=[assignment.pk]),
        {"step_id": step.pk, "text": text},
    )


def _decide(client, assignment, decision, **extra):
    data = {"step_id": open_step(assignment).pk, "decision": decision, **extra}
    return client.post(_decide_url(assignment), data)


def _state(assignment) -> tuple:
    instance = instance_of(assignment)
    return (
        instance.status,
        instance.version,
        list(instance.steps.order_by("seq").values_list("status", "decision", "reason")),
        Letter.objects.count(),
        AuditEvent.objects.count(),
        Recommendation.objects.count(),
    )


def test_the_partner_head_sees_both_forms_with_the_steps_decisions(client_for_head):
    page = client_for_head.get(client_for_head.detail).context["page"]

    assert [b.label for b in page.decision.buttons] == ["Setujui", "Tolak"]
    assert page.decision.reason_hint == "Wajib diisi untuk: Tolak."
    assert page.decision.names_staff is True
    assert page.recommendation.step_id == page.decision.step_id


@pytest.fixture
def client_for_head(assignment, head):
    client = client_for(head)
    client.detail = detail_url(assignment)
    return client


def test_the_head_recommends_then_approves_and_the_flow_moves_on(assignment, head, client_for_head):
    recommended = _recommend(client_for_head, assignment)
    approved = _decide(client_for_head, assignment, "approve")
    page = client_for_head.get(client_for_head.detail)

    review = instance_of(assignment).steps.get(step_key="review")
    assert (recommended.status_code, recommended["Location"]) == (302, client_for_head.detail)
    assert (approved.status_code, approved["Location"]) == (302, client_for_head.detail)
    assert (review.status, review.decision, review.decided_by_id) == ("DECIDED", "approve", head.pk)
    assert review.recommendations.get().text == "Yang bersangkutan memenuhi kompetensi."
    assert open_step(assignment).step_key == "letter"
    assert [str(m) for m in page.context["messages"]] == [
        "Rekomendasi tersimpan.",
        "Keputusan “Setujui” tersimpan.",
    ]
    assert [row.decision_label for row in page.context["page"].timeline] == [
        "Dikirim",
        "Disetujui",
        "",
    ]


def test_approving_before_the_recommendation_is_refused_under_v23(assignment, client_for_head):
    before = _state(assignment)

    response = _decide(client_for_head, assignment, "approve")

    error = response.context["page"].error
    assert response.status_code == 400
    assert (error.code, error.rule) == ("recommendation_required", "V-23")
    assert error.citation == (
        f"{PERWALI} Lampiran IV 3.1.2 angka 2 huruf b (pelibatan dari unit organisasi lain)"
    )
    assert _state(assignment) == before


def test_rejecting_without_a_reason_shows_v03_and_writes_nothing(assignment, client_for_head):
    before = _state(assignment)

    response = _decide(client_for_head, assignment, "reject", reason="  ")

    page = response.context["page"]
    html = response.content.decode()
    assert response.status_code == 400
    assert (page.error.code, page.error.rule, page.error.citation) == (
        "reason_required",
        "V-03",
        V03_CITATION,
    )
    assert page.decision.form.errors["reason"] == ["Wajib diisi."]
    assert ">V-03<" not in html
    assert f'data-testid="refusal-citation">{V03_CITATION}<' in html
    assert _state(assignment) == before


def test_rejecting_with_a_reason_closes_the_request_and_shows_the_reason(
    assignment, client_for_head
):
    response = _decide(client_for_head, assignment, "reject", reason="Beban kerja penuh.")

    page = client_for_head.get(client_for_head.detail).context["page"]
    assert response.status_code == 302
    assert instance_of(assignment).status == WorkflowInstance.Status.REJECTED
    assert page.status_label == "Ditolak"
    assert (page.timeline[1].decision_label, page.timeline[1].reason) == (
        "Ditolak",
        "Beban kerja penuh.",
    )
    assert page.decision is None


@pytest.mark.parametrize("name", ["kepala_dinas", "outsider", "bkpsdm"])
def test_anyone_but_the_actor_sees_no_form_and_gets_404_on_post(assignment, client_of, name):
    client = client_of(name)
    before = _state(assignment)

    page = client.get(detail_url(assignment)).context["page"]
    decided = _decide(client, assignment, "approve")
    recommended = _recommend(client, assignment)

    assert (page.decision, page.recommendation) == (None, None)
    assert (decided.status_code, recommended.status_code) == (404, 404)
    assert _state(assignment) == before


def test_a_person_who_may_not_see_the_assignment_gets_404_everywhere(assignment, client_of):
    client = client_of("jf_ahli_muda")
    withdraw = reverse("web:assignment-withdraw", args=[assignment.pk])

    answers = [
        client.get(detail_url(assignment)).status_code,
        _decide(client, assignment, "approve").status_code,
        client.post(withdraw).status_code,
    ]

    assert answers == [404, 404, 404]


def test_a_form_for_a_step_someone_else_decided_says_so_and_shows_the_fresh_state(
    assignment, head, client_for_head, now, today
):
    step = open_step(assignment)
    assignment_recommend(step_id=step.pk, by=head, text="Direkomendasikan.", at=now)
    assignment_decide(step_id=step.pk, by=head, decision="approve", at=now, on=today)

    response = client_for_head.post(
        _decide_url(assignment),
        {"step_id": step.pk, "decision": "reject", "reason": "x"},
        follow=True,
    )

    assert response.redirect_chain == [(client_for_head.detail, 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "Langkah ini sudah diputuskan pihak lain. Berikut keadaan terbarunya."
    ]
    assert response.context["page"].decision.step_label == open_step(assignment).label
    assert instance_of(assignment).steps.get(pk=step.pk).decision == "approve"


def test_the_requester_withdraws_before_anyone_decided(assignment, client_of):
    client = client_of("kepala_dinas")

    shown = client.get(detail_url(assignment)).context["page"].may_withdraw
    response = client.post(reverse("web:assignment-withdraw", args=[assignment.pk]))

    assert (shown, response.status_code) == (True, 302)
    assert instance_of(assignment).status == WorkflowInstance.Status.WITHDRAWN
    assert instance_of(assignment).steps.get(step_key="review").status == "CANCELLED"


def test_after_the_partner_decided_withdrawing_is_refused(assignment, head, client_of, now, today):
    step = open_step(assignment)
    assignment_recommend(step_id=step.pk, by=head, text="Direkomendasikan.", at=now)
    assignment_decide(step_id=step.pk, by=head, decision="approve", at=now, on=today)
    client = client_of("kepala_dinas")
    before = _state(assignment)

    shown = client.get(detail_url(assignment)).context["page"].may_withdraw
    response = client.post(reverse("web:assignment-withdraw", args=[assignment.pk]))

    assert shown is False
    assert response.status_code == 400
    assert response.context["page"].error.code == "not_withdrawable"
    assert _state(assignment) == before


def test_get_on_a_decision_address_is_not_allowed(assignment, client_for_head):
    assert client_for_head.get(_decide_url(assignment)).status_code == 405


def test_the_assignee_acknowledges_the_letter_and_the_request_is_done(
    assignment, head, client_of, now, today
):
    for decision in ("approve", "approve"):
        step = open_step(assignment)
        if step.recommender_id:
            assignment_recommend(step_id=step.pk, by=head, text="Direkomendasikan.", at=now)
        assignment_decide(step_id=step.pk, by=head, decision=decision, at=now, on=today)
    client = client_of("outsider")

    buttons = client.get(detail_url(assignment)).context["page"].decision.buttons
    response = _decide(client, assignment, "acknowledge")

    assert [b.label for b in buttons] == ["Terima"]
    assert response.status_code == 302
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED
    assert list(
        Letter.objects.filter(workflow_instance_id=instance_of(assignment).pk)
        .order_by("pk")
        .values_list("doc_type", flat=True)
    ) == ["INVOLVEMENT_REQUEST", "INVOLVEMENT_REPLY", "ASSIGNMENT_LETTER"]
    assert (
        WorkflowStep.objects.filter(
            instance=instance_of(assignment), status=WorkflowStep.Status.OPEN
        ).count()
        == 0
    )


# The POST routes for every persona on the cross-unit request waiting for the Sekretaris DPRD
# (no persona): only the requester may withdraw; nobody else may decide or recommend.
PERSONAS = (
    "bkpsdm",
    "sekda",
    "kepala_dinas",
    "kabid",
    "subkoordinator",
    "jf_ahli_muda",
    "pelaksana",
    "outsider",
    "other_tenant",
)
POST_MATRIX = {
    "assignment-decide": (404, 404, 404, 404, 404, 404, 404, 404, 404),
    "assignment-recommend": (404, 404, 404, 404, 404, 404, 404, 404, 404),
    "assignment-withdraw": (404, 404, 302, 404, 404, 404, 404, 404, 404),
}
POST_CASES = [
    pytest.param(name, persona, expected[index], id=f"{persona}-{name}")
    for name, expected in POST_MATRIX.items()
    for index, persona in enumerate(PERSONAS)
]


@pytest.mark.parametrize(("name", "persona_name", "expected"), POST_CASES)
def test_persona_gets_the_expected_answer_for_the_post_route(
    assignment, client_of, name, persona_name, expected
):
    step = open_step(assignment)
    data = {"step_id": step.pk, "decision": "approve", "text": "Direkomendasikan."}
    before = _state(assignment)

    response = client_of(persona_name).post(reverse(f"web:{name}", args=[assignment.pk]), data)

    assert response.status_code == expected
    assert (_state(assignment) == before) is (expected == 404)


def test_a_step_of_another_assignment_is_not_decided_through_this_address(
    persona, now, today, assignment, head
):
    other = cross_unit_request(persona, now, today)
    client = client_for(head)
    before = (_state(assignment), _state(other))

    response = client.post(
        _decide_url(other),
        {"step_id": open_step(assignment).pk, "decision": "reject", "reason": "Salah alamat."},
    )

    assert response.status_code == 404
    assert (_state(assignment), _state(other)) == before
