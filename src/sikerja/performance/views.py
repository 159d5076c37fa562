"""Thin HTML views of performance management: my SKPs, the SKPs waiting for my approval, one
SKP (with the appraiser's decision), and the rating form with the unit's curve.

Each view parses its input, makes one call (a selector or a service) and renders the result or
the DomainError (message, rule, citation). Writes answer with a redirect (PRG).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sikerja.core.errors import DomainError, NotFound
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.performance import feed_selectors, feedback_selectors, rules, selectors, services
from sikerja.performance.commands import employee_of, visible_rating_id, visible_skp_id
from sikerja.performance.feed_forms import ConsiderationForm, ProposalDecisionForm
from sikerja.performance.forms import (
    ExpectationForm,
    RatingForm,
    RhkForm,
    SkpCreateForm,
    SkpDecisionForm,
    UnitLevelForm,
)
from sikerja.performance.services.ratings import RatingInput
from sikerja.performance.services.skp import ExpectationInput, IndicatorInput, RhkInput

HTTP_BAD_REQUEST = 400
NAV = "performance"


@require_GET
@viewer_required
def skp_mine(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """SKP saya: my SKPs, newest first, and the form to start this year's."""
    skps = selectors.skp_list_own(viewer=viewer)
    form = SkpCreateForm(initial={"year": today().year})
    fed = feed_selectors.proposals_fed_to(
        employee_id=viewer.employee_id or 0, government_id=viewer.government.pk
    )
    return render_page(
        request, viewer, "performance/mine.html", skps=skps, form=form, fed=fed, nav=NAV
    )


