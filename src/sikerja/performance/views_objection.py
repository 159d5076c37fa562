"""Thin HTML views of the objection (keberatan) to a final rating: the employee's "Ajukan
keberatan" page on their rating, and the objection's page with the deciding official's form.

Each view parses its input, makes one call (a selector or a service) and renders the result or
the DomainError (message, rule, citation). Writes answer with a redirect (PRG).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sikerja.core.errors import DomainError, NotFound
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.performance import objection_selectors as selectors
from sikerja.performance import services
from sikerja.performance.commands import employee_of
from sikerja.performance.objection_forms import ObjectionDecisionForm, ObjectionFileForm
from sikerja.performance.services.objection import ObjectionDecision

NAV = "performance"


def _page(
    request: HttpRequest,
    viewer: Viewer,
    template: str,
    page: object,
    form: forms.Form,
    status: int,
    error: DomainError | None,
) -> HttpResponse:
    """A page with its form; a refusal shows above it and beside the fields it names."""
    for name, message in (error.fields if error else {}).items():
        form.add_error(name if name in form.fields else None, str(message))
    return render_page(
        request, viewer, template, status, page=page, form=form, nav=NAV, error=error
    )


def _filing_page(
    request: HttpRequest,
    viewer: Viewer,
    rating_id: int,
    form: ObjectionFileForm,
    status: int = 200,
    error: DomainError | None = None,
) -> HttpResponse:
    page = selectors.objection_filing_for(viewer=viewer, rating_id=rating_id, on=today())
    return _page(request, viewer, "performance/objection_file.html", page, form, status, error)


@require_http_methods(["GET", "POST"])
@viewer_required
def objection_file(request: HttpRequest, viewer: Viewer, rating_id: int) -> HttpResponse:
    """Ajukan keberatan: the employee objects to their own signed rating, with reasons."""
    if request.method == "GET":
        return _filing_page(request, viewer, rating_id, ObjectionFileForm())
    form = ObjectionFileForm(request.POST)
    if not form.is_valid():
        return _filing_page(request, viewer, rating_id, form, 400)
    try:
        objection = services.objection_file(
            actor=employee_of(viewer),
            rating_id=rating_id,
            reason=form.cleaned_data["reason"],
            at=timezone.now(),
            on=today(),
        )
    except NotFound:
        raise
    except DomainError as error:
        return _filing_page(request, viewer, rating_id, form, error.status, error)
    messages.success(request, _("Keberatan diajukan kepada atasan Pejabat Penilai Kinerja."))
    return redirect("web:objection-detail", objection.pk)


def _objection_page(
    request: HttpRequest,
    viewer: Viewer,
    pk: int,
    form: ObjectionDecisionForm,
    status: int = 200,
    error: DomainError | None = None,
) -> HttpResponse:
    page = selectors.objection_page_for(viewer=viewer, objection_id=pk, on=today())
    return _page(request, viewer, "performance/objection.html", page, form, status, error)


@require_http_methods(["GET"])
@viewer_required
def objection_detail(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """One objection: the rating, the reasons, the deciding official and the decision."""
    return _objection_page(request, viewer, pk, ObjectionDecisionForm())


@require_POST
@viewer_required
def objection_decide(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """The deciding official upholds the predikat or changes it, with a reason."""
    form = ObjectionDecisionForm(request.POST)
    if not form.is_valid():
        return _objection_page(request, viewer, pk, form, 400)
    data = form.cleaned_data
    try:
        services.objection_decide(
            actor=employee_of(viewer),
            objection_id=selectors.objection_id_visible(viewer, pk, today()),
            data=ObjectionDecision(data["decision"], data["reason"], data["predikat"]),
            at=timezone.now(),
            on=today(),
        )
    except NotFound:
        raise
    except DomainError as error:
        return _objection_page(request, viewer, pk, form, error.status, error)
    messages.success(request, _("Keputusan atas keberatan disimpan."))
    return redirect("web:objection-detail", pk)
