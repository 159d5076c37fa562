"""Which flow a request will run, known while the form is filled in (the page asks with htmx as
soon as the kind, the unit and the people are chosen).

The same derivation as the submission (`scope_between`, `flow_id`, `definition_for`) on the same
units: the requester's own unit and the chosen one; the service derives it again when the
request is sent, so a preview never decides anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from sikerja.assignments.flow_choice import SUBJECT_WORDS, definition_for
from sikerja.assignments.scope import flow_id, raw_scope, scope_between, voluntary_scope
from sikerja.core.errors import DomainError
from sikerja.organization.models import OrgUnit, Placement
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.workflows import Mode, Scope, Subject


@dataclass(frozen=True)
class FlowPreview:
    """The flow a request would run (its label and request fields), or why it cannot run and
    what the requester can do instead."""

    label: str
    request_fields: tuple[str, ...]
    refusal: DomainError | None = None
    instead: str = ""


def _own_unit(employee_id: int, on: dt.date) -> OrgUnit | None:
    placement = (
        Placement.objects.effective_on(on)
        .filter(employee_id=employee_id)
        .select_related("position__unit__parent")
        .order_by("kind")
        .first()
    )
    return placement.position.unit if placement else None


def request_flow_preview(
    viewer: Viewer, *, mode: str, subject: str, unit_id: int, additional_task: bool, on: dt.date
) -> FlowPreview | None:
    """The flow of a request to (or, voluntary, from the requester to) the chosen unit; None
    when the requester or the unit is unknown (3 queries)."""
    if viewer.employee_id is None or mode not in {m.value for m in Mode}:
        return None
    pack = load_pack(viewer.government.pack_id)
    own = _own_unit(viewer.employee_id, on)
    chosen = (
        OrgUnit.objects.filter(pk=unit_id, government=viewer.government)
        .select_related("parent")
        .first()
    )
    if own is None or chosen is None:
        return None
    owner, home = (chosen, own) if mode == Mode.VOLUNTARY else (own, chosen)
    scope = scope_between(pack, owner, home, external=False)
    if mode == Mode.VOLUNTARY:
        scope = voluntary_scope(pack, raw_scope(pack, owner, home, external=False), scope)
    try:
        _key, definition = definition_for(
            pack, flow_id(pack, Mode(mode), scope, additional_task), subject
        )
    except DomainError as refusal:
        instead = _instead(
            pack,
            Mode(mode),
            subject,
            scope_between(pack, owner, home, external=False),
            chosen,
            additional_task,
        )
        return FlowPreview(label="", request_fields=(), refusal=refusal, instead=instead)
    return FlowPreview(label=definition.label, request_fields=tuple(definition.request_fields))


def _runs(pack: LoadedPack, mode: Mode, scope: Scope, additional_task: bool, subject: str) -> str:
    """The label of the flow the pack runs for these choices, or '' if it runs none."""
    try:
        return definition_for(pack, flow_id(pack, mode, scope, additional_task), subject)[1].label
    except DomainError:
        return ""


def _instead(
    pack: LoadedPack, mode: Mode, subject: str, scope: Scope, chosen: OrgUnit, additional: bool
) -> str:
    """What the requester can do instead of a request the pack does not run: the same request
    for the other subject, or (for a voluntary application) an appointment by the unit's head."""
    other = Subject.INDIVIDUAL if subject == Subject.TEAM else Subject.TEAM
    if _runs(pack, mode, scope, additional, other):
        return _("Ajukan untuk penugasan %(subject)s.") % {"subject": SUBJECT_WORDS[other]}
    if mode == Mode.VOLUNTARY:
        flow = _runs(pack, Mode.APPOINTMENT, scope, additional, subject)
        if flow:
            return _("Pimpinan %(unit)s dapat menunjuk Anda melalui %(flow)s.") % {
                "unit": chosen.name,
                "flow": flow,
            }
    return ""
