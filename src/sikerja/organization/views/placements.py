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
from sikerja.organization.models import Employee, Placement, Position
from sikerja.organization.rules import Viewer, may_transfer
from sikerja.organization.services_moves import placement_move
from sikerja.organization.services_people import placement_create, placement_end


@dataclass(frozen=True)
class EditPage:
    """What the forms offer: the employee, their current placements, the positions."""

    employee: Employee
    current: QuerySet[Placement]
    positions: QuerySet[Position]
    on: dt.date

    def forms(self, action: str = "", data: Any = None) -> dict[str, forms.Form]:
        """The four forms, the one of `action` bound to `data`."""
        heads = self.positions.filter(is_head=True)
        made = {
            "pindah": MoveForm(positions=self.positions, prefix="pindah"),
            "mulai": StartForm(positions=self.positions, prefix="mulai"),
            "plt-plh": ActingForm(positions=heads, prefix="plt-plh"),
            "akhiri": EndForm(placements=self.current, prefix="akhiri"),
        }
        if action:
            made[action] = type(made[action])(
                data, prefix=action, **_choices(action, self.positions, heads, self.current)
            )
        return made


def _choices(action: str, positions: Any, heads: Any, current: Any) -> dict[str, Any]:
    if action == "akhiri":
        return {"placements": current}
    return {"positions": heads if action == "plt-plh" else positions}


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
    positions = (
        Position.objects.filter(government=viewer.government)
        .select_related("unit__agency")
        .order_by("unit__agency__code", "unit__path", "title", "pk")
    )
    return EditPage(employee, current, positions, on)


@require_GET
@viewer_required
def employee_placements(request: HttpRequest, viewer: Viewer, employee_id: int) -> HttpResponse:
    """The forms (the employee page loads their section with htmx; a link opens them too)."""
    page = _edit_page(viewer, employee_id, today())
    return _render(request, viewer, page, page.forms())


def _render(
    request: HttpRequest,
    viewer: Viewer,
    page: EditPage,
    made: dict[str, forms.Form],
    refusal: DomainError | None = None,
    action: str = "",
) -> HttpResponse:
    return render_page(
        request,
        viewer,
        "organization/employee_placements.html",
        status=refusal.status if refusal is not None else (400 if action else 200),
        page=page,
        forms=made,
        refusal=refusal,
        refused_action=action,
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
