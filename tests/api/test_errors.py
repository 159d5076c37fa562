"""Every API error has one shape, `{code, message, rule, citation, fields}`, with the right status."""

from __future__ import annotations

from sikerja.api.v1 import api
from sikerja.organization.models import Employee

NOT_FOUND = {
    "code": "not_found",
    "message": "Tidak ditemukan.",
    "rule": "",
    "citation": "",
    "fields": {},
}


def test_an_unknown_nip_and_another_governments_nip_get_the_same_404(session_as, world):
    other_nip = Employee.objects.filter(government_id=world.other_government_id).first().nip
    client = session_as("bkpsdm")

    unknown = client.get("/employees/199001012015031999/roles")
    foreign = client.get(f"/employees/{other_nip}/roles")

    assert (unknown.status_code, unknown.json()) == (404, NOT_FOUND)
    assert (foreign.status_code, foreign.content) == (404, unknown.content)


def test_a_bad_date_is_invalid_input_with_the_field(session_as, persona):
    response = session_as("jf_ahli_muda").get(
        f"/employees/{persona('jf_ahli_muda').nip}/roles", on="2026-02-30"
    )

    assert response.status_code == 400
    assert response.json() == {
        "code": "invalid_input",
        "message": "Masukan tidak valid.",
        "rule": "",
        "citation": "",
        "fields": {"on": "Tanggal tidak valid; gunakan format YYYY-MM-DD."},
    }


def test_a_body_with_missing_and_wrong_fields_names_each_field(session_as):
    response = session_as("bkpsdm").post(
        "/placements", {"nip": "x", "kind": "SEMENTARA", "valid_from": "kemarin"}
    )

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_input"
    assert body["fields"] == {
        "position_id": "Wajib diisi.",
        "kind": "Nilai tidak dikenal; pilihan: 'DEFINITIVE', 'PLT' atau 'PLH'.",
        "valid_from": "Tanggal tidak valid; gunakan format YYYY-MM-DD.",
        "decision_number": "Wajib diisi.",
        "decision_date": "Wajib diisi.",
        "decided_by": "Wajib diisi.",
    }


def test_an_unreadable_body_is_invalid_input(session_as):
    response = session_as("bkpsdm").post("/placements", raw="{not json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid_input"
    assert list(response.json()["fields"]) == ["body"]


def test_an_unknown_path_inside_the_api_gets_the_json_404(session_as, anonymous):
    for client in (session_as("bkpsdm"), anonymous):
        for path in ("/no-such-route", "/", "/employees/1/roles/extra"):
            response = client.get(path)

            assert (response.status_code, response.json()) == (404, NOT_FOUND)


def test_a_hidden_agency_and_a_missing_agency_get_the_same_404(session_as, world):
    from sikerja.organization.models import Agency

    other_agency = Agency.objects.filter(government_id=world.other_government_id).first()
    client = session_as("bkpsdm")

    hidden = client.get(f"/agencies/{other_agency.pk}")
    missing = client.get("/agencies/999999999")

    assert (hidden.status_code, hidden.content) == (404, missing.content)
    assert missing.json() == NOT_FOUND


def test_the_openapi_contract_documents_the_error_shape_for_every_route(anonymous):
    response = anonymous.get("/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    for operations in paths.values():
        for operation in operations.values():
            errors = {
                code: answer for code, answer in operation["responses"].items() if code >= "400"
            }
            assert set(errors) >= {"400", "401", "403", "404"}
            for answer in errors.values():
                schema = answer["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorOut"}
    assert response.json()["components"]["schemas"]["ErrorOut"]["required"] == [
        "code",
        "message",
        "rule",
        "citation",
        "fields",
    ]
    assert len(paths) == len(api.get_openapi_schema(path_prefix="/api/v1")["paths"])


def test_the_docs_page_is_served(anonymous):
    response = anonymous.get("/docs")

    assert response.status_code == 200
    assert b"swagger" in response.content.lower()


def test_a_wrong_method_gets_the_json_405(session_as):
    response = session_as("bkpsdm").post("/agencies", {})

    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert response.json() == {
        "code": "method_not_allowed",
        "message": "Metode POST tidak didukung untuk alamat ini.",
        "rule": "",
        "citation": "",
        "fields": {},
    }
