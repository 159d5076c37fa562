"""Single placement edits on an employee's page, for BKPSDM operators (V-39): move to another
position or unit, end a placement, start one, set a Plt/Plh. Each form posts to its action and
calls the same service an import row's rules come from; an accepted change returns to the
employee page saying what was done, a refusal shows the form again with the reason and the rule
and citation it rests on. Everyone else gets a 404 (the forms do not exist for them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sikerja.core.errors import DomainError
from sikerja.organization.forms_placements import ActingForm, EndForm, MoveForm, StartForm
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.models import Employee, Placement
from sikerja.organization.rules import Viewer, may_transfer
from sikerja.organization.services_moves import placement_move
from sikerja.organization.services_people import placement_create, placement_end
from sikerja.organization.views.position_picker import (
    PICKING,
    PickerPage,
    picker_from,
    picker_page,
)


@dataclass(frozen=True)
class EditPage:
    """What the forms offer: the employee, their current placements; the positions of the
    government are searched with the position picker, never listed here."""

    employee: Employee
    current: QuerySet[Placement]
    on: dt.date

    def forms(self, action: str = "", data: Any = None) -> dict[str, forms.Form]:
        """The four forms, the one of `action` bound to `data`."""
        government = self.employee.government
        made = {
            "pindah": MoveForm(government=government, prefix="pindah"),
            "mulai": StartForm(government=government, prefix="mulai"),
            "plt-plh": ActingForm(government=government, prefix="plt-plh"),
            "akhiri": EndForm(placements=self.current, prefix="akhiri"),
        }
        if action:
            kwargs: dict[str, Any] = (
                {"placements": self.current} if action == "akhiri" else {"government": government}
            )
            made[action] = type(made[action])(data, prefix=action, **kwargs)
        return made


def _pickers(
    viewer: Viewer,
    made: dict[str, forms.Form],
    searched: str = "",
    query: dict[str, str] | None = None,
) -> dict[str, PickerPage]:
    """Each position form's picker: the position a returned form chose, checked; the matches
    of a search made without JavaScript (`searched` is that form's prefix)."""
    pickers = {}
    for action in PICKING:
        form = made[action]
        if action == searched and query is not None:
            pickers[action] = picker_from(viewer, action, query)
            continue
        chosen = form.chosen_position() if isinstance(form, MoveForm) else None
        pickers[action] = picker_page(viewer, action, chosen_id=chosen.pk if chosen else None)
    return pickers


def _edit_page(viewer: Viewer, employee_id: int, on: dt.date) -> EditPage:
    if not may_transfer(viewer):
        raise Http404
    employee = (
        Employee.objects.select_related("government")
        .filter(government=viewer.government, pk=employee_id)
        .first()
    )
    if employee is None:
        raise Http404
    current = (
        Placement.objects.effective_on(on)
        .filter(employee=employee)
        .select_related("position__unit__agency", "employee__government")
        .order_by("valid_from", "pk")
    )
    return EditPage(employee, current, on)


@require_GET
@viewer_required
def employee_placements(request: HttpRequest, viewer: Viewer, employee_id: int) -> HttpResponse:
    """The forms (the employee page loads their section with htmx; a link opens them too).
    Without JavaScript a picker's Cari button comes back here with `untuk` and `q`."""
    page = _edit_page(viewer, employee_id, today())
    searched = request.GET.get("untuk", "")
    if searched not in PICKING:
        return _render(request, viewer, page, page.forms())
    query = request.GET.dict()
    made = page.forms()
    initial = {
        name[len(searched) + 1 :]: value
        for name, value in query.items()
        if name.startswith(f"{searched}-") and name != f"{searched}-position"
    }
    picking: type[MoveForm] = {"pindah": MoveForm, "mulai": StartForm, "plt-plh": ActingForm}[
        searched
    ]
    made[searched] = picking(initial=initial, prefix=searched, government=page.employee.government)
    return _render(request, viewer, page, made, searched=searched, query=query)


def _render(
    request: HttpRequest,
    viewer: Viewer,
    page: EditPage,
    made: dict[str, forms.Form],
    refusal: DomainError | None = None,
    action: str = "",
    searched: str = "",
    query: dict[str, str] | None = None,
) -> HttpResponse:
    pickers = _pickers(viewer, made, searched, query)
    return render_page(
        request,
        viewer,
        "organization/employee_placements.html",
        status=refusal.status if refusal is not None else (400 if action else 200),
        page=page,
        forms=made,
        edits=[(action, form, pickers.get(action)) for action, form in made.items()],
        refusal=refusal,
        refused_action=action,
        open_action=action or searched,
        nav="employees",
    )


Call = Callable[[Viewer, EditPage, dict[str, Any]], Placement]


def _move(viewer: Viewer, page: EditPage, data: dict[str, Any]) -> Placement:
    return placement_move(
        actor=viewer.actor, employee=page.employee, on=page.on, at=timezone.now(), **data
    )


def _start(viewer: Viewer, page: EditPage, data: dict[str, Any]) -> Placement:
    return placement_create(
        actor=viewer.actor,
        employee=page.employee,
        kind=Placement.Kind.DEFINITIVE,
        on=page.on,
        at=timezone.now(),
        **data,
    )


def _acting(viewer: Viewer, page: EditPage, data: dict[str, Any]) -> Placement:
    return placement_create(
        actor=viewer.actor, employee=page.employee, on=page.on, at=timezone.now(), **data
    )


def _end(viewer: Viewer, page: EditPage, data: dict[str, Any]) -> Placement:
    return placement_end(actor=viewer.actor, at=timezone.now(), **data)


ACTIONS: dict[str, Call] = {"pindah": _move, "mulai": _start, "plt-plh": _acting, "akhiri": _end}


@require_POST
@viewer_required
def employee_placement_action(
    request: HttpRequest, viewer: Viewer, employee_id: int, action: str
) -> HttpResponse:
    """One edit: its form, its one service call, then the employee page or the refusal."""
    if action not in ACTIONS:
        raise Http404
    page = _edit_page(viewer, employee_id, today())
    made = page.forms(action, request.POST)
    form = made[action]
    if not form.is_valid():
        return _render(request, viewer, page, made, action=action)
    try:
        placement = ACTIONS[action](viewer, page, form.cleaned_data)
    except DomainError as refusal:
        for name, message in refusal.fields.items():
            if name in form.fields:
                form.add_error(name, str(message))
        return _render(request, viewer, page, made, refusal=refusal, action=action)
    messages.success(request, _done(action, page.employee, placement))
    return HttpResponseRedirect(reverse("web:employee_detail", args=[page.employee.pk]))


def _done(action: str, employee: Employee, placement: Placement) -> str:
    names = {
        "name": employee.full_name,
        "position": placement.position.title,
        "kind": placement.get_kind_display(),
        "date": placement.valid_to if action == "akhiri" else placement.valid_from,
    }
    texts = {
        "pindah": _("%(name)s dipindahkan ke %(position)s mulai %(date)s."),
        "mulai": _("Kedudukan %(name)s sebagai %(position)s dimulai %(date)s."),
        "plt-plh": _("%(name)s ditetapkan sebagai %(kind)s %(position)s mulai %(date)s."),
        "akhiri": _("Kedudukan %(name)s sebagai %(position)s berakhir pada %(date)s."),
    }
    return texts[action] % names
