"""Reads of the penugasan API: one assignment with its timeline, and the three boxes."""

from __future__ import annotations

from sikerja.documents.models import Letter
from sikerja.organization.models import Placement
from sikerja.organization.nip import mask_nip
from tests.assignments.api.test_support import (
    PERWALI,
    agency_head_of,
    client_for,
    cross_request,
    open_step,
    within_request,
)


def _unit(employee, today):
    unit = Placement.objects.effective_on(today).get(employee=employee).position.unit
    return {
        "id": unit.pk,
        "name": unit.name,
        "agency": {"id": unit.agency_id, "name": unit.agency.name},
    }


def _title(employee, today) -> str:
    return Placement.objects.effective_on(today).get(employee=employee).position.title


def test_the_detail_shows_the_request_its_flow_and_the_timeline_with_its_letters(
    session_as, persona, now, today
):
    assignment = cross_request(persona, now, today)
    requester, jf = agency_head_of(persona("outsider"), today), persona("jf_ahli_muda")
    kadis, kabid = persona("kepala_dinas"), persona("kabid")
    letter = Letter.objects.get(workflow_step_id=open_step(assignment).pk - 1)

    response = session_as("kepala_dinas").get(f"/assignments/{assignment.pk}")

    assert response.status_code == 200
    view = response.json()
    submitted, review = view["steps"]
    assert {key: view[key] for key in ("id", "title", "mode", "mode_label", "subject")} == {
        "id": assignment.pk,
        "title": "Penyusunan kajian kebutuhan guru SD 2027",
        "mode": "APPOINTMENT",
        "mode_label": "Penunjukan",
        "subject": "INDIVIDUAL",
    }
    assert (view["scope"], view["scope_label"], view["channel"]) == (
        "CROSS_UNIT",
        "Lintas unit organisasi",
        "WRITTEN",
    )
    assert (view["status"], view["status_label"]) == ("OPEN", "Berjalan")
    assert view["requester"] == {"nip": mask_nip(requester.nip), "name": requester.full_name}
    assert view["owner_unit"] == _unit(requester, today)
    assert view["home_unit"] == _unit(jf, today)
    assert view["external_government"] is None
    assert view["candidates"] == [{"nip": mask_nip(jf.nip), "name": jf.full_name, "is_lead": False}]
    assert (view["starts_on"], view["ends_on"], view["additional_task"]) == (
        "2026-12-01",
        "2027-02-28",
        False,
    )
    assert view["current_step"] == review
    assert {
        key: submitted[key] for key in ("seq", "key", "status", "decision", "decision_label")
    } == {
        "seq": 1,
        "key": "request",
        "status": "DECIDED",
        "decision": "submit",
        "decision_label": "kirim",
    }
    assert submitted["decided_by"] == {"nip": mask_nip(requester.nip), "name": requester.full_name}
    assert submitted["citation"] == f"{PERWALI} Lampiran IV 3.1.b.1)"
    assert review["actor"] == {
        "name": kadis.full_name,
        "position": _title(kadis, today),
        "acting": "DEFINITIVE",
        "rule": "G30",
        "citation": review["actor"]["citation"],
    }
    assert (review["status"], review["decision"], review["decided_by"], review["decided_at"]) == (
        "OPEN",
        "",
        None,
        None,
    )
    assert (review["recommendation_required"], review["recommendations"], review["documents"]) == (
        True,
        [],
        [],
    )
    assert submitted["documents"] == [
        {
            "id": letter.pk,
            "number": letter.number,
            "doc_type": "INVOLVEMENT_REQUEST",
            "doc_type_label": "Surat permohonan pelibatan",
            "title": "Surat Permohonan Pelibatan Pejabat Fungsional dan/atau Pelaksana",
            "issued_on": "2026-11-23",
            "signer": {"name": requester.full_name, "position": _title(requester, today)},
            "addressees": [kadis.full_name],
            "cc": [kabid.full_name],
            "verification_code": letter.verification_code,
            "verification_url": f"http://127.0.0.1:8000/verifikasi/{letter.verification_code}/",
            "pdf_url": f"/api/v1/letters/{letter.pk}/pdf",
            "is_external": False,
            "is_revoked": False,
            "can_download": True,
        }
    ]


