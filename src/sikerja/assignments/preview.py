"""Which flow a request will run, known while the form is filled in (the page asks with htmx as
soon as the kind, the unit and the people are chosen).

The same derivation as the submission (`scope_between`, `flow_id`, `definition_for`) on the same
units: the requester's own unit and the chosen one; the service derives it again when the
request is sent, so a preview never decides anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sikerja.assignments.alternatives import Request, with_alternative
from sikerja.assignments.flow_choice import definition_for
from sikerja.assignments.scope import flow_id, raw_scope, scope_between, voluntary_scope
from sikerja.core.errors import DomainError
from sikerja.organization.models import OrgUnit, Placement
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.workflows import Mode


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
        plain = scope_between(pack, owner, home, external=False)
        request = Request(Mode(mode), subject, plain, chosen, additional_task)
        helped = with_alternative(refusal, pack, request, on)
        return FlowPreview(label="", request_fields=(), refusal=helped, instead=helped.next_step)
    return FlowPreview(label=definition.label, request_fields=tuple(definition.request_fields))
