"""Thin HTML views of penugasan: the list, the request form, one assignment and its decisions,
and my notifications.

Each view parses its input, makes one call (a page read or a command) and renders the result or
the DomainError (message, rule, citation, per-field messages). Writes answer with a redirect
(PRG); a lost race (StaleState) says so and shows the fresh state.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sikerja.core.errors import DomainError, NotFound, StaleState
from sikerja.organization.selectors import Viewer
from sikerja.regulations.loader import load_pack
from sikerja.web import penugasan_commands as commands
from sikerja.web import penugasan_list, penugasan_pages, penugasan_request
from sikerja.web.penugasan_display import decision_button
from sikerja.web.penugasan_forms import (
    DecisionForm,
    NotificationReadForm,
    RecommendationForm,
    RequestForm,
    tab_of,
)
from sikerja.web.penugasan_pages import Submitted
from sikerja.web.views import Tenant, viewer_required

HTTP_BAD_REQUEST = 400


def page_response(
    request: HttpRequest, viewer: Viewer, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    """Render a page of the site with the viewer and the tenant line."""
    government = viewer.government
    context["viewer"] = viewer
    context["tenant"] = Tenant(name=government.name, pack=load_pack(government.pack_id).short)
    return render(request, template, context, status=status)


def _today() -> dt.date:
    return timezone.localdate()


@require_GET
@viewer_required
def assignment_list(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Penugasan: my inbox, what I sent, everything I may open (?tab=, ?page=)."""
    tab = tab_of(request.GET.get("tab"))
    page = penugasan_list.assignment_list_page(viewer, tab, _today(), request.GET.get("page"))
    nav = "inbox" if tab == "kotak-masuk" else "assignments"
    return page_response(request, viewer, "web/penugasan/list.html", page=page, nav=nav)


@require_GET
@viewer_required
def inbox_count(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The number of open steps awaiting me, as a fragment for the navigation (htmx)."""
    count = penugasan_list.inbox_count(viewer, _today())
    return render(request, "web/penugasan/inbox_count.html", {"count": count})


def _request_form(
    request: HttpRequest,
    viewer: Viewer,
    form: RequestForm,
    error: DomainError | None = None,
    status: int = 200,
) -> HttpResponse:
    page = penugasan_request.request_form_page(viewer, form, _today(), error)
    return page_response(
        request, viewer, "web/penugasan/create.html", status, page=page, nav="assignments"
    )


@require_http_methods(["GET", "POST"])
@viewer_required
def assignment_create(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The request form; `action=candidates` only lists the staff of the chosen unit."""
    if request.method != "POST":
        return _request_form(request, viewer, RequestForm())
    form = RequestForm(request.POST)
    if request.POST.get("action") == "candidates":
        return _request_form(request, viewer, form)
    if not form.is_valid():
        return _request_form(request, viewer, form, status=HTTP_BAD_REQUEST)
    try:
        assignment = commands.request_submit(
            viewer, form.cleaned_data, at=timezone.now(), on=_today()
        )
    except NotFound:
        raise
    except DomainError as exc:
        return _request_form(request, viewer, form, exc, exc.status)
    messages.success(request, _("Permohonan terkirim."))
    return redirect("web:assignment-detail", assignment.pk)


def _detail(
    request: HttpRequest,
    viewer: Viewer,
    pk: int,
    submitted: Submitted | None = None,
    status: int = 200,
) -> HttpResponse:
    page = penugasan_pages.assignment_page(viewer, pk, _today(), submitted)
    return page_response(
        request, viewer, "web/penugasan/detail.html", status, page=page, nav="assignments"
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
        commands.decide(viewer, pk, form.cleaned_data, at=timezone.now(), on=_today())
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
        commands.recommend(viewer, pk, form.cleaned_data, at=timezone.now())
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


@require_http_methods(["GET", "POST"])
@viewer_required
def notifications(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """My notifications; POST marks one as read."""
    if request.method == "POST":
        form = NotificationReadForm(request.POST)
        if form.is_valid():
            commands.notification_read(
                viewer, form.cleaned_data["notification_id"], at=timezone.now()
            )
        return redirect("web:notifications")
    page = penugasan_list.notification_page(viewer, request.GET.get("page"))
    return page_response(
        request, viewer, "web/penugasan/notifications.html", page=page, nav="notifications"
    )
