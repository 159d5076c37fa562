"""Peta proses: the flows of the viewer's pack, each as a swimlane map (SVG) and BPMN 2.0 XML.

The maps are drawn from the same definitions the workflow engine runs. The SVG carries no
scripts and no styles (presentation attributes only), so it sits inline under the strict CSP.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from sikerja.assignments import flows
from sikerja.assignments.display import MODE_LABELS, SCOPE_LABELS, SUBJECT_LABELS
from sikerja.assignments.forms import map_language
from sikerja.organization.http import render_page, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.schema.workflows import FlowCore, PenugasanDefinition

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
# The kinds other than penugasan, as the maps page names them.
KIND_LABELS = {
    "team": _("Pembentukan tim kerja"),
    "plan": _("Penetapan rencana kegiatan tim"),
    "report": _("Laporan"),
    "evaluation": _("Evaluasi"),
    "issue": _("Permasalahan dan kendala"),
    "performance": _("Pengelolaan kinerja"),
}
EVERY_SCOPE = _("menurut cakupan tim")


@dataclass(frozen=True)
class FlowRow:
    """A flow of the pack: what it is, and for a forbidden one, the rule that forbids it."""

    key: str
    label: str
    mode_label: str
    scope_label: str
    subjects_label: str
    variant: str
    allowed: bool
    not_specified_by_pack: bool
    refusal_rule: str
    refusal_citation: str
    citations: str
    step_count: int

    @classmethod
    def of(cls, pack: LoadedPack, key: str, definition: FlowCore) -> FlowRow:
        if isinstance(definition, PenugasanDefinition):
            mode = str(MODE_LABELS[definition.mode])
            scope = str(SCOPE_LABELS[definition.scope])
            subjects = ", ".join(str(SUBJECT_LABELS[s]) for s in definition.subjects)
        else:
            mode, subjects = str(KIND_LABELS.get(definition.kind, definition.kind)), ""
            own_scope = getattr(definition, "scope", None)
            scope = str(SCOPE_LABELS[own_scope]) if own_scope else str(EVERY_SCOPE)
        return cls(
            key=key,
            label=definition.label,
            mode_label=mode,
            scope_label=scope,
            subjects_label=subjects,
            variant=definition.variant,
            allowed=definition.allowed,
            not_specified_by_pack=definition.not_specified_by_pack,
            refusal_rule=definition.refusal_rule,
            refusal_citation=flows.refusal_citation(pack, definition),
            citations="; ".join(pack.cite(c) for c in definition.citations),
            step_count=len(definition.steps),
        )


@dataclass(frozen=True)
class MapPage:
    """One flow's map inline, in one language, with the other language's address."""

    flow: FlowRow
    svg: SafeString
    lang: str
    other_lang: str
    other_lang_name: str


def flow_list(viewer: Viewer) -> list[FlowRow]:
    """Every flow of the viewer's pack, allowed and forbidden, in the pack's order."""
    pack = flows.flow_pack(viewer)
    return [FlowRow.of(pack, key, d) for key, d in flows.penugasan_flows(pack)]


@dataclass(frozen=True)
class FlowGroup:
    """The pack's flows of one other kind (team formation, …), under the kind's name."""

    kind: str
    label: str
    flows: list[FlowRow]


def other_flow_groups(viewer: Viewer) -> list[FlowGroup]:
    """The pack's flows of the kinds other than penugasan, grouped by kind in the pack's order."""
    pack = flows.flow_pack(viewer)
    groups: dict[str, FlowGroup] = {}
    for key, definition in flows.other_flows(pack):
        kind = definition.kind
        label = str(KIND_LABELS.get(kind, kind))
        groups.setdefault(kind, FlowGroup(kind, label, [])).flows.append(
            FlowRow.of(pack, key, definition)
        )
    return list(groups.values())


def map_page(viewer: Viewer, key: str, lang: str) -> MapPage:
    """The swimlane map of one flow of the viewer's pack. Raises NotFound for other keys."""
    pack = flows.flow_pack(viewer)
    definition = flows.flow_definition(pack, key)
    svg = flows.flow_map_svg(viewer, key, lang).removeprefix(XML_DECLARATION)
    return MapPage(
        flow=FlowRow.of(pack, key, definition),
        # The drawing is built by sikerja.workflows.maps.markup, which escapes every text.
        svg=mark_safe(svg.strip()),  # noqa: S308
        lang=lang,
        other_lang="en" if lang == "id" else "id",
        other_lang_name="English" if lang == "id" else "Bahasa Indonesia",
    )


def _download(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _lang(request: HttpRequest) -> str:
    return map_language(request.GET.get("lang"), get_language() or "id")


@require_GET
@viewer_required
def process_maps(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Peta proses: the flows of the pack, with their maps and refusals."""
    rows = flow_list(viewer)
    return render_page(
        request,
        viewer,
        "assignments/maps.html",
        flows=rows,
        other_groups=other_flow_groups(viewer),
        nav="maps",
    )


@require_GET
@viewer_required
def process_map(request: HttpRequest, viewer: Viewer, key: str) -> HttpResponse:
    """One flow's swimlane map, inline, with the SVG and BPMN downloads."""
    page = map_page(viewer, key, _lang(request))
    return render_page(request, viewer, "assignments/map.html", page=page, nav="maps")


@require_GET
@viewer_required
def process_map_svg(request: HttpRequest, viewer: Viewer, key: str) -> HttpResponse:
    """The swimlane map as an SVG file."""
    lang = _lang(request)
    svg = flows.flow_map_svg(viewer, key, lang)
    return _download(svg, "image/svg+xml", f"{viewer.government.pack_id}-{key}-{lang}.svg")


@require_GET
@viewer_required
def process_map_bpmn(request: HttpRequest, viewer: Viewer, key: str) -> HttpResponse:
    """The flow as a BPMN 2.0 XML file (model and diagram)."""
    lang = _lang(request)
    xml = flows.flow_map_bpmn(viewer, key, lang)
    return _download(xml, "application/xml", f"{viewer.government.pack_id}-{key}-{lang}.bpmn")
