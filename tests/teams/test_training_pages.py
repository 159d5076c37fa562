"""Training-need proposals (V-62) on the pages and API v1: the Blitar unit head proposes from the
workload page (citing Pasal 29(2)), BKPSDM decides from its list, the API does the same with
`Idempotency-Key` and the shared error shape, and the list pages keep a constant query count at
two data sizes.

The Blitar world of tests/teams/test_workload.py: four people of the Bidang lack the "analisis
data" their teams ask for.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from sikerja.teams.training import Decision, training_proposal_decide
from sikerja.teams.training_models import TrainingNeedProposal
from tests.clients import ApiClient
from tests.documents.users import login_for
from tests.teams.test_training import BLITAR_V62, LATER, _operator, _propose
from tests.teams.test_workload import _blitar_unit_with_an_uneven_load
from tests.teams.world import ON

pytestmark = pytest.mark.django_db


@pytest.fixture
def blitar():
    return _blitar_unit_with_an_uneven_load()


_logins = iter(range(1, 100))


def _session(org, employee=None, role="EMPLOYEE") -> Client:
    session = Client()
    name = f"login-{org.government.pk}-{next(_logins)}"
    session.force_login(login_for(employee, government=org.government, role=role, username=name))
    return session


def _page(session: Client, org) -> str:
    response = session.get(reverse("web:team-workload", args=[org.units["bidang"].pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_v62_blitar_the_unit_head_proposes_from_the_workload_page_citing_pasal_29_ayat_2(blitar):
    org, people = blitar
    kabid = _session(org, org.people["bidang"])
    before = _page(kabid, org)

    response = kabid.post(
        reverse("web:training-propose", args=[org.units["bidang"].pk]),
        {
            "employee_id": people["pelaksana"].pk,
            "competencies": ["analisis data"],
            "reason": "Pendataan sarana membutuhkan analisis data",
        },
    )
    after = _page(kabid, org)

    url = reverse("web:team-workload", args=[org.units["bidang"].pk])
    assert (response.status_code, response["Location"]) == (302, f"{url}#usulan-pelatihan")
    assert f"Wajib diusulkan: <cite>{BLITAR_V62}</cite> (V-62)" in before
    assert (
        before.count('data-testid="gap-person-row"'),
        before.count('data-testid="training-form"'),
    ) == (4, 4)
    assert after.count('data-testid="training-form"') == 3
    assert "Usulan kebutuhan pelatihan dikirim ke BKPSDM: analisis data." in after
    proposal = TrainingNeedProposal.objects.get()
    assert (proposal.employee_id, proposal.competencies, proposal.rule) == (
        people["pelaksana"].pk,
        ["analisis data"],
        "V-62",
    )


def test_a_duplicate_proposal_on_the_page_is_refused_with_its_reason_and_writes_nothing(blitar):
    org, people = blitar
    _propose(org, people)
    kabid = _session(org, org.people["bidang"])

    response = kabid.post(
        reverse("web:training-propose", args=[org.units["bidang"].pk]),
        {
            "employee_id": people["pelaksana"].pk,
            "competencies": ["analisis data"],
            "reason": "Lagi",
        },
    )

    text = response.content.decode()
    assert response.status_code == 400
    assert 'data-testid="refusal"' in text
    assert "Kebutuhan ini sudah diusulkan pada 2026-11-23" in text
    assert TrainingNeedProposal.objects.count() == 1


def test_the_sekda_sees_the_gaps_but_is_offered_no_proposal_form(blitar):
    org, _people = blitar

    html = _page(_session(org, org.people["setda"]), org)

    assert html.count('data-testid="gap-person-row"') == 4
    assert 'data-testid="training-form"' not in html


# The session, the user, the account, the operator's scope, the page of proposals (its count and
# its rows with their people and unit), the messages.
LIST_QUERIES = 6


def test_bkpsdm_lists_the_waiting_proposals_and_schedules_one(blitar, django_assert_num_queries):
    org, people = blitar
    first = _propose(org, people)
    operator = _session(org, role="BKPSDM_ADMIN")
    url = reverse("web:training-proposals")
    with django_assert_num_queries(LIST_QUERIES):
        one = operator.get(url).content.decode()
    _propose(org, people, who="terampil")
    _propose(org, people, who="ahli_pertama")
    with django_assert_num_queries(LIST_QUERIES):
        three = operator.get(url).content.decode()

    response = operator.post(
        reverse("web:training-decide", args=[first.pk]),
        {"decision": "schedule", "scheduled_on": "2027-02-08", "programme": "Diklat Analisis Data"},
    )

    assert (one.count('data-testid="training-row"'), three.count('data-testid="training-row"')) == (
        1,
        3,
    )
    assert three.count('data-testid="training-decision-form"') == 3
    assert (response.status_code, response["Location"]) == (302, url)
    first.refresh_from_db()
    assert (first.status, first.scheduled_on, first.programme) == (
        "SCHEDULED",
        dt.date(2027, 2, 8),
        "Diklat Analisis Data",
    )


def test_the_unit_head_sees_their_proposals_but_no_decision_form(blitar):
    org, people = blitar
    _propose(org, people)

    html = _session(org, org.people["bidang"]).get(reverse("web:training-proposals")).content
    post = _session(org, org.people["bidang"]).post(
        reverse("web:training-decide", args=[TrainingNeedProposal.objects.get().pk]),
        {"decision": "decline", "reason": "Bukan wewenang"},
    )

    text = html.decode()
    assert (text.count('data-testid="training-row"'), "training-decision-form" in text) == (
        1,
        False,
    )
    assert post.status_code == 403
    assert TrainingNeedProposal.objects.get().status == "SUBMITTED"


def test_the_workload_page_costs_the_same_queries_with_one_proposal_and_three(
    blitar, django_assert_num_queries
):
    org, people = blitar
    kabid = _session(org, org.people["bidang"])
    url = reverse("web:team-workload", args=[org.units["bidang"].pk])
    _propose(org, people)
    with django_assert_num_queries(30):  # tests/teams/test_workload.py QUERIES + 1 (the page)
        first = kabid.get(url).content.decode()

    _propose(org, people, who="terampil")
    _propose(org, people, who="ahli_pertama")
    with django_assert_num_queries(30):
        second = kabid.get(url).content.decode()

    assert (
        first.count('data-testid="training-form"'),
        second.count('data-testid="training-form"'),
    ) == (3, 1)


def _api(org, employee=None, role="EMPLOYEE") -> ApiClient:
    return ApiClient(_session(org, employee, role))


def _body(org, people, who="pelaksana") -> dict:
    return {
        "unit_id": org.units["bidang"].pk,
        "nip": people[who].nip,
        "competencies": ["analisis data"],
        "reason": "Pendataan sarana membutuhkan analisis data",
    }


def test_the_api_proposes_once_per_idempotency_key_and_refuses_a_duplicate(blitar):
    org, people = blitar
    api = _api(org, org.people["bidang"])

    first = api.post("/training-proposals", _body(org, people), **{"Idempotency-Key": "k-1"})
    replay = api.post("/training-proposals", _body(org, people), **{"Idempotency-Key": "k-1"})
    duplicate = api.post("/training-proposals", _body(org, people), **{"Idempotency-Key": "k-2"})

    assert (first.status_code, replay.status_code, replay.json()) == (201, 201, first.json())
    assert (first.json()["rule"], first.json()["citation"], first.json()["status"]) == (
        "V-62",
        BLITAR_V62,
        "SUBMITTED",
    )
    error = duplicate.json()
    assert (duplicate.status_code, error["code"], list(error["fields"])) == (
        400,
        "training_need_already_proposed",
        ["competencies"],
    )
    assert TrainingNeedProposal.objects.count() == 1


def test_the_api_refuses_a_proposer_who_does_not_head_the_unit_citing_v62(blitar):
    org, people = blitar

    response = _api(org, people["ahli_muda"]).post("/training-proposals", _body(org, people))

    assert (response.status_code, response.json()["code"], response.json()["rule"]) == (
        403,
        "permission_denied",
        "V-62",
    )
    assert response.json()["citation"] == BLITAR_V62


def test_the_api_lets_bkpsdm_decide_and_shows_each_side_only_what_concerns_them(blitar):
    org, people = blitar
    proposal = _propose(org, people)
    path = f"/training-proposals/{proposal.pk}/decide"
    decision = {"decision": "decline", "reason": "Kuota diklat 2027 penuh"}

    by_head = _api(org, org.people["bidang"]).post(path, decision)
    by_stranger = _api(org, people["ahli_pertama"]).post(path, decision)
    by_operator = _api(org, role="BKPSDM_ADMIN").post(path, decision)
    again = _api(org, role="BKPSDM_ADMIN").post(path, decision)
    seen = {
        who: [row["id"] for row in _api(org, people[who]).get("/training-proposals").json()]
        for who in ("pelaksana", "ahli_pertama")
    }

    assert (by_head.status_code, by_head.json()["code"]) == (403, "permission_denied")
    assert (by_stranger.status_code, by_stranger.json()["code"]) == (404, "not_found")
    assert (by_operator.status_code, by_operator.json()["status"]) == (200, "DECLINED")
    assert by_operator.json()["decline_reason"] == "Kuota diklat 2027 penuh"
    assert (again.status_code, again.json()["code"]) == (409, "stale_state")
    assert seen == {"pelaksana": [proposal.pk], "ahli_pertama": []}


def test_the_api_list_filters_by_status(blitar):
    org, people = blitar
    waiting = _propose(org, people)
    scheduled = _propose(org, people, who="terampil")
    training_proposal_decide(
        actor=_operator(org),
        proposal_id=scheduled.pk,
        decision=Decision(schedule=True, scheduled_on=dt.date(2027, 2, 8), programme="Diklat"),
        at=LATER,
        on=ON,
    )
    api = _api(org, role="BKPSDM_ADMIN")

    rows = {
        status: [row["id"] for row in api.get("/training-proposals", status=status).json()]
        for status in ("SUBMITTED", "SCHEDULED", "DECLINED")
    }

    assert rows == {"SUBMITTED": [waiting.pk], "SCHEDULED": [scheduled.pk], "DECLINED": []}


def test_the_proposals_page_speaks_english_when_asked(blitar, settings):
    org, people = blitar
    _propose(org, people)
    operator = _session(org, role="BKPSDM_ADMIN")
    operator.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    text = operator.get(reverse("web:training-proposals")).content.decode()

    assert "Training-need proposals" in text
    assert "Waiting for BKPSDM&#x27;s decision" in text
    assert "Usulan kebutuhan pelatihan" not in text
