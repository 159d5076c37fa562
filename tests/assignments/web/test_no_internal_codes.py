"""Rule ids, flow keys and SPEC section numbers are not shown to people; citations are."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.assignments.web.test_world import cross_unit_request, detail_url
from tests.web.helpers import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(persona, now, today):
    return cross_unit_request(persona, now, today)


INTERNAL_CODE = re.compile(r"\b(?:[A-Z]{1,3}-\d+[a-z]?|WF-[A-Z-]+|T-[A-Z]+)\b|§")


def test_pages_show_citations_but_no_rule_ids_flow_keys_or_spec_sections(
    assignment, client_of, persona
):
    client = client_of("kepala_dinas")
    jf = persona("jf_ahli_muda")
    refused = client.post(reverse("web:assignment-create"), {"mode": "APPOINTMENT"})
    pages = {
        "home": client.get("/"),
        "detail": client.get(detail_url(assignment)),
        "maps": client.get(reverse("web:process-maps")),
        "map": client.get(reverse("web:process-map", args=["WF-PEN-UO"])),
        "profile": client.get(f"/pegawai/{jf.pk}/"),
        "refusal": refused,
    }

    found = {
        name: INTERNAL_CODE.findall(text(response.content.decode().split("<main", 1)[-1]))
        for name, response in pages.items()
    }

    assert found == {name: [] for name in pages}
    assert "Perwali Surakarta 32/2023 Pasal" in text(pages["detail"].content.decode())
    assert refused.status_code == 400
