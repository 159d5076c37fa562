"""In English the penugasan page names the flow and its steps by the pack's English labels."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import translation

from sikerja.regulations.loader import load_pack
from tests.assignments.web.test_world import cross_unit_request, detail_url

pytestmark = pytest.mark.django_db


def test_the_flow_and_the_steps_are_named_in_english(client_of, persona, now, today):
    assignment = cross_unit_request(persona, now, today)
    definition = load_pack("surakarta-2023").data.workflows[assignment.workflow_key]
    client = client_of("kepala_dinas")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    with translation.override(settings.LANGUAGE_CODE):  # the request's English ends with it
        page = client.get(detail_url(assignment)).context["page"]

    assert page.flow_label == definition.label_en
    labels = [s.label_en for s in definition.steps]
    assert [row.label for row in page.timeline] == labels[: len(page.timeline)]
    assert len(page.timeline) == 2
