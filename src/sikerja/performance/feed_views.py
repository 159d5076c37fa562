"""Thin HTML view of the feed: the home appraiser accepts or declines an RHK that an accepted
penugasan or a team membership proposed for the SKP (the SKP page shows them)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sikerja.core.errors import DomainError, NotFound
from sikerja.organization.http import today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.performance import feed_selectors
from sikerja.performance.commands import employee_of
from sikerja.performance.feed_forms import ProposalDecisionForm
from sikerja.performance.services import feed


@require_POST
@viewer_required
def rhk_proposal_decide(
    request: HttpRequest, viewer: Viewer, pk: int, proposal_id: int
) -> HttpResponse:
    """Accept the proposed RHK into the SKP, or decline it with a reason; back to the SKP."""
    form = ProposalDecisionForm(request.POST)
    if not form.is_valid():
        raise NotFound()
    data = form.cleaned_data
    visible = feed_selectors.visible_proposal_id(viewer, proposal_id, today())
    try:
        if data["decision"] == "accept":
            feed.rhk_proposal_accept(
                actor=employee_of(viewer), proposal_id=visible, at=timezone.now(), on=today()
            )
        else:
            feed.rhk_proposal_decline(
                actor=employee_of(viewer),
                proposal_id=visible,
                reason=data["reason"],
                at=timezone.now(),
                on=today(),
            )
    except NotFound:
        raise
    except DomainError as error:
        messages.error(request, f"{error.message} {error.citation}".strip())
        return redirect("web:skp-detail", pk)
    messages.success(request, _("Keputusan atas RHK usulan disimpan."))
    return redirect("web:skp-detail", pk)
