"""The request form page: the units to choose from, the staff of the chosen unit, and which
fields the pack requires.

The flow (and so its required fields) is known only once the scope is derived from the
organisation at submission, so the page marks the union of the request fields of the pack's
allowed flows, naming the flows that need each one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.forms import BoundField
from django.utils.translation import gettext as _

from sikerja.assignments.forms import REQUEST_FIELDS, RequestForm
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


def _candidates(
    viewer: Viewer, unit_id: int | None, on: dt.date
) -> tuple[str, list[tuple[int, str]]]:
    """The JF and Pelaksana placed in the unit or below it on the day (2 queries)."""
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
    unit_name, candidates = _candidates(viewer, _chosen_unit(form), on)
    form.fields["candidate_ids"].widget.choices = candidates
    required = required_fields(pack)
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
    )
