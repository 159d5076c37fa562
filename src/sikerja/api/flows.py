"""API v1 flows of the caller's pack and their maps: swimlane SVG and BPMN 2.0 XML.

Mounted by `sikerja.api.assignments` (tag "penugasan"). Each operation makes one call to
`flow_reads` and renders the answer.
"""

from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from sikerja.api import flow_reads
from sikerja.api.assignment_schemas import FlowOut
from sikerja.api.auth import viewer_of
from sikerja.api.organization import READ_ERRORS

router = Router()  # tag "penugasan" from the parent router (assignments)

Lang = Annotated[Literal["id", "en"], Query(description="Bahasa peta: id (bawaan) atau en.")]


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
    response={200: list[FlowOut], **READ_ERRORS},
    summary="Alur penugasan menurut paket regulasi pemerintah daerah saya",
)
def flow_list(request: HttpRequest) -> list[flow_reads.FlowView]:
    return flow_reads.flow_list(viewer_of(request))


@router.get(
    "/flows/{key}/map.svg",
    response=READ_ERRORS,
    openapi_extra=_binary("image/svg+xml", "Peta lintas fungsi (swimlane) alur ini."),
    url_name="flow_map_svg",
    summary="Peta lintas fungsi alur (SVG)",
)
def flow_map_svg(request: HttpRequest, key: str, lang: Lang = "id") -> HttpResponse:
    svg = flow_reads.flow_map_svg(viewer_of(request), key, lang)
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


@router.get(
    "/flows/{key}/map.bpmn",
    response=READ_ERRORS,
    openapi_extra=_binary("application/xml", "Alur ini dalam BPMN 2.0 (model dan diagram)."),
    url_name="flow_map_bpmn",
    summary="Alur dalam BPMN 2.0 XML, untuk diunduh",
)
def flow_map_bpmn(request: HttpRequest, key: str, lang: Lang = "id") -> HttpResponse:
    xml = flow_reads.flow_map_bpmn(viewer_of(request), key, lang)
    response = HttpResponse(xml, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{key}-{lang}.bpmn"'
    return response
