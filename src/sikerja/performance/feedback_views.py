"""Thin HTML views of the feedback and evidence of an RHK: give feedback (the appraiser, a
delegate, the lead of the team that fed the RHK), acknowledge and answer it (the employee),
attach an evidence file and download one (404 for anyone who may not see the SKP), and the
lead's page of the RHK their teams fed. Writes make one service call and answer with a redirect
(PRG), the refusal's message and article shown on the page they go back to."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sikerja.core.errors import DomainError
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.performance import feedback_selectors
from sikerja.performance.commands import employee_of, evidence_response, upload_of
from sikerja.performance.feedback_forms import AcknowledgeForm, EvidenceForm, FeedbackForm
from sikerja.performance.redirects import run_and_redirect
from sikerja.performance.services import evidence, feedback
from sikerja.performance.services.feedback import Period

NAV = "performance"


def _back(pk: int, data: Any) -> str:
    """The page the note was written on: the SKP (by default), its rating form for the
    period, or the lead's page."""
    back = data.get("back") or "skp"
    if back == "lead":
        return reverse("web:feedback-led")
    if back == "rating" and data.get("period"):
        kind, index = data["period"]
        query = urlencode({"period_kind": kind, "period_index": str(index)})
        return f"{reverse('web:rating-form', args=[pk])}?{query}"
    return reverse("web:skp-detail", args=[pk])


def _period(data: dict[str, Any]) -> Period | None:
    return Period(*data["period"]) if data.get("period") else None


@require_POST
@viewer_required
def rhk_feedback_give(request: HttpRequest, viewer: Viewer, pk: int, rhk_id: int) -> HttpResponse:
    """Give feedback on an RHK of the SKP; back to the page it was given on."""
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tulis isi umpan balik dan pilih periode yang tersedia."))
        return redirect(_back(pk, {}))
    data = form.cleaned_data
    call = partial(
        feedback.rhk_feedback_give,
        actor=employee_of(viewer),
        rhk_id=feedback_selectors.rhk_for_notes(viewer, pk, rhk_id, today()),
        text=data["text"],
        period=_period(data),
        at=timezone.now(),
        on=today(),
    )
    return run_and_redirect(request, call, _back(pk, data), _("Umpan balik disimpan."))


@require_POST
@viewer_required
def rhk_feedback_acknowledge(
    request: HttpRequest, viewer: Viewer, pk: int, feedback_id: int
) -> HttpResponse:
    """Acknowledge (and answer) feedback on my RHK; back to my SKP."""
    form = AcknowledgeForm(request.POST)
    back = reverse("web:skp-detail", args=[pk])
    if not form.is_valid():
        messages.error(request, _("Tanggapan terlalu panjang."))
        return redirect(back)
    note = feedback_selectors.feedback_for_acknowledging(viewer, feedback_id, today())
    call = partial(
        feedback.rhk_feedback_acknowledge,
        actor=employee_of(viewer),
        feedback_id=note.pk,
        reply=form.cleaned_data["reply"],
        at=timezone.now(),
    )
    return run_and_redirect(request, call, back, _("Tanggapan atas umpan balik disimpan."))


@require_POST
@viewer_required
def rhk_evidence_upload(request: HttpRequest, viewer: Viewer, pk: int, rhk_id: int) -> HttpResponse:
    """Attach an evidence file to an RHK of the SKP; back to the page it was attached on."""
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Pilih berkas bukti dukung dan periode yang tersedia."))
        return redirect(_back(pk, {}))
    data = form.cleaned_data
    visible = feedback_selectors.rhk_for_notes(viewer, pk, rhk_id, today())
    try:
        upload = upload_of(data["file"])
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(_back(pk, data))
    call = partial(
        evidence.rhk_evidence_upload,
        actor=employee_of(viewer),
        rhk_id=visible,
        upload=upload,
        period=_period(data),
        at=timezone.now(),
        on=today(),
    )
    return run_and_redirect(request, call, _back(pk, data), _("Bukti dukung diunggah."))


@require_GET
@viewer_required
def rhk_evidence_download(
    request: HttpRequest, viewer: Viewer, pk: int, file_id: int
) -> HttpResponse:
    """One evidence file of an SKP I may see, as uploaded (an attachment)."""
    item = feedback_selectors.evidence_get_for_download(
        viewer=viewer, skp_id=pk, file_id=file_id, on=today()
    )
    try:
        return evidence_response(item)
    except DomainError as error:
        return HttpResponse(str(error.message), status=error.status, content_type="text/plain")


@require_GET
@viewer_required
def feedback_led(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The RHK the teams I lead fed into their members' SKPs, with the feedback I gave."""
    rhks = feedback_selectors.led_rhks_for(viewer=viewer)
    return render_page(
        request, viewer, "performance/feedback_led.html", rhks=rhks, form=FeedbackForm(), nav=NAV
    )
