"""The pack's flows and their maps through the API: SVG swimlane and BPMN 2.0 XML."""

from __future__ import annotations

import pytest
from django.test import Client

from sikerja.regulations.loader import load_pack
from tests.assignments.api.test_support import PERWALI
from tests.clients import ApiClient
from tests.workflows.maps.xmltools import BPMN, SVG, parse


def penugasan_keys(pack_id: str) -> list[str]:
    """The pack's penugasan flows, in its order (a team flow belongs to the teams app)."""
    workflows = load_pack(pack_id).data.workflows
    return [key for key, definition in workflows.items() if definition.kind == "penugasan"]


def test_the_flows_are_the_callers_pack_with_the_rule_that_forbids_one(session_as):
    response = session_as("pelaksana").get("/flows")

    assert response.status_code == 200
    flows = {flow["key"]: flow for flow in response.json()}
    assert list(flows) == penugasan_keys("surakarta-2023")
    assert flows["WF-SUK-INST"] == {
        "key": "WF-SUK-INST",
        "id": "WF-SUK-INST",
        "label": flows["WF-SUK-INST"]["label"],
        "label_en": flows["WF-SUK-INST"]["label_en"],
        "mode": "VOLUNTARY",
        "scope": "CROSS_INSTANSI",
        "subjects": ["INDIVIDUAL"],
        "allowed": False,
        "refusal_rule": "V-14",
        "refusal_citation": f"{PERWALI} Pasal 18 ayat (1); {PERWALI} Lampiran IV 3.2",
        "variant": flows["WF-SUK-INST"]["variant"],
        "not_specified_by_pack": False,
        "additional_task": "",
        "map_svg_url": "/api/v1/flows/WF-SUK-INST/map.svg",
        "map_bpmn_url": "/api/v1/flows/WF-SUK-INST/map.bpmn",
    }
    assert (flows["WF-PEN-UO"]["allowed"], flows["WF-PEN-UO"]["refusal_citation"]) == (True, "")
    assert flows["WF-PEN-INST-TEAM"]["id"] == "WF-PEN-INST"
    assert flows["WF-TUGAS-TAMBAHAN"]["additional_task"] == "tugas_tambahan"


def test_another_government_lists_its_own_pack(other_tenant_user):
    client = Client()
    client.force_login(other_tenant_user)

    response = ApiClient(client).get("/flows")

    assert [flow["key"] for flow in response.json()] == penugasan_keys("cilegon-2023")


@pytest.mark.parametrize(("lang", "title"), [("id", "label"), ("en", "label_en")])
def test_the_swimlane_map_is_svg_titled_in_the_language(session_as, lang, title):
    definition = load_pack("surakarta-2023").data.workflows["WF-PEN-UO"]

    response = session_as("kabid").client.get("/api/v1/flows/WF-PEN-UO/map.svg", {"lang": lang})

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    root = parse(response.content.decode())
    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title") == getattr(definition, title)


def test_the_bpmn_export_is_an_attachment_with_one_process(session_as):
    response = session_as("kabid").client.get("/api/v1/flows/WF-PEN-UO/map.bpmn")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="WF-PEN-UO-id.bpmn"'
    root = parse(response.content.decode())
    assert root.tag == f"{BPMN}definitions"
    assert [process.get("id") for process in root.iter(f"{BPMN}process")] == ["Process_WF-PEN-UO"]


def test_a_forbidden_flow_still_has_a_map(session_as):
    response = session_as("kabid").client.get("/api/v1/flows/WF-SUK-INST/map.svg")

    assert response.status_code == 200
    assert parse(response.content.decode()).tag == f"{SVG}svg"


@pytest.mark.parametrize("suffix", ["map.svg", "map.bpmn"])
def test_a_flow_the_pack_does_not_define_is_not_found(session_as, suffix):
    response = session_as("kabid").client.get(f"/api/v1/flows/WF-PEN-PD/{suffix}")

    assert (response.status_code, response.json()["code"]) == (404, "not_found")


def test_an_unsupported_language_is_invalid_input(session_as):
    response = session_as("kabid").client.get("/api/v1/flows/WF-PEN-UO/map.svg", {"lang": "jv"})

    assert (response.status_code, response.json()["code"]) == (400, "invalid_input")
    assert set(response.json()["fields"]) == {"lang"}