@require_POST
@viewer_required
def skp_create(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Start my SKP for a year in the position I hold today."""
    form = SkpCreateForm(request.POST)
    if not form.is_valid():
        return redirect("web:skp-mine")
    try:
        skp = services.skp_create(
            actor=employee_of(viewer), year=form.cleaned_data["year"], at=timezone.now(), on=today()
        )
    except DomainError as error:
        messages.error(request, f"{error.message} {error.citation}".strip())
        return redirect("web:skp-mine")
    return redirect("web:skp-detail", skp.pk)


@require_GET
@viewer_required
def skp_approvals(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The SKPs waiting for my approval (as appraiser or acting for one)."""
    skps = selectors.skps_to_approve(viewer=viewer, on=today())
    return render_page(request, viewer, "performance/approvals.html", skps=skps, nav=NAV)


def _detail(
    request: HttpRequest, viewer: Viewer, pk: int, status: int = 200, **extra: Any
) -> HttpResponse:
    skp = selectors.skp_get_for_view(viewer=viewer, skp_id=pk, on=today())
    editable = viewer.employee_id is not None and rules.may_edit_skp(viewer.employee_id, skp)
    rhk_form = extra.pop("rhk_form", None) or RhkForm()
    rhk_form.fields["source"].widget.choices = [("", "—"), *selectors.cascade_sources(skp=skp)]
    context = {
        "skp": skp,
        "may_decide": rules.may_decide_skp(viewer, skp, today()),
        "may_edit": editable,
        "form": SkpDecisionForm(),
        "rhk_form": rhk_form,
        "expectation_form": extra.pop("expectation_form", None) or ExpectationForm(),
        "feed": feed_selectors.skp_feed(viewer=viewer, skp=skp, on=today()),
        "proposal_form": ProposalDecisionForm(),
        "notes": feedback_selectors.notes_panel(viewer=viewer, skp=skp, on=today()),
        **extra,
    }
    return render_page(request, viewer, "performance/detail.html", status, nav=NAV, **context)


@require_GET
@viewer_required
def skp_detail(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """One SKP: its RHK with indicators and targets, expectations, approval and ratings."""
    return _detail(request, viewer, pk)


@require_POST
@viewer_required
def skp_decide(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Approve the SKP, or return it to its employee with a reason."""
    form = SkpDecisionForm(request.POST)
    if not form.is_valid():
        return _detail(request, viewer, pk, HTTP_BAD_REQUEST, form=form)
    try:
        services.skp_decide(
            actor=employee_of(viewer),
            skp_id=visible_skp_id(viewer, pk, today()),
            decision=form.cleaned_data["decision"],
            reason=form.cleaned_data["reason"],
            at=timezone.now(),
            on=today(),
        )
    except NotFound:
        raise
    except DomainError as error:
        return _detail(request, viewer, pk, error.status, form=form, error=error)
    messages.success(request, _("Keputusan atas SKP disimpan."))
    return redirect("web:skp-detail", pk)


def _rating_url(pk: int, kind: str, index: int) -> str:
    query = urlencode({"period_kind": kind, "period_index": str(index)})
    return f"{reverse('web:rating-form', args=[pk])}?{query}"


def _period(data: Any) -> tuple[str, int]:
    kind = str(data.get("period_kind") or "QUARTERLY")
    try:
        index = int(data.get("period_index") or 1)
    except ValueError:
        index = 1
    return kind, index


def _rating_page(
    request: HttpRequest, viewer: Viewer, pk: int, form: RatingForm, status: int = 200, **extra: Any
) -> HttpResponse:
    kind, index = _period(form.data or form.initial)
    page = selectors.rating_page_for(
        viewer=viewer, skp_id=pk, period_kind=kind, period_index=index, on=today()
    )
    level_form = UnitLevelForm(
        initial={"period_kind": kind, "period_index": index, "skp_id": pk, "level": "BAIK"}
    )
    return render_page(
        request,
        viewer,
        "performance/rating.html",
        status,
        page=page,
        form=form,
        level_form=level_form,
        fed=feed_selectors.fed_evidence(page.skp, kind, index),
        consideration_form=ConsiderationForm(),
        notes=feedback_selectors.notes_panel(
            viewer=viewer, skp=page.skp, on=today(), period_kind=kind, period_index=index
        ),
        declared=feed_selectors.unit_results_declared(
            unit_id=page.skp.unit_id, year=page.skp.year, period_kind=kind, period_index=index
        )
        if page.may_set_level
        else [],
        nav=NAV,
        **extra,
    )


@require_http_methods(["GET", "POST"])
@viewer_required
def rating_form(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """The rating of a period of the SKP: draft it (the curve warns) or see it signed."""
    if request.method == "GET":
        kind, index = _period(request.GET)
        return _rating_page(
            request, viewer, pk, RatingForm(initial={"period_kind": kind, "period_index": index})
        )
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _rating_page(request, viewer, pk, form, HTTP_BAD_REQUEST)
    data = form.cleaned_data
    try:
        services.rating_draft(
            actor=employee_of(viewer),
            data=RatingInput(
                visible_skp_id(viewer, pk, today()),
                data["period_kind"],
                data["period_index"],
                data["result_rating"],
                data["behaviour_rating"],
                data["note"],
            ),
            at=timezone.now(),
            on=today(),
        )
    except NotFound:
        raise
    except DomainError as error:
        return _rating_page(request, viewer, pk, form, error.status, error=error)
    messages.success(request, _("Draf penilaian disimpan."))
    return redirect(_rating_url(pk, data["period_kind"], data["period_index"]))


@require_POST
@viewer_required
def rating_sign(request: HttpRequest, viewer: Viewer, pk: int, rating_id: int) -> HttpResponse:
    """Sign off the drafted rating: final and immutable, unless the unit's curve refuses."""
    kind, index = _period(request.POST)
    try:
        services.rating_sign(
            actor=employee_of(viewer),
            rating_id=visible_rating_id(viewer, rating_id, today()),
            justification=str(request.POST.get("justification", "")),
            at=timezone.now(),
            on=today(),
        )
    except NotFound:
        raise
    except DomainError as error:
        form = RatingForm(initial={"period_kind": kind, "period_index": index})
        return _rating_page(request, viewer, pk, form, error.status, error=error)
    messages.success(request, _("Penilaian ditetapkan."))
    return redirect(_rating_url(pk, kind, index))


def _rhk_input(data: dict[str, Any]) -> RhkInput:
    kind, _sep, number = str(data["source"]).partition(":")
    source = int(number) if number.isdigit() else None
    return RhkInput(
        kind=data["kind"],
        text=data["text"],
        indicators=(IndicatorInput(data["indicator"], data["approach"], data["target"]),),
        parent_id=source if kind == "rhk" else None,
        cascade=(data["cascade"] or "DIRECT") if kind == "rhk" else "",
        pk_indicator_id=source if kind == "pk" else None,
    )


@require_POST
@viewer_required
def skp_rhk_add(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Add an RHK with its indicator and target to my draft SKP."""
    form = RhkForm(request.POST)
    if not form.is_valid():
        return _detail(request, viewer, pk, HTTP_BAD_REQUEST, rhk_form=form)
    try:
        services.skp_rhk_add(
            actor=employee_of(viewer),
            skp_id=pk,
            data=_rhk_input(form.cleaned_data),
            at=timezone.now(),
        )
    except NotFound:
        raise
    except DomainError as error:
        return _detail(request, viewer, pk, error.status, rhk_form=form, error=error)
    return redirect("web:skp-detail", pk)


@require_POST
@viewer_required
def skp_expectation_set(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Record the leader's expectation of one core value on my draft SKP."""
    form = ExpectationForm(request.POST)
    if not form.is_valid():
        return _detail(request, viewer, pk, HTTP_BAD_REQUEST, expectation_form=form)
    try:
        services.skp_expectation_set(
            actor=employee_of(viewer),
            skp_id=pk,
            data=ExpectationInput(**form.cleaned_data),
            at=timezone.now(),
        )
    except NotFound:
        raise
    except DomainError as error:
        return _detail(request, viewer, pk, error.status, expectation_form=form, error=error)
    return redirect("web:skp-detail", pk)


@require_POST
@viewer_required
def skp_submit(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Submit my draft SKP to my appraiser of record."""
    try:
        services.skp_submit(actor=employee_of(viewer), skp_id=pk, at=timezone.now(), on=today())
    except NotFound:
        raise
    except DomainError as error:
        return _detail(request, viewer, pk, error.status, error=error)
    messages.success(request, _("SKP diajukan kepada Pejabat Penilai Kinerja."))
    return redirect("web:skp-detail", pk)


@require_POST
@viewer_required
def unit_level_set(request: HttpRequest, viewer: Viewer, unit_id: int) -> HttpResponse:
    """Set the unit's organisational level for the period the rating form shows."""
    form = UnitLevelForm(request.POST)
    if not form.is_valid():
        raise NotFound()
    data = form.cleaned_data
    try:
        services.unit_level_set(
            actor=employee_of(viewer),
            unit_id=unit_id,
            year=selectors.skp_get_for_view(viewer=viewer, skp_id=data["skp_id"], on=today()).year,
            period_kind=data["period_kind"],
            period_index=data["period_index"],
            level=data["level"],
            recommendations=data["recommendations"],
            at=timezone.now(),
            on=today(),
        )
    except NotFound:
        raise
    except DomainError as error:
        rating_form = RatingForm(
            initial={"period_kind": data["period_kind"], "period_index": data["period_index"]}
        )
        return _rating_page(request, viewer, data["skp_id"], rating_form, error.status, error=error)
    messages.success(request, _("Capaian kinerja organisasi disimpan."))
    return redirect(_rating_url(data["skp_id"], data["period_kind"], data["period_index"]))
