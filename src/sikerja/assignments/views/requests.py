"""Thin HTML views of penugasan: the list, the request form, one assignment and its decisions.

Each view parses its input, makes one call (a page read or a command) and renders the result or
the DomainError (message, rule, citation, per-field messages). Writes answer with a redirect
(PRG); a lost race (StaleState) says so and shows the fresh state.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sikerja.assignments import commands
from sikerja.assignments.display import decision_button
from sikerja.assignments.forms import (
    DecisionForm,
    RecommendationForm,
    RequestForm,
    StepForm,
    initial_of,
    tab_of,
)
from sikerja.assignments.views import detail_page, form_page, list_page
from sikerja.assignments.views.detail_page import Submitted
from sikerja.core.errors import DomainError, NotFound, StaleState
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer

HTTP_BAD_REQUEST = 400


@require_GET
@viewer_required
def assignment_list(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Penugasan: my inbox, what I sent, everything I may open (?tab=, ?page=)."""
    tab = tab_of(request.GET.get("tab"))
    page = list_page.assignment_list_page(viewer, tab, today(), request.GET.get("page"))
    nav = "inbox" if tab == "kotak-masuk" else "assignments"
    return render_page(request, viewer, "assignments/list.html", page=page, nav=nav)


@require_GET
@viewer_required
def inbox_count(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The number of open steps awaiting me, as a fragment for the navigation (htmx)."""
    count = list_page.inbox_count(viewer, today())
    return render(request, "assignments/inbox_count.html", {"count": count})


def _request_form(
    request: HttpRequest,
    viewer: Viewer,
    form: RequestForm,
    error: DomainError | None = None,
    status: int = 200,
) -> HttpResponse:
    page = form_page.request_form_page(viewer, form, today(), error)
    return render_page(
        request, viewer, "assignments/create.html", status, page=page, nav="assignments"
    )


@require_http_methods(["GET", "POST"])
@viewer_required
def assignment_create(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The request form; `action=candidates` only lists the staff of the chosen unit."""
    if request.method != "POST":
        return _request_form(request, viewer, RequestForm(initial=initial_of(request.GET)))
    form = RequestForm(request.POST)
    if request.POST.get("action") == "candidates":
        return _request_form(request, viewer, form)
    if not form.is_valid():
        return _request_form(request, viewer, form, status=HTTP_BAD_REQUEST)
    try:
        submitted = commands.request_submit(
            viewer,
            form.request_input(),
            candidate_nips=form.cleaned_data["candidate_nips"],
            at=timezone.now(),
            on=today(),
        )
    except NotFound:
        raise
    except DomainError as exc:
        return _request_form(request, viewer, form, exc, exc.status)
    messages.success(request, _("Permohonan terkirim."))
    return redirect("web:assignment-detail", submitted.assignment.pk)


def _detail(
    request: HttpRequest,
    viewer: Viewer,
    pk: int,
    submitted: Submitted | None = None,
    status: int = 200,
) -> HttpResponse:
    page = detail_page.assignment_page(viewer, pk, today(), submitted)
    return render_page(
        request, viewer, "assignments/detail.html", status, page=page, nav="assignments"
    )


@require_GET
@viewer_required
def assignment_detail(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """One assignment: request, people, timeline, letters, and the forms I may use."""
    return _detail(request, viewer, pk)


def _stale(request: HttpRequest, pk: int) -> HttpResponse:
    messages.warning(
        request, _("Langkah ini sudah diputuskan pihak lain. Berikut keadaan terbarunya.")
    )
    return redirect("web:assignment-detail", pk)


def _bind(form: DecisionForm | RecommendationForm, error: DomainError) -> None:
    for name, message in error.fields.items():
        form.add_error(name if name in form.fields else None, str(message))


@require_POST
@viewer_required
def assignment_decide(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Decide the open step (approve, reject with a reason, return, …)."""
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _detail(request, viewer, pk, Submitted(decision=form), HTTP_BAD_REQUEST)
    try:
        data = form.cleaned_data
        commands.decide(
            viewer,
            pk,
            data["step_id"],
            decision=data["decision"],
            reason=data["reason"],
            justification=data["justification"],
            assignee_ids=data["assignee_ids"],
            external_number=data["external_number"],
            at=timezone.now(),
            on=today(),
        )
    except StaleState:
        return _stale(request, pk)
    except NotFound:
        raise
    except DomainError as exc:
        _bind(form, exc)
        return _detail(request, viewer, pk, Submitted(decision=form, error=exc), exc.status)
    label = decision_button(form.cleaned_data["decision"])
    messages.success(request, _("Keputusan “%(decision)s” tersimpan.") % {"decision": label})
    return redirect("web:assignment-detail", pk)


@require_POST
@viewer_required
def assignment_recommend(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Record my recommendation on the open step."""
    form = RecommendationForm(request.POST)
    if not form.is_valid():
        return _detail(request, viewer, pk, Submitted(recommendation=form), HTTP_BAD_REQUEST)
    try:
        data = form.cleaned_data
        commands.recommend(
            viewer,
            pk,
            data["step_id"],
            text=data["text"],
            recommended_ids=data["recommended_ids"],
            at=timezone.now(),
        )
    except StaleState:
        return _stale(request, pk)
    except NotFound:
        raise
    except DomainError as exc:
        _bind(form, exc)
        return _detail(request, viewer, pk, Submitted(recommendation=form, error=exc), exc.status)
    messages.success(request, _("Rekomendasi tersimpan."))
    return redirect("web:assignment-detail", pk)


@require_POST
@viewer_required
def assignment_remind(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """As the step's actor, remind the recommender the step waits for."""
    form = StepForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        name = commands.remind_recommender(
            viewer, pk, form.cleaned_data["step_id"], at=timezone.now(), on=today()
        )
    except NotFound:
        raise
    except DomainError as exc:
        return _detail(request, viewer, pk, Submitted(error=exc), exc.status)
    messages.success(request, _("Pengingat terkirim kepada %(name)s.") % {"name": name})
    return redirect("web:assignment-detail", pk)


@require_POST
@viewer_required
def assignment_withdraw(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Withdraw my own request while nobody else has decided it."""
    try:
        commands.withdraw(viewer, pk, at=timezone.now())
    except StaleState:
        return _stale(request, pk)
    except NotFound:
        raise
    except DomainError as exc:
        return _detail(request, viewer, pk, Submitted(error=exc), exc.status)
    messages.success(request, _("Permohonan ditarik."))
    return redirect("web:assignment-detail", pk)
