"""The pack's team formation flow (WF-TEAM) on the process-map pages, drawn from the definition
the engine runs, and linked from the team pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from sikerja.regulations.loader import load_pack
from sikerja.workflows.maps import bpmn_xml, swimlane_svg
from tests.assignments.web.test_no_internal_codes import INTERNAL_CODE
from tests.clients import _empty_cache, client_of
from tests.web.helpers import text

__all__ = ["_empty_cache", "client_of"]

SVG = "{http://www.w3.org/2000/svg}"
INLINE_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


@pytest.mark.django_db
def test_the_maps_page_lists_the_team_flow_under_its_kind(client_of):
    pack = load_pack("surakarta-2023")

    page = client_of("pelaksana").get(reverse("web:process-maps"))

    (group,) = [g for g in page.context["other_groups"] if g.kind == "team"]
    assert (group.kind, group.label, [f.key for f in group.flows]) == (
        "team",
        "Pembentukan tim kerja",
        ["WF-TEAM"],
    )
    assert group.flows[0].citations == "; ".join(
        pack.cite(c) for c in pack.data.workflows["WF-TEAM"].citations
    )
    assert 'id="alur-team"' in page.content.decode()


@pytest.mark.django_db
def test_the_team_flows_map_is_the_engines_definition_inline_and_as_downloads(client_of):
    pack = load_pack("surakarta-2023")
    definition = pack.data.workflows["WF-TEAM"]
    client = client_of("kabid")

    page = client.get(reverse("web:process-map", args=["WF-TEAM"]))
    svg = client.get(reverse("web:process-map-svg", args=["WF-TEAM"]))
    bpmn = client.get(reverse("web:process-map-bpmn", args=["WF-TEAM"]), {"lang": "en"})

    (inline,) = INLINE_SVG.findall(page.content.decode())
    assert ET.fromstring(inline).find(f"{SVG}title").text == definition.label  # noqa: S314
    assert svg.content.decode() == swimlane_svg(definition, cite=pack.cite, lang="id")
    assert bpmn.content.decode() == bpmn_xml(definition, cite=pack.cite, lang="en")
    main = text(page.content.decode().split("<main", 1)[-1])
    assert INTERNAL_CODE.findall(main) == []


@pytest.mark.django_db
def test_the_team_list_links_the_team_maps(client_of):
    html = client_of("kabid").get(reverse("web:team-list")).content.decode()

    assert f'href="{reverse("web:process-maps")}#alur-team"' in html
    assert f'href="{reverse("web:team-create")}"' in html
