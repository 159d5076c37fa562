"""Peta proses: every flow of the viewer's pack, its swimlane SVG inline and as downloads."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from django.urls import reverse

from sikerja.regulations.loader import load_pack
from sikerja.workflows.maps import bpmn_xml, swimlane_svg

SVG = "{http://www.w3.org/2000/svg}"
BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
PACK = "surakarta-2023"
INLINE_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def test_the_list_names_every_flow_with_the_refusal_of_forbidden_ones(client_of):
    pack = load_pack(PACK)

    flows = client_of("jf_ahli_muda").get(reverse("web:process-maps")).context["flows"]

    assert [f.key for f in flows] == [
        k for k, d in pack.data.workflows.items() if d.kind == "penugasan"
    ]
    forbidden = [(f.key, f.refusal_rule, f.refusal_citation) for f in flows if not f.allowed]
    assert forbidden == [
        (
            "WF-SUK-INST",
            pack.data.workflows["WF-SUK-INST"].refusal_rule,
            pack.cite_rule(pack.data.workflows["WF-SUK-INST"].refusal_rule),
        )
    ]
    assert forbidden[0][2].startswith("Perwali Surakarta 32/2023 ")


def test_the_map_page_shows_the_swimlane_svg_inline_without_scripts_or_styles(client_of):
    response = client_of("kabid").get(reverse("web:process-map", args=["WF-PEN-UO"]))

    html = response.content.decode()
    (svg,) = INLINE_SVG.findall(html)
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    tags = {element.tag for element in root.iter()}
    assert response.status_code == 200
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "Penunjukan lintas unit organisasi"
    assert {f"{SVG}script", f"{SVG}style"} & tags == set()
    assert " style=" not in svg
    assert "<?xml" not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_lang_en_draws_the_map_in_english(client_of):
    response = client_of("kabid").get(
        reverse("web:process-map", args=["WF-PEN-UO"]), {"lang": "en"}
    )

    (svg,) = INLINE_SVG.findall(response.content.decode())
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.find(f"{SVG}title").text == "Direct appointment across units"
    assert response.context["page"].other_lang == "id"


def test_the_svg_download_is_the_maps_drawing(client_of):
    pack = load_pack(PACK)

    response = client_of("kabid").get(reverse("web:process-map-svg", args=["WF-PEN-UO"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"] == (
        'attachment; filename="surakarta-2023-WF-PEN-UO-id.svg"'
    )
    assert response.content.decode() == swimlane_svg(
        pack.data.workflows["WF-PEN-UO"], cite=pack.cite, lang="id"
    )
    assert ET.fromstring(response.content).tag == f"{SVG}svg"  # noqa: S314


def test_the_bpmn_download_is_a_bpmn_2_document(client_of):
    pack = load_pack(PACK)

    response = client_of("kabid").get(
        reverse("web:process-map-bpmn", args=["WF-PEN-UO"]), {"lang": "en"}
    )

    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert response["Content-Type"] == "application/xml"
    assert response["Content-Disposition"] == (
        'attachment; filename="surakarta-2023-WF-PEN-UO-en.bpmn"'
    )
    assert root.tag == f"{BPMN}definitions"
    assert response.content.decode() == bpmn_xml(
        pack.data.workflows["WF-PEN-UO"], cite=pack.cite, lang="en"
    )


def test_a_forbidden_flow_has_a_map_that_says_so(client_of):
    response = client_of("kabid").get(reverse("web:process-map", args=["WF-SUK-INST"]))

    page = response.context["page"]
    assert response.status_code == 200
    assert (page.flow.allowed, page.flow.step_count) == (False, 0)
    assert ET.fromstring(INLINE_SVG.findall(response.content.decode())[0]).tag == f"{SVG}svg"  # noqa: S314


def test_a_key_the_pack_lacks_is_not_found(client_of):
    client = client_of("kabid")

    answers = [
        client.get(reverse(f"web:{name}", args=["WF-PEN-PD"])).status_code
        for name in ("process-map", "process-map-svg", "process-map-bpmn")
    ]

    assert answers == [404, 404, 404]


def test_another_government_sees_the_flows_of_its_own_pack(client_of, world):
    from sikerja.organization.models import Government

    pack = load_pack(Government.objects.get(pk=world.other_government_id).pack_id)

    flows = client_of("other_tenant").get(reverse("web:process-maps")).context["flows"]

    assert pack.id == "cilegon-2023"
    assert [f.key for f in flows] == [
        k for k, d in pack.data.workflows.items() if d.kind == "penugasan"
    ]
