"""The team proposal form: a unit head (or whoever the pack's WF-TEAM lets propose) proposes a
team in the browser, with every refusal shown at once next to its field.

`action=refresh` (choosing the owner unit) and `action=search` (a person picker's search box)
only re-render the form (htmx swaps the part that changed); without JavaScript the buttons do.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from sikerja.core.errors import DomainError, NotFound
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.teams import commands, rules
from sikerja.teams.forms import TeamProposalForm
from sikerja.teams.views.proposal_page import proposal_page

HTTP_BAD_REQUEST = 400
RE_RENDER = ("refresh", "search")


def _form(
    request: HttpRequest,
    viewer: Viewer,
    form: TeamProposalForm,
    error: DomainError | None = None,
    status: int = 200,
) -> HttpResponse:
    page = proposal_page(viewer, form, today(), error)
    return render_page(request, viewer, "teams/create.html", status, page=page, nav="teams")


@require_http_methods(["GET", "POST"])
@viewer_required
def team_create(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Usulan tim kerja: the form, and the proposal submitted on the pack's WF-TEAM flow."""
    if not rules.may_form_team(viewer):
        raise NotFound()
    if request.method != "POST":
        return _form(request, viewer, TeamProposalForm())
    form = TeamProposalForm(request.POST)
    if request.POST.get("action") in RE_RENDER:
        return _form(request, viewer, form)
    if not form.is_valid():
        return _form(request, viewer, form, status=HTTP_BAD_REQUEST)
    try:
        team = commands.team_propose_checked(
            viewer,
            form.team_input(),
            owner_unit_id=form.cleaned_data["owner_unit_id"],
            at=timezone.now(),
            on=today(),
        )
    except NotFound:
        raise
    except DomainError as exc:
        return _form(request, viewer, form, exc, exc.status)
    messages.success(request, _("Usulan tim kerja terkirim."))
    return redirect("web:team-detail", team.pk)
