"""API v1 flows of the caller's pack and their maps: swimlane SVG and BPMN 2.0 XML.

Each operation makes one call to `sikerja.assignments.flows` and renders the answer.
"""

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Query, Router

from sikerja.assignments import flows
from sikerja.assignments.schemas import FlowOut
from sikerja.core.schemas import READ_ERRORS, read_answers
from sikerja.organization.http import viewer_of
from sikerja.regulations.schema.workflows import PenugasanDefinition

router = Router()  # tag "penugasan" from the app's router

Lang = Annotated[Literal["id", "en"], Query(description="Bahasa peta: id (bawaan) atau en.")]


@dataclass(frozen=True)
class FlowView:
    """A flow of the pack under its key, with the citation of the rule that forbids it, if any."""

    key: str
    definition: PenugasanDefinition
    refusal_citation: str
    map_svg_url: str
    map_bpmn_url: str


def _binary(media_type: str, description: str) -> dict[str, Any]:
    return {
        "responses": {
            200: {
                "description": description,
                "content": {media_type: {"schema": {"type": "string"}}},
            }
        }
    }


@router.get(
    "/flows",
    response=read_answers(list[FlowOut]),
    summary="Alur penugasan menurut paket regulasi pemerintah daerah saya",
)
def flow_list(request: HttpRequest) -> list[FlowView]:
    pack = flows.flow_pack(viewer_of(request))
    return [
        FlowView(
            key=key,
            definition=definition,
            refusal_citation=flows.refusal_citation(pack, definition),
            map_svg_url=reverse("api-v1:flow_map_svg", kwargs={"key": key}),
            map_bpmn_url=reverse("api-v1:flow_map_bpmn", kwargs={"key": key}),
        )
        for key, definition in flows.penugasan_flows(pack)
    ]


@router.get(
    "/flows/{key}/map.svg",
    response=READ_ERRORS,
    openapi_extra=_binary("image/svg+xml", "Peta lintas fungsi (swimlane) alur ini."),
    url_name="flow_map_svg",
    summary="Peta lintas fungsi alur (SVG)",
)
def flow_map_svg(request: HttpRequest, key: str, lang: Lang = "id") -> HttpResponse:
    svg = flows.flow_map_svg(viewer_of(request), key, lang)
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


@router.get(
    "/flows/{key}/map.bpmn",
    response=READ_ERRORS,
    openapi_extra=_binary("application/xml", "Alur ini dalam BPMN 2.0 (model dan diagram)."),
    url_name="flow_map_bpmn",
    summary="Alur dalam BPMN 2.0 XML, untuk diunduh",
)
def flow_map_bpmn(request: HttpRequest, key: str, lang: Lang = "id") -> HttpResponse:
    xml = flows.flow_map_bpmn(viewer_of(request), key, lang)
    response = HttpResponse(xml, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{key}-{lang}.bpmn"'
    return response
