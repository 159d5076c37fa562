"""Dates are YYYY-MM-DD only, and the delegation scope the schema offers is what the API takes."""

from __future__ import annotations

import pytest

from sikerja.organization.models import Delegation
from tests.api.bodies import plh_body

DATE_ERROR = "Tanggal tidak valid; gunakan format YYYY-MM-DD."


@pytest.mark.parametrize("on", ["0", "1700000000", "1.5", "2026-1-1", "23-11-2026"])
def test_a_date_that_is_not_yyyy_mm_dd_is_refused(session_as, on):
    response = session_as("bkpsdm").get("/employees", on=on)

    assert response.status_code == 400
    assert response.json()["fields"] == {"on": DATE_ERROR}


def test_an_iso_date_is_read(session_as):
    assert session_as("bkpsdm").get("/employees", on="2026-11-23").status_code == 200


@pytest.mark.parametrize("value", [0, 1_700_000_000, "0"])
def test_a_body_date_given_as_a_number_is_refused(session_as, persona, today, value):
    response = session_as("bkpsdm").post(
        "/placements", {**plh_body(persona, today), "valid_from": value}
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {"valid_from": DATE_ERROR}


def _resolved(spec: dict, schema: dict) -> dict:
    if "$ref" in schema:
        return spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def test_the_schema_offers_exactly_the_delegation_scopes(session_as):
    spec = session_as("bkpsdm").client.get("/api/v1/openapi.json").json()
    components = spec["components"]["schemas"]

    offered_in = _resolved(spec, components["DelegationIn"]["properties"]["scope"])["enum"]
    offered_out = _resolved(spec, components["DelegationOut"]["properties"]["scope"])["enum"]

    assert offered_in == offered_out == list(Delegation.Scope.values)


@pytest.mark.parametrize("scope", list(Delegation.Scope.values))
def test_every_offered_delegation_scope_is_accepted(session_as, persona, today, scope):
    body = {
        "from_nip": persona("kabid").nip,
        "to_nip": persona("subkoordinator").nip,
        "scope": scope,
        "valid_from": today.isoformat(),
        "legal_basis": "Surat Kuasa Kepala Bidang Nomor 800/1/2026",
    }

    response = session_as("bkpsdm").post("/delegations", body)

    assert (response.status_code, response.json()["scope"]) == (201, scope)
