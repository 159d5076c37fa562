"""The pack's flows as the API lists them, and their maps (SVG swimlane, BPMN 2.0).

Everything comes from the caller's government's pack: the same definitions the engine runs, so
a map cannot drift from what the system does. No query beyond the caller's scope.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from sikerja.core.errors import NotFound
from sikerja.organization.selectors import Viewer
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.workflows import WorkflowDefinition
from sikerja.workflows.maps import bpmn_xml, swimlane_svg


@dataclass(frozen=True)
class FlowView:
    """A flow of the pack under its key, with the citation of the rule that forbids it, if any."""

    key: str
    definition: WorkflowDefinition
    refusal_citation: str
    map_svg_url: str
    map_bpmn_url: str


def _pack(viewer: Viewer) -> LoadedPack:
    return load_pack(viewer.government.pack_id)


def _refusal_citation(pack: LoadedPack, definition: WorkflowDefinition) -> str:
    rule = definition.refusal_rule
    return pack.citation_of(rule)


def flow_list(viewer: Viewer) -> list[FlowView]:
    """Every flow of the caller's pack, in the pack's order."""
    pack = _pack(viewer)
    return [
        FlowView(
            key=key,
            definition=definition,
            refusal_citation=_refusal_citation(pack, definition),
            map_svg_url=reverse("api-v1:flow_map_svg", kwargs={"key": key}),
            map_bpmn_url=reverse("api-v1:flow_map_bpmn", kwargs={"key": key}),
        )
        for key, definition in pack.data.workflows.items()
    ]


def _definition(pack: LoadedPack, key: str) -> WorkflowDefinition:
    definition = pack.data.workflows.get(key)
    if definition is None:
        raise NotFound()
    return definition


def flow_map_svg(viewer: Viewer, key: str, lang: str) -> str:
    """The flow's cross-functional swimlane map (SVG). Raises NotFound for an unknown key."""
    pack = _pack(viewer)
    return swimlane_svg(_definition(pack, key), cite=pack.cite, lang=lang)


def flow_map_bpmn(viewer: Viewer, key: str, lang: str) -> str:
    """The flow as BPMN 2.0 XML with its diagram. Raises NotFound for an unknown key."""
    pack = _pack(viewer)
    return bpmn_xml(_definition(pack, key), cite=pack.cite, lang=lang)
