"""Placements and delegations through the API: BKPSDM only, refusals leave nothing behind."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from sikerja.accounts.models import Account
from sikerja.audit.models import AuditEvent
from sikerja.organization.models import Delegation, Placement
from tests.api.bodies import current_position, plh_body
from tests.clients import ApiClient
from tests.organization.builders import build_org

V39_CITATION = (
    "Perwali Surakarta 32/2023 Pasal 12 ayat (3); Perwali Surakarta 32/2023 Lampiran III 2.1"
)


def _state(government_id: int) -> tuple[int, int, int]:
    return (
        Placement.objects.filter(government_id=government_id).count(),
        Delegation.objects.filter(government_id=government_id).count(),
        AuditEvent.objects.filter(government_id=government_id).count(),
    )


def test_the_operator_places_a_plh_and_the_write_is_audited(session_as, persona, today, world):
    before = _state(world.government_id)

    response = session_as("bkpsdm").post("/placements", plh_body(persona, today))

    assert response.status_code == 201
    placement = Placement.objects.get(pk=response.json()["id"])
    assert (placement.employee, placement.kind, placement.valid_from) == (
        persona("subkoordinator"),
        "PLH",
        today,
    )
    assert response.json()["position"]["id"] == current_position(persona("kabid"), today).pk
    assert response.json()["decision_number"] == "800/12/BKPSDM/2026"
    placements, delegations, events = _state(world.government_id)
    assert (placements, delegations, events) == (before[0] + 1, before[1], before[2] + 1)
    event = AuditEvent.objects.filter(government_id=world.government_id).order_by("-seq").first()
    assert (event.action, event.object_id, event.rule) == (
        "placement.created",
        str(placement.pk),
        "V-39",
    )


@pytest.mark.parametrize("name", ["sekda", "kepala_dinas", "kabid", "jf_ahli_muda", "outsider"])
def test_anyone_but_the_operator_is_refused_with_v39_and_nothing_is_written(
    session_as, persona, today, world, name
):
    before = _state(world.government_id)

    response = session_as(name).post("/placements", plh_body(persona, today))

    assert response.status_code == 403
    assert response.json() == {
        "code": "permission_denied",
        "message": (
            "Hanya operator BKPSDM atas nama Pejabat Pembina Kepegawaian yang dapat mengubah data ini."
        ),
        "rule": "V-39",
        "citation": V39_CITATION,
        "fields": {},
    }
    assert _state(world.government_id) == before


def test_a_second_definitive_placement_is_a_v38_violation_and_nothing_is_written(
    session_as, persona, today, world
):
    jf = persona("jf_ahli_muda")
    body = {
        **plh_body(persona, today),
        "nip": jf.nip,
        "position_id": current_position(persona("pelaksana"), today).pk,
        "kind": "DEFINITIVE",
        "valid_to": None,
    }
    before = _state(world.government_id)

    response = session_as("bkpsdm").post("/placements", body)

    assert response.status_code == 400
    assert response.json()["code"] == "placement_overlap"
    assert (response.json()["rule"], response.json()["citation"]) == (
        "V-38",
        "Perwali Surakarta 32/2023 Pasal 12 ayat (2)",
    )
    assert list(response.json()["fields"]) == ["valid_from"]
    assert _state(world.government_id) == before


def test_a_nip_of_another_government_in_the_body_is_unknown(session_as, persona, today, world):
    from sikerja.organization.models import Employee

    foreign = Employee.objects.filter(government_id=world.other_government_id).first()
    body = {**plh_body(persona, today), "nip": foreign.nip}
    before = _state(world.government_id)

    response = session_as("bkpsdm").post("/placements", body)

    assert response.status_code == 400
    assert response.json()["code"] == "unknown_value"
    assert response.json()["fields"] == {"nip": "Tidak ditemukan."}
    assert _state(world.government_id) == before


def test_a_pppk_in_a_structural_position_is_refused_under_blitar_2023(world, today):
    org = build_org("blitar-2023")
    user = get_user_model().objects.create_user("operator-blitar", password="x")
    Account.objects.create(user=user, government=org.government, role=Account.Role.BKPSDM_ADMIN)
    pppk = org.person("Pegawai PPPK", pppk=True)
    client = Client()
    client.force_login(user)
    before = _state(org.government.pk)

    response = ApiClient(client).post(
        "/placements",
        {
            "nip": pppk.nip,
            "position_id": org.heads["subbidang"].pk,
            "kind": "PLT",
            "valid_from": today.isoformat(),
            "decision_number": "800/1/BKPSDM/2026",
            "decision_date": today.isoformat(),
            "decided_by": "Wali Kota Blitar",
        },
    )

    assert response.status_code == 400
    body = response.json()
    assert (body["code"], body["rule"], body["citation"]) == (
        "pppk_position_forbidden",
        "V-47",
        "Perwali Blitar 6/2023 Pasal 15 ayat (1)",
    )
    assert _state(org.government.pk) == before


def test_the_operator_ends_a_placement(session_as, persona, today, world):
    placement = Placement.objects.effective_on(today).get(employee=persona("pelaksana"))
    end = today + dt.timedelta(days=30)
    before = _state(world.government_id)

    response = session_as("bkpsdm").post(
        f"/placements/{placement.pk}/end", {"valid_to": end.isoformat()}
    )

    assert response.status_code == 200
    assert response.json()["valid_to"] == end.isoformat()
    placement.refresh_from_db()
    assert placement.valid_to == end
    assert _state(world.government_id) == (before[0], before[1], before[2] + 1)


def test_ending_a_placement_of_another_government_is_not_found(session_as, world, today):
    foreign = Placement.objects.filter(government_id=world.other_government_id).first()

    response = session_as("bkpsdm").post(
        f"/placements/{foreign.pk}/end", {"valid_to": today.isoformat()}
    )

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    foreign.refresh_from_db()
    assert foreign.valid_to is None


def test_the_operator_records_a_delegation(session_as, persona, today, world):
    before = _state(world.government_id)

    response = session_as("bkpsdm").post(
        "/delegations",
        {
            "from_nip": persona("kepala_dinas").nip,
            "to_nip": persona("kabid").nip,
            "scope": "REPORT_RECEIPT",
            "valid_from": today.isoformat(),
            "legal_basis": "Surat Kepala Dinas Nomor 800/7/2026",
        },
    )

    assert response.status_code == 201
    delegation = Delegation.objects.get(pk=response.json()["id"])
    assert (delegation.from_employee, delegation.to_employee, delegation.scope) == (
        persona("kepala_dinas"),
        persona("kabid"),
        "REPORT_RECEIPT",
    )
    assert response.json()["from_employee"] == {
        "nip": persona("kepala_dinas").nip,
        "name": persona("kepala_dinas").full_name,
    }
    assert _state(world.government_id) == (before[0], before[1] + 1, before[2] + 1)
