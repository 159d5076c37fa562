"""A refusal that someone else may undo names them, by name and position as the organisation
answers on the day, and says what to do next; the page shows both beside the citation."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from sikerja.assignments.models import Assignment
from sikerja.assignments.services import assignment_decide, assignment_recommend
from sikerja.core.errors import Official
from sikerja.organization.models import Employee, Placement
from tests.assignments.web.test_world import (
    client_for,
    cross_unit_request,
    instance_of,
    open_step,
    partner_head,
    request_form,
)
from tests.web.helpers import text

CREATE = "/penugasan/baru/"
ACTING = {"PLT": "Plt. ", "PLH": "Plh. "}


def _official(employee: Employee, today) -> Official:
    """The employee as the organisation data places them on the day."""
    placement = Placement.objects.effective_on(today).filter(employee=employee).get()
    title = f"{ACTING.get(placement.kind, '')}{placement.position.title}"
    return Official(name=employee.full_name, position=title)


@pytest.fixture
def form_data(persona, today):
    return request_form(persona, today)


def _refusal_text(response) -> str:
    """The text of the page's refusal box."""
    html = response.content.decode()
    start = html.index('data-testid="refusal"')
    return text("<div " + html[start : html.index("</div>", start)])


def test_a_jf_asking_for_an_appointment_is_told_who_asks_and_what_to_do(
    client_of, form_data, persona, today
):
    head = persona("kepala_dinas")

    response = client_of("jf_ahli_muda").post(CREATE, form_data)

    error = response.context["page"].error
    assert (error.code, error.instead) == ("not_first_actor", (_official(head, today),))
    assert error.next_step == (
        f"Sampaikan kebutuhan penugasan ini kepada {head.full_name}, yang mengajukannya."
    )
    assert (
        f"Yang dapat melakukannya: {head.full_name} ({_official(head, today).position})"
        in _refusal_text(response)
    )
    assert f"Yang perlu dilakukan: {error.next_step}" in _refusal_text(response)
    assert Assignment.objects.count() == 0


def test_approving_before_the_recommendation_names_the_recommender_and_the_reminder(
    persona, now, today
):
    assignment = cross_unit_request(persona, now, today)
    step = open_step(assignment)
    recommender = step.recommender

    response = client_for(partner_head(assignment)).post(
        reverse("web:assignment-decide", args=[assignment.pk]),
        {"step_id": step.pk, "decision": "approve"},
    )

    error = response.context["page"].error
    assert (error.code, error.instead) == (
        "recommendation_required",
        (_official(recommender, today),),
    )
    assert error.next_step == (
        f"Tunggu rekomendasi {recommender.full_name}, atau kirim pengingat kepadanya dari "
        "halaman ini."
    )
    assert f"Yang dapat melakukannya: {recommender.full_name}" in _refusal_text(response)


def test_withdrawing_after_the_partner_decided_names_who_decides_now(persona, now, today):
    assignment = cross_unit_request(persona, now, today)
    head = partner_head(assignment)
    step = open_step(assignment)
    assignment_recommend(step_id=step.pk, by=step.recommender, text="Direkomendasikan.", at=now)
    assignment_decide(step_id=step.pk, by=head, decision="approve", at=now, on=today)
    deciding = open_step(assignment)

    response = client_for(persona("kepala_dinas")).post(
        reverse("web:assignment-withdraw", args=[assignment.pk])
    )

    error = response.context["page"].error
    assert error.code == "not_withdrawable"
    assert error.instead == (
        Official(name=deciding.actor_name, position=_official(deciding.actor, today).position),
    )
    assert error.next_step == (
        f"Sampaikan kepada {deciding.actor_name}, yang kini memutuskan permohonan ini, bahwa "
        "permohonan tidak lagi diperlukan."
    )
    assert instance_of(assignment).status == "OPEN"


def test_a_refusal_without_anyone_to_do_it_instead_names_no_one(client_of, form_data):
    response = client_of("kepala_dinas").post(CREATE, {**form_data, "channel": "ORAL"})

    error = response.context["page"].error
    assert (error.code, error.instead, error.next_step) == ("oral_not_allowed", (), "")
    assert "Yang dapat melakukannya" not in _refusal_text(response)


def test_in_english_the_refusal_says_who_may_do_it_and_what_to_do(form_data, persona, today):
    head = persona("kepala_dinas")
    client = client_for(persona("jf_ahli_muda"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    with translation.override(settings.LANGUAGE_CODE):  # the request's English ends with it
        response = client.post(CREATE, form_data)

    shown = _refusal_text(response)
    assert f"Who may do it: {head.full_name} ({_official(head, today).position})" in shown
    assert f"Tell {head.full_name}, who makes this request, that the assignment is needed." in shown
