"""The flows of the viewer's pack and their maps (SVG swimlane, BPMN 2.0 XML): penugasan, and
the flows of the other kinds (team formation, …) on the same pages.

Both edges read them here: the same definitions the engine runs, so a map cannot drift from
what the system does. Every flow of the viewer's own pack is open to every viewer; a key the
pack does not have is "not found".
"""

from __future__ import annotations

from sikerja.core.errors import NotFound
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.workflows import FlowCore, PenugasanDefinition
from sikerja.workflows.maps import bpmn_xml, swimlane_svg

UNMAPPED_KINDS = frozenset({"member"})


def flow_pack(viewer: Viewer) -> LoadedPack:
    """The pack of the viewer's government."""
    return load_pack(viewer.government.pack_id)


def penugasan_flows(pack: LoadedPack) -> list[tuple[str, PenugasanDefinition]]:
    """The pack's penugasan flows under their keys, in the pack's order (other kinds' flows
    belong to their own apps)."""
    return [
        (key, definition)
        for key, definition in pack.data.workflows.items()
        if isinstance(definition, PenugasanDefinition)
    ]


def other_flows(pack: LoadedPack) -> list[tuple[str, FlowCore]]:
    """The pack's flows of other kinds that have a map of their own (team formation, …), in
    the pack's order; a member's part of a team request is drawn inside its parent's map."""
    return [
        (key, definition)
        for key, definition in pack.data.workflows.items()
        if definition.kind not in UNMAPPED_KINDS and not isinstance(definition, PenugasanDefinition)
    ]


def flow_definition(pack: LoadedPack, key: str) -> FlowCore:
    """The pack's flow under the key, of any kind with a map. Raises NotFound otherwise."""
    definition = pack.data.workflows.get(key)
    if definition is None or definition.kind in UNMAPPED_KINDS:
        raise NotFound()
    return definition


def refusal_citation(pack: LoadedPack, definition: FlowCore) -> str:
    """The citation of the rule that forbids the flow ('' for an allowed one)."""
    return pack.citation_of(definition.refusal_rule)


def flow_map_svg(viewer: Viewer, key: str, lang: str) -> str:
    """The flow's cross-functional swimlane map (SVG). Raises NotFound for an unknown key."""
    pack = flow_pack(viewer)
    definition = flow_definition(pack, key)
    return swimlane_svg(definition, cite=pack.cite, lang=lang, chains=pack.data.chains)


def flow_map_bpmn(viewer: Viewer, key: str, lang: str) -> str:
    """The flow as BPMN 2.0 XML with its diagram. Raises NotFound for an unknown key."""
    pack = flow_pack(viewer)
    definition = flow_definition(pack, key)
    return bpmn_xml(definition, cite=pack.cite, lang=lang, chains=pack.data.chains)