def test_the_operator_sees_full_nips_and_may_download_every_letter(session_as, persona, now, today):
    assignment = cross_request(persona, now, today)
    jf = persona("jf_ahli_muda")

    view = session_as("bkpsdm").get(f"/assignments/{assignment.pk}").json()

    assert view["candidates"][0]["nip"] == jf.nip
    assert view["steps"][0]["documents"][0]["can_download"] is True


def test_a_letter_answers_someone_who_is_no_party_to_it_like_a_missing_one(
    session_as, persona, now, today
):
    assignment = cross_request(persona, now, today)
    letter = Letter.objects.get(workflow_instance_id=open_step(assignment).instance_id)

    missing = session_as("sekda").client.get("/api/v1/letters/0/pdf")
    hidden = session_as("sekda").client.get(f"/api/v1/letters/{letter.pk}/pdf")

    assert missing.status_code == 404
    assert (hidden.status_code, hidden.content) == (404, missing.content)


def test_a_hidden_assignment_answers_like_a_missing_one(
    session_as, persona, now, today, other_tenant_user
):
    from django.test import Client

    from tests.clients import ApiClient

    assignment = within_request(persona, now, today)
    other = Client()
    other.force_login(other_tenant_user)

    missing = session_as("kabid").get("/assignments/0")
    hidden = [
        session_as(name).get(f"/assignments/{assignment.pk}")
        for name in ("sekda", "subkoordinator", "pelaksana", "outsider")
    ]
    foreign = ApiClient(other).get(f"/assignments/{assignment.pk}")

    assert missing.status_code == 404
    for response in [*hidden, foreign]:
        assert (response.status_code, response.content) == (404, missing.content)


def _ids(response) -> list[int]:
    return [row["id"] for row in response.json()["items"]]


def test_the_inbox_holds_the_steps_awaiting_me_with_the_recommender_flag(
    session_as, persona, now, today
):
    within = within_request(persona, now, today)
    cross = cross_request(persona, now, today)

    kadis = session_as("kepala_dinas").get("/assignments", box="inbox").json()
    kabid = session_as("kabid").get("/assignments", box="inbox").json()

    assert [(row["id"], row["as_recommender"]) for row in kadis["items"]] == [
        (within.pk, False),
        (cross.pk, False),
    ]
    assert [(row["id"], row["as_recommender"], row["step"]["key"]) for row in kabid["items"]] == [
        (cross.pk, True, "review")
    ]
    row = kadis["items"][0]
    assert (row["status"], row["current_step_label"], row["current_actor_name"]) == (
        "OPEN",
        open_step(within).label,
        persona("kepala_dinas").full_name,
    )
    assert row["step"]["id"] == open_step(within).pk
    assert kadis["count"] == 2


def test_sent_and_all_list_mine_and_what_i_may_see(session_as, persona, now, today):
    within = within_request(persona, now, today)
    cross = cross_request(persona, now, today)

    sent = session_as("kabid").get("/assignments", box="sent")
    seen = session_as("kabid").get("/assignments", box="all")
    operator = session_as("bkpsdm").get("/assignments", box="all")
    requester = client_for(agency_head_of(persona("outsider"), today)).get(
        "/assignments", box="sent"
    )

    assert _ids(sent) == [within.pk]
    assert sent.json()["items"][0]["step"] is None
    assert _ids(seen) == [cross.pk, within.pk]
    assert _ids(operator) == [cross.pk, within.pk]
    assert _ids(requester) == [cross.pk]
    assert requester.json()["items"][0]["flow_key"] == "WF-PEN-UO"


def test_a_box_is_paged(session_as, persona, now, today):
    first = within_request(persona, now, today)
    second = within_request(persona, now, today)
    client = session_as("kabid")

    page_one = client.get("/assignments", box="sent", page_size=1)
    page_two = client.get("/assignments", box="sent", page_size=1, page=2)
    beyond = client.get("/assignments", box="sent", page_size=1, page=3)

    assert (_ids(page_one), _ids(page_two), _ids(beyond)) == ([second.pk], [first.pk], [])
    assert {page_one.json()["count"], page_two.json()["count"]} == {2}


def test_an_unknown_box_is_invalid_input(session_as):
    response = session_as("kabid").get("/assignments", box="arsip")

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "box": "Nilai tidak dikenal; pilihan: 'inbox', 'sent' atau 'all'."
    }
