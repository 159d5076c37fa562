"""Thin HTML views of a team's reports and evaluation: my reports due and my inbox, one report
(submit it, or receive / return it at my step), one evaluation (decide my step), and the team's
results submitted for evaluation from its page.

Each view parses its input, makes one call (a page read or a command) and renders the result or
the DomainError; writes answer with a redirect (PRG); a lost race says so and shows the fresh
state.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sikerja.core.errors import DomainError, StaleState
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.teams import report_commands
from sikerja.teams.report_forms import (
    EvaluationDecisionForm,
    ReportDecisionForm,
    ReportSubmitForm,
    ResultsSubmitForm,
)
from sikerja.teams.views import report_pages
from sikerja.teams.views.report_pages import Submitted

HTTP_BAD_REQUEST = 400
STALE = _("Langkah ini sudah diputuskan pihak lain. Berikut keadaan terbarunya.")


def _write(
    request: HttpRequest,
    form: forms.Form,
    call: Callable[[], object],
    *,
    url: str,
    done: str,
    again: Callable[[DomainError], HttpResponse],
) -> HttpResponse:
    """Run one write: back to `url` on success or a lost race (PRG); on a refusal, the page
    again with the message, the article and the per-field messages."""
    try:
        call()
    except StaleState:
        messages.warning(request, STALE)
        return redirect(url)
    except DomainError as exc:
        for name, message in exc.fields.items():
            form.add_error(name if name in form.fields else None, str(message))
        return again(exc)
    messages.success(request, done)
    return redirect(url)


@require_GET
@viewer_required
def team_reports(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Laporan tim kerja: the reports I must submit and those waiting for me on a chain."""
    page = report_pages.reports_page(viewer)
    return render_page(request, viewer, "teams/reports.html", page=page, nav="teams")


def _report(
    request: HttpRequest,
    viewer: Viewer,
    pk: int,
    submitted: Submitted | None = None,
    status: int = 200,
) -> HttpResponse:
    page = report_pages.report_page(viewer, pk, today(), submitted)
    return render_page(request, viewer, "teams/report_detail.html", status, page=page, nav="teams")


@require_GET
@viewer_required
def team_report_detail(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """One report: its text, evidence, notes on members, chain, and the form I may use."""
    return _report(request, viewer, pk)


def _notes(request: HttpRequest) -> dict[int, str]:
    prefix = "result_"
    return {
        int(key.removeprefix(prefix)): str(request.POST.get(key, ""))
        for key in request.POST
        if key.startswith(prefix) and key.removeprefix(prefix).isdigit()
    }


@require_POST
@viewer_required
def team_report_submit(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Submit my report with its evidence files (and, as lead, a note on each member)."""
    form = ReportSubmitForm(request.POST)
    notes = _notes(request)
    if not form.is_valid():
        submitted = Submitted(submit=form, notes=notes)
        return _report(request, viewer, pk, submitted, HTTP_BAD_REQUEST)
    return _write(
        request,
        form,
        lambda: report_commands.report_submit(
            viewer,
            pk,
            text=form.cleaned_data["text"],
            files=request.FILES.getlist("evidence"),
            member_results=notes,
            evidence_ids=[],
            at=timezone.now(),
            on=today(),
        ),
        url=reverse("web:team-report-detail", args=[pk]),
        done=_("Laporan tersampaikan."),
        again=lambda exc: _report(
            request, viewer, pk, Submitted(submit=form, error=exc, notes=notes), exc.status
        ),
    )


@require_POST
@viewer_required
def team_report_decide(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Receive or return the report at my step of its chain."""
    form = ReportDecisionForm(request.POST)
    if not form.is_valid():
        return _report(request, viewer, pk, Submitted(decision=form), HTTP_BAD_REQUEST)
    data = form.cleaned_data
    return _write(
        request,
        form,
        lambda: report_commands.report_decide(
            viewer,
            data["step_id"],
            decision=data["decision"],
            reason=data["reason"],
            at=timezone.now(),
            on=today(),
        ),
        url=reverse("web:team-report-detail", args=[pk]),
        done=_("Keputusan atas laporan tersimpan."),
        again=lambda exc: _report(
            request, viewer, pk, Submitted(decision=form, error=exc), exc.status
        ),
    )


def _evaluation(
    request: HttpRequest,
    viewer: Viewer,
    pk: int,
    submitted: Submitted | None = None,
    status: int = 200,
) -> HttpResponse:
    page = report_pages.evaluation_page(viewer, pk, today(), submitted)
    return render_page(
        request, viewer, "teams/evaluation_detail.html", status, page=page, nav="teams"
    )


@require_GET
@viewer_required
def team_evaluation_detail(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """One evaluation: the results, their evidence, the chain, and my decision form."""
    return _evaluation(request, viewer, pk)


@require_POST
@viewer_required
def team_evaluation_decide(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Approve the results as on target (the last official declares the work complete), return
    them with a reason, or submit them again after a return."""
    form = EvaluationDecisionForm(request.POST)
    if not form.is_valid():
        return _evaluation(request, viewer, pk, Submitted(decision=form), HTTP_BAD_REQUEST)
    data = form.cleaned_data
    return _write(
        request,
        form,
        lambda: report_commands.evaluation_decide(
            viewer,
            data["step_id"],
            decision=data["decision"],
            reason=data["reason"],
            on_target=data["on_target"],
            results=data["results"],
            at=timezone.now(),
            on=today(),
        ),
        url=reverse("web:team-evaluation-detail", args=[pk]),
        done=_("Keputusan evaluasi tersimpan."),
        again=lambda exc: _evaluation(
            request, viewer, pk, Submitted(decision=form, error=exc), exc.status
        ),
    )


@require_POST
@viewer_required
def team_results_submit(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """Submit the team's results for evaluation (from the team page), with evidence files."""
    form = ResultsSubmitForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Uraikan hasil kerja tim."))
        return redirect("web:team-detail", pk)
    try:
        evaluation = report_commands.results_submit(
            viewer,
            pk,
            results=form.cleaned_data["results"],
            files=request.FILES.getlist("evidence"),
            evidence_ids=[],
            at=timezone.now(),
            on=today(),
        )
    except StaleState:
        messages.warning(request, STALE)
        return redirect("web:team-detail", pk)
    except DomainError as exc:
        citation = f" ({exc.rule}: {exc.citation})" if exc.rule else ""
        messages.error(request, f"{exc.message}{citation}")
        return redirect("web:team-detail", pk)
    messages.success(request, _("Hasil kerja tim disampaikan untuk dievaluasi."))
    return redirect("web:team-evaluation-detail", evaluation.pk)
