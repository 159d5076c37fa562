"""The active team's change pages (replace a member, vacate and fill the lead, dissolve) and the
lead's input on the members: GET shows the form, POST makes one call and goes back to the team
(PRG); `action=search` only re-renders the form's person picker. Someone who may not make the
change gets "not found", whether the page or the domain says so."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from sikerja.core.errors import DomainError, NotFound, StaleState
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.teams import commands
from sikerja.teams.views.change_page import change_form, change_page

HTTP_BAD_REQUEST = 400


def _render(
    request: HttpRequest,
    viewer: Viewer,
    pk: int,
    slug: str,
    form: Form,
    error: DomainError | None = None,
    status: int = 200,
) -> HttpResponse:
    page = change_page(viewer, pk, slug, form, today(), error)
    return render_page(request, viewer, "teams/change.html", status, page=page, nav="teams")


def _apply(viewer: Viewer, pk: int, slug: str, data: dict[str, Any]) -> None:
    """The one command of the change."""
    at, on = timezone.now(), today()
    if slug == "masukan-anggota":
        commands.team_lead_input(
            viewer,
            pk,
            member_ids=data["member_ids"],
            lead_input=data["lead_input"],
            at=at,
            on=on,
        )
        return
    change = {"ganti-anggota": "replace", "kosongkan-ketua": "vacate", "isi-ketua": "fill"}
    values = {k: v for k, v in data.items() if not k.endswith("_query")}
    commands.team_change_by_id(viewer, pk, change.get(slug, "dissolve"), at=at, on=on, **values)


@require_http_methods(["GET", "POST"])
@viewer_required
def team_change(request: HttpRequest, viewer: Viewer, pk: int, change: str) -> HttpResponse:
    """A change of the team the viewer may make (404 for anyone else)."""
    if request.method != "POST":
        return _render(request, viewer, pk, change, change_form(change))
    form = change_form(change, request.POST)
    if request.POST.get("action") == "search":
        return _render(request, viewer, pk, change, form)
    if not form.is_valid():
        return _render(request, viewer, pk, change, form, status=HTTP_BAD_REQUEST)
    try:
        _apply(viewer, pk, change, form.cleaned_data)
    except StaleState:
        messages.warning(request, _("Tim kerja ini sudah berubah. Berikut keadaan terbarunya."))
        return redirect("web:team-detail", pk)
    except NotFound:
        raise
    except DomainError as exc:
        return _render(
            request, viewer, pk, change, change_form(change, request.POST), exc, exc.status
        )
    messages.success(request, _("Perubahan tim kerja tersimpan."))
    return redirect("web:team-detail", pk)
