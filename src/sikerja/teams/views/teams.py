"""Thin HTML views of tim kerja: the list, one team, and a decision on its formation.

Each view parses its input, makes one call (a page read or a command) and renders the result or
the DomainError (message, rule, citation, per-field messages). Writes answer with a redirect
(PRG); a lost race (StaleState) says so and shows the fresh state.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sikerja.assignments.display import decision_button
from sikerja.core.errors import DomainError, NotFound, StaleState
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.teams import commands
from sikerja.teams.forms import TeamDecisionForm
from sikerja.teams.views import pages
from sikerja.teams.views.change_page import team_extras
from sikerja.teams.views.pages import Submitted

HTTP_BAD_REQUEST = 400


@require_GET
@viewer_required
def team_list(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Tim kerja: the teams I may see (?page=)."""
    page = pages.team_list_page(viewer, request.GET.get("page"))
    return render_page(request, viewer, "teams/list.html", page=page, nav="teams")


def _detail(
    request: HttpRequest,
    viewer: Viewer,
    pk: int,
    submitted: Submitted | None = None,
    status: int = 200,
) -> HttpResponse:
    page = pages.team_page(viewer, pk, today(), submitted)
    extras = team_extras(viewer, pk, today())
    return render_page(
        request, viewer, "teams/detail.html", status, page=page, extras=extras, nav="teams"
    )


@require_GET
@viewer_required
def team_detail(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """One team: what it is, its people, its formation, its letters, the form I may use."""
    return _detail(request, viewer, pk)


@require_POST
@viewer_required
def team_decide(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Decide the open step of the team's formation (approve, or refuse with a reason)."""
    form = TeamDecisionForm(request.POST)
    if not form.is_valid():
        return _detail(request, viewer, pk, Submitted(decision=form), HTTP_BAD_REQUEST)
    data = form.cleaned_data
    try:
        commands.team_decide_by_id(
            viewer,
            pk,
            data["step_id"],
            decision=data["decision"],
            reason=data["reason"],
            lead_id=data["lead_id"],
            justification=data["justification"],
            at=timezone.now(),
            on=today(),
        )
    except StaleState:
        messages.warning(
            request, _("Langkah ini sudah diputuskan pihak lain. Berikut keadaan terbarunya.")
        )
        return redirect("web:team-detail", pk)
    except NotFound:
        raise
    except DomainError as exc:
        for name, message in exc.fields.items():
            form.add_error(name if name in form.fields else None, str(message))
        return _detail(request, viewer, pk, Submitted(decision=form, error=exc), exc.status)
    label = decision_button(data["decision"])
    messages.success(request, _("Keputusan “%(decision)s” tersimpan.") % {"decision": label})
    return redirect("web:team-detail", pk)
