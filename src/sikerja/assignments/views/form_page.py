"""The request form page: the units to choose from, the staff of the chosen unit (searchable by
name or NIP), and which fields the pack requires.

Before a unit is chosen the page marks the union of the request fields of the pack's allowed
flows, naming the flows that need each one; once the unit is chosen (htmx re-renders the form)
it names the flow the request will run and marks only that flow's fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.forms import BoundField
from django.http import QueryDict
from django.utils.translation import gettext as _

from sikerja.assignments.forms import REQUEST_FIELDS, RequestForm
from sikerja.assignments.preview import FlowPreview, request_flow_preview
from sikerja.core.errors import DomainError
from sikerja.organization.display import shown_nip
from sikerja.organization.models import OrgUnit, Placement
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.workflows import PenugasanDefinition

STAFF_KINDS = ("FUNGSIONAL", "PELAKSANA")
# The pack's "duration" is asked as two dates.
PACK_FIELDS = {"duration": ("starts_on", "ends_on")}
INDENT = "\u2003"  # an em space per level of the unit tree


@dataclass(frozen=True)
class RequestField:
    """A form field with the flows of the pack that require it ('' when none does)."""

    field: BoundField
    required_by: str


@dataclass(frozen=True)
class RequestFormPage:
    """The request form with its choices, the required-field notes and the refusal, if any."""

    form: RequestForm
    fields: dict[str, RequestField]
    pack_short: str
    candidate_unit: str
    has_candidates: bool
    error: DomainError | None
    flow: FlowPreview | None = None


def required_fields(pack: LoadedPack) -> dict[str, list[str]]:
    """Form field name -> labels of the allowed flows that require it."""
    required: dict[str, list[str]] = {}
    for definition in pack.data.workflows.values():
        if not isinstance(definition, PenugasanDefinition) or not definition.allowed:
            continue
        for name in definition.request_fields:
            for field_name in PACK_FIELDS.get(name, (name,)):
                flows = required.setdefault(field_name, [])
                if definition.label not in flows:
                    flows.append(definition.label)
    return required


Choices = list[tuple[int | str, str]]


def _unit_choices(viewer: Viewer) -> list[tuple[str, Choices]]:
    """The government's units grouped by agency, each indented by its depth (1 query)."""
    units = (
        OrgUnit.objects.filter(government=viewer.government)
        .select_related("agency")
        .order_by("agency__name", "agency_id", "path")
    )
    groups: dict[int, tuple[str, Choices]] = {}
    for unit in units:
        group = groups.setdefault(unit.agency_id, (unit.agency.name, []))
        group[1].append((unit.pk, f"{INDENT * unit.depth}{unit.name}"))
    return [("", [("", _("— pilih unit —"))]), *groups.values()]


def _matches(query: str, name: str, nip: str) -> bool:
    """Every word of the query is in the name, or the query's digits are in the NIP as shown
    (a masked NIP is never searched)."""
    digits = "".join(ch for ch in query if ch.isdigit())
    if digits and len(digits) == len(query.replace(" ", "")):
        return "*" not in nip and digits in nip.replace(" ", "")
    return all(word in name.casefold() for word in query.casefold().split())


def _candidates(
    viewer: Viewer,
    unit_id: int | None,
    on: dt.date,
    query: str = "",
    chosen: frozenset[int] = frozenset(),
) -> tuple[str, list[tuple[int, str]]]:
    """The JF and Pelaksana placed in the unit or below it on the day whose name or NIP matches
    the query (the ones already chosen always stay listed) (2 queries). A NIP is matched only
    where the viewer may see it in full."""
    unit = (
        OrgUnit.objects.filter(pk=unit_id, government=viewer.government).first()
        if unit_id
        else None
    )
    if unit is None:
        return "", []
    placements = (
        Placement.objects.effective_on(on)
        .filter(
            position__unit__agency_id=unit.agency_id,
            position__unit__path__startswith=unit.path,
            position__kind__in=STAFF_KINDS,
        )
        .select_related("employee", "position")
        .order_by("employee__name", "employee_id")
    )
    options: dict[int, str] = {}
    for placement in placements:
        employee = placement.employee
        nip = shown_nip(viewer, employee.pk, employee.nip)
        if query and employee.pk not in chosen and not _matches(query, employee.full_name, nip):
            continue
        options.setdefault(
            employee.pk, f"{employee.full_name} — {placement.position.title} ({nip})"
        )
    return unit.name, list(options.items())


def _chosen_unit(form: RequestForm) -> int | None:
    value = form.data.get("unit") if form.is_bound else None
    try:
        return int(value) if value else None
    except (TypeError, ValueError):
        return None


def bind_error(form: RequestForm, error: DomainError) -> None:
    """Put the refusal's per-field messages next to the form's fields."""
    for name, message in error.fields.items():
        field_name = REQUEST_FIELDS.get(name, name)
        form.add_error(field_name if field_name in form.fields else None, str(message))


def request_form_page(
    viewer: Viewer, form: RequestForm, on: dt.date, error: DomainError | None = None
) -> RequestFormPage:
    """The request form ready to show (3 queries; 1 without a chosen unit)."""
    pack = load_pack(viewer.government.pack_id)
    if error is not None:
        bind_error(form, error)
    form.fields["unit"].widget.choices = _unit_choices(viewer)
    unit_id = _chosen_unit(form)
    unit_name, candidates = _candidates(
        viewer, unit_id, on, _text(form, "candidate_query"), _chosen_ids(form)
    )
    form.fields["candidate_ids"].widget.choices = candidates
    flow = _preview(viewer, form, unit_id, on)
    required = required_fields(pack)
    if flow is not None and flow.refusal is None:
        required = {
            field_name: [flow.label]
            for name in flow.request_fields
            for field_name in PACK_FIELDS.get(name, (name,))
        }
    return RequestFormPage(
        form=form,
        fields={
            name: RequestField(form[name], "; ".join(required.get(name, ())))
            for name in form.fields
        },
        pack_short=pack.short,
        candidate_unit=unit_name,
        has_candidates=bool(candidates),
        error=error,
        flow=flow,
    )


def _text(form: RequestForm, name: str) -> str:
    value = form.data.get(name, "") if form.is_bound else ""
    return str(value).strip()


def _chosen_ids(form: RequestForm) -> frozenset[int]:
    data = form.data
    values = data.getlist("candidate_ids") if isinstance(data, QueryDict) else []
    return frozenset(int(value) for value in values if str(value).isdigit())


def _preview(
    viewer: Viewer, form: RequestForm, unit_id: int | None, on: dt.date
) -> FlowPreview | None:
    """The flow the request would run once the unit is chosen (None before)."""
    if unit_id is None:
        return None
    return request_flow_preview(
        viewer,
        mode=_text(form, "mode") or str(form["mode"].initial),
        subject=_text(form, "subject") or str(form["subject"].initial),
        unit_id=unit_id,
        additional_task=bool(_text(form, "additional_task")),
        on=on,
    )
