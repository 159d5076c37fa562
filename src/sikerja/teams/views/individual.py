"""Thin HTML views of reports on individual work: my reports and what waits for me, one report
(submit it with evidence, or pass it on / return it at my step), opening my report on my own
work for a period, and the download of its evidence (only for those who may see the report).

Each view parses its input, makes one call and renders the result or the DomainError; writes
answer with a redirect (PRG); a lost race says so and shows the fresh state.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sikerja.core.errors import DomainError
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.teams import report_commands, selectors_individual
from sikerja.teams.report_forms import (
    IndividualCreateForm,
    ReportDecisionForm,
    ReportSubmitForm,
)
from sikerja.teams.selectors_individual import IndividualReportView
from sikerja.teams.views.reports import HTTP_BAD_REQUEST, _write
from sikerja.teams.work_commands import evidence_response


@dataclass
class IndividualPage:
    """One report's page: the read, the forms the viewer may use and the last refusal."""

    view: IndividualReportView
    submit_form: forms.Form | None
    decision_form: forms.Form | None
    error: DomainError | None = None


@require_GET
@viewer_required
def individual_reports(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Laporan individu: my reports, those waiting for me, those copied to me."""
    page = selectors_individual.individual_reports_page(viewer=viewer)
    form = IndividualCreateForm(initial={"period_start": today().replace(day=1)})
    return render_page(
        request, viewer, "teams/individual_reports.html", page=page, form=form, nav="teams"
    )


@require_POST
@viewer_required
def individual_report_create(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Open my report on my own individual work for a period of the pack's schedule."""
    form = IndividualCreateForm(request.POST)
    page = selectors_individual.individual_reports_page(viewer=viewer)
    if not form.is_valid():
        return render_page(
            request,
            viewer,
            "teams/individual_reports.html",
            HTTP_BAD_REQUEST,
            page=page,
            form=form,
            nav="teams",
        )
    try:
        report = report_commands.individual_create(
            viewer, period_start=form.cleaned_data["period_start"], at=timezone.now(), on=today()
        )
    except DomainError as exc:
        for name, message in exc.fields.items():
            form.add_error(name if name in form.fields else None, str(message))
        return render_page(
            request,
            viewer,
            "teams/individual_reports.html",
            exc.status,
            page=page,
            form=form,
            error=exc,
            nav="teams",
        )
    return redirect(reverse("web:individual-report-detail", args=[report.pk]))


def _page(
    request: HttpRequest,
    viewer: Viewer,
    pk: int,
    *,
    submit: forms.Form | None = None,
    decision: forms.Form | None = None,
    error: DomainError | None = None,
    status: int = 200,
) -> HttpResponse:
    view = selectors_individual.individual_report_view(viewer=viewer, report_id=pk, on=today())
    page = IndividualPage(
        view=view,
        submit_form=(submit or ReportSubmitForm(initial={"text": view.report.text}))
        if view.may_submit
        else None,
        decision_form=(decision or ReportDecisionForm(initial={"step_id": view.my_step.pk}))
        if view.my_step
        else None,
        error=error,
    )
    return render_page(
        request, viewer, "teams/individual_report_detail.html", status, page=page, nav="teams"
    )


@require_GET
@viewer_required
def individual_report_detail(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """One individual report: its text, evidence, copies, chain and the form I may use."""
    return _page(request, viewer, pk)


@require_POST
@viewer_required
def individual_report_submit(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Submit my report with its evidence files."""
    form = ReportSubmitForm(request.POST)
    if not form.is_valid():
        return _page(request, viewer, pk, submit=form, status=HTTP_BAD_REQUEST)
    return _write(
        request,
        form,
        lambda: report_commands.individual_submit(
            viewer,
            pk,
            text=form.cleaned_data["text"],
            files=request.FILES.getlist("evidence"),
            at=timezone.now(),
            on=today(),
        ),
        url=reverse("web:individual-report-detail", args=[pk]),
        done=_("Laporan tersampaikan."),
        again=lambda exc: _page(request, viewer, pk, submit=form, error=exc, status=exc.status),
    )


@require_POST
@viewer_required
def individual_report_decide(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Pass on or return the report at my step of its chain."""
    form = ReportDecisionForm(request.POST)
    if not form.is_valid():
        return _page(request, viewer, pk, decision=form, status=HTTP_BAD_REQUEST)
    selectors_individual.individual_report_get(viewer=viewer, report_id=pk, on=today())
    data = form.cleaned_data
    return _write(
        request,
        form,
        lambda: report_commands.individual_decide(
            viewer,
            data["step_id"],
            decision=data["decision"],
            reason=data["reason"],
            at=timezone.now(),
            on=today(),
        ),
        url=reverse("web:individual-report-detail", args=[pk]),
        done=_("Keputusan atas laporan tersimpan."),
        again=lambda exc: _page(request, viewer, pk, decision=form, error=exc, status=exc.status),
    )


@require_POST
@viewer_required
def individual_report_reroute(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Move the step waiting for an official who has moved to whoever holds the post today."""
    selectors_individual.individual_report_get(viewer=viewer, report_id=pk, on=today())
    url = reverse("web:individual-report-detail", args=[pk])
    try:
        moved = report_commands.individual_reroute_step(viewer, pk, at=timezone.now(), on=today())
    except DomainError as exc:
        return _page(request, viewer, pk, error=exc, status=exc.status)
    if moved is None:
        messages.info(request, _("Pejabat yang dituju masih memegang jabatannya; tidak dialihkan."))
    else:
        messages.success(request, _("Laporan dialihkan kepada pemegang jabatan hari ini."))
    return redirect(url)


@require_GET
@viewer_required
def individual_evidence(
    request: HttpRequest, viewer: Viewer, pk: int, evidence_id: int
) -> HttpResponse:
    """One evidence file of an individual report I may see (404 for everyone else)."""
    evidence = selectors_individual.individual_evidence_get(
        viewer=viewer, report_id=pk, evidence_id=evidence_id, on=today()
    )
    try:
        return evidence_response(evidence)
    except DomainError as exc:
        return HttpResponse(str(exc.message), status=exc.status, content_type="text/plain")
