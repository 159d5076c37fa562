"""Bad input gets a 400 or 413 in the shared error shape, never a 500, the same on both databases."""

from __future__ import annotations

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.schemas import MAX_OFFSET, MAX_PAGE
from sikerja.organization.models import Agency, Placement
from tests.api.bodies import plh_body

HUGE = 10**30
NUL_FIELD = {"code": "invalid_input", "rule": "", "citation": ""}


def _shape(response) -> dict[str, object]:
    body = response.json()
    return {key: body[key] for key in ("code", "rule", "citation", "fields")}


def _agency(world) -> Agency:
    return Agency.objects.filter(government_id=world.government_id).order_by("pk").first()


@pytest.mark.parametrize("page", [MAX_PAGE + 1, 2**62, HUGE])
@pytest.mark.parametrize("path", ["/employees", "/delegations"])
def test_a_page_number_beyond_the_bound_is_invalid_input(session_as, path, page):
    response = session_as("bkpsdm").get(path, page=page)

    assert response.status_code == 400
    assert _shape(response) == {
        "code": "invalid_input",
        "rule": "",
        "citation": "",
        "fields": {"page": "Nilai tidak valid."},
    }


def test_the_last_allowed_page_is_empty_not_an_error(session_as):
    response = session_as("bkpsdm").get("/employees", page=MAX_PAGE)

    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize("offset", [MAX_OFFSET + 1, HUGE])
def test_an_offset_beyond_the_bound_is_invalid_input(session_as, world, offset):
    response = session_as("bkpsdm").get(f"/agencies/{_agency(world).pk}/kedudukan", offset=offset)

    assert response.status_code == 400
    assert _shape(response)["fields"] == {"offset": "Nilai tidak valid."}


def test_a_body_over_the_size_limit_is_refused_with_413(session_as, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = session_as("bkpsdm").post("/placements", raw='{"nip": "' + "9" * 2000 + '"}')

    assert response.status_code == 413
    assert _shape(response) == {
        "code": "request_too_large",
        "rule": "",
        "citation": "",
        "fields": {"body": "Terlalu besar."},
    }


def test_a_body_over_the_limit_read_past_the_middleware_is_still_a_413(session_as, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if "input_limits" not in name]

    response = session_as("bkpsdm").post("/placements", raw='{"nip": "' + "9" * 2000 + '"}')

    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"


@pytest.mark.parametrize(
    ("field", "value"),
    [("decision_number", "800/12\x00/BKPSDM"), ("decided_by", "\x00"), ("nip", "1985\x00")],
)
def test_a_nul_in_a_json_text_is_refused_and_nothing_is_written(
    session_as, persona, today, world, field, value
):
    before = (Placement.objects.count(), AuditEvent.objects.count())

    response = session_as("bkpsdm").post("/placements", {**plh_body(persona, today), field: value})

    assert response.status_code == 400
    assert _shape(response) == {
        **NUL_FIELD,
        "fields": {field: "Karakter NUL tidak diperbolehkan."},
    }
    assert (Placement.objects.count(), AuditEvent.objects.count()) == before


def test_a_nul_in_a_query_value_is_refused(session_as):
    response = session_as("bkpsdm").get("/employees", q="Budi\x00")

    assert response.status_code == 400
    assert _shape(response) == {**NUL_FIELD, "fields": {"q": "Karakter NUL tidak diperbolehkan."}}


def test_a_nul_in_the_path_is_refused(session_as):
    response = session_as("bkpsdm").get("/employees/198503%00")

    assert response.status_code == 400
    assert _shape(response) == {**NUL_FIELD, "fields": {"url": "Karakter NUL tidak diperbolehkan."}}
