"""Thin HTML views of the feed and the appraisal inputs: the home appraiser accepts or declines
an RHK that an accepted penugasan or a team membership proposed for the SKP, records the
considerations heard for a drafted rating (V-46), and a JF activity item's target is set after a
dialogue (V-60). Each writes with one service call and answers with a redirect (PRG)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sikerja.core.errors import NotFound
from sikerja.organization.http import today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.performance import feed_selectors
from sikerja.performance.commands import employee_of, visible_rating_id
from sikerja.performance.feed_forms import (
    ActivityItemForm,
    ConsiderationForm,
    ProposalDecisionForm,
    RoleAgreementForm,
)
from sikerja.performance.redirects import run_and_redirect
from sikerja.performance.services import considerations, feed, role_agreements
from sikerja.teams.commands import one_id


def rating_url(pk: int, data: Any) -> str:
    """The rating form of the SKP for the period the form posted."""
    query = urlencode(
        {
            "period_kind": str(data.get("period_kind") or "QUARTERLY"),
            "period_index": str(data.get("period_index") or "1"),
        }
    )
    return f"{reverse('web:rating-form', args=[pk])}?{query}"


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
    actor, at, on = employee_of(viewer), timezone.now(), today()
    call: Callable[[], object] = (
        partial(feed.rhk_proposal_accept, actor=actor, proposal_id=visible, at=at, on=on)
        if data["decision"] == "accept"
        else partial(
            feed.rhk_proposal_decline,
            actor=actor,
            proposal_id=visible,
            reason=data["reason"],
            at=at,
            on=on,
        )
    )
    return run_and_redirect(
        request,
        call,
        reverse("web:skp-detail", args=[pk]),
        _("Keputusan atas RHK usulan disimpan."),
    )


@require_POST
@viewer_required
def rating_consideration(
    request: HttpRequest, viewer: Viewer, pk: int, rating_id: int
) -> HttpResponse:
    """Record a consideration heard for the drafted rating; back to the rating form."""
    form = ConsiderationForm(request.POST)
    back = rating_url(pk, request.POST)
    if not form.is_valid():
        messages.error(request, _("Lengkapi pertimbangan dan NIP pemberinya."))
        return redirect(back)
    data = form.cleaned_data
    call = partial(
        considerations.rating_consideration_record,
        actor=employee_of(viewer),
        rating_id=visible_rating_id(viewer, rating_id, today()),
        kind=data["kind"],
        given_by_id=one_id(viewer, data["given_by_nip"], field="given_by_nip") or 0,
        text=data["text"],
        at=timezone.now(),
        on=today(),
    )
    return run_and_redirect(request, call, back, _("Pertimbangan dicatat."))


@require_POST
@viewer_required
def rhk_activity_item(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Set the target of a JF activity item under an RHK of the SKP; back to the SKP."""
    form = ActivityItemForm(request.POST)
    back = reverse("web:skp-detail", args=[pk])
    if not form.is_valid():
        messages.error(request, _("Lengkapi butir kegiatan dan targetnya."))
        return redirect(back)
    data = form.cleaned_data
    call = partial(
        considerations.rhk_activity_item_target_set,
        actor=employee_of(viewer),
        rhk_id=feed_selectors.visible_rhk_id(viewer, pk, data["rhk_id"], today()),
        item=data["item"],
        target=data["target"],
        at=timezone.now(),
        on=today(),
    )
    return run_and_redirect(request, call, back, _("Target butir kegiatan dicatat."))


@require_POST
@viewer_required
def role_agreement_set(
    request: HttpRequest, viewer: Viewer, pk: int, proposal_id: int
) -> HttpResponse:
    """Set (or amend) the PK of the team role the proposal is for, from the holder's SKP page."""
    form = RoleAgreementForm(request.POST)
    back = reverse("web:skp-detail", args=[pk])
    if not form.is_valid():
        messages.error(request, _("Lengkapi tugas, indikator dan targetnya."))
        return redirect(back)
    team_id, role, year = feed_selectors.role_of_proposal(viewer, proposal_id, today())
    call = partial(
        role_agreements.role_agreement_set,
        actor=employee_of(viewer),
        team_id=team_id,
        role=role,
        year=year,
        indicators=(role_agreements.RoleIndicatorInput(**form.cleaned_data),),
        at=timezone.now(),
        on=today(),
    )
    return run_and_redirect(request, call, back, _("Perjanjian Kinerja ditetapkan."))
