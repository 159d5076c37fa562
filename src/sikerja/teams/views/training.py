"""Training-need proposals (V-62) on the web: the unit head proposes from the unit workload
page; BKPSDM sees the proposals in their list and schedules or declines each. Each view parses
its input, makes one call and renders the result or the DomainError; writes answer with a
redirect (PRG)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sikerja.core.errors import DomainError, ValidationFailed
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.rules import Viewer
from sikerja.teams import rules, training
from sikerja.teams.training_forms import DecisionForm, ProposalForm
from sikerja.teams.training_models import TrainingNeedProposal
from sikerja.teams.views.workload import workload_page

ROWS_PER_PAGE = 20
TABS = {
    "menunggu": TrainingNeedProposal.Status.SUBMITTED,
    "dijadwalkan": TrainingNeedProposal.Status.SCHEDULED,
    "ditolak": TrainingNeedProposal.Status.DECLINED,
    "semua": "",
}


def _invalid(form_errors: dict[str, Any]) -> ValidationFailed:
    return ValidationFailed(
        code="invalid_input",
        message=_("Periksa kembali isian formulir."),
        fields={name: " ".join(str(e) for e in errors) for name, errors in form_errors.items()},
    )


@require_POST
@viewer_required
def training_propose(request: HttpRequest, viewer: Viewer, unit_id: int) -> HttpResponse:
    """Propose training for a person's competence gaps, from the unit's workload page."""
    form = ProposalForm(request.POST)
    try:
        if not form.is_valid():
            raise _invalid(form.errors)
        proposal = training.training_propose_as(
            viewer,
            training.ProposalInput(
                unit_id=unit_id,
                employee_id=form.cleaned_data["employee_id"],
                competencies=request.POST.getlist("competencies"),
                reason=form.cleaned_data["reason"],
            ),
            at=timezone.now(),
            on=today(),
        )
    except DomainError as exc:
        if exc.status == 404:
            raise
        return workload_page(request, viewer, unit_id, error=exc, status=exc.status)
    messages.success(
        request,
        _("Usulan kebutuhan pelatihan dikirim ke BKPSDM: %(names)s.")
        % {"names": ", ".join(proposal.competencies)},
    )
    return redirect(reverse("web:team-workload", args=[unit_id]) + "#usulan-pelatihan")


def _list_page(
    request: HttpRequest, viewer: Viewer, error: DomainError | None = None, status: int = 200
) -> HttpResponse:
    tab = request.GET.get("tab", "menunggu" if viewer.is_admin else "semua")
    tab = tab if tab in TABS else "semua"
    rows = training.training_proposals_for(viewer=viewer, status=TABS[tab])
    pager = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return render_page(
        request,
        viewer,
        "teams/training_list.html",
        status=status,
        pager=pager,
        tab=tab,
        tabs=list(TABS),
        may_decide=rules.may_decide_training(viewer),
        form=DecisionForm(),
        error=error,
        # BKPSDM reaches the list from its own entry; a unit head from the workload page
        nav="training" if rules.may_decide_training(viewer) else "workload",
    )


@require_GET
@viewer_required
def training_list(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The proposals the viewer may see (BKPSDM: those waiting first), paginated."""
    return _list_page(request, viewer)


@require_POST
@viewer_required
def training_decide(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """BKPSDM schedules or declines a waiting proposal."""
    form = DecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise _invalid(form.errors)
        data = form.cleaned_data
        proposal = training.training_decide_as(
            viewer,
            proposal_id=pk,
            decision=training.Decision(
                schedule=data["decision"] == "schedule",
                scheduled_on=data["scheduled_on"],
                programme=data["programme"],
                reason=data["reason"],
            ),
            at=timezone.now(),
            on=today(),
        )
    except DomainError as exc:
        if exc.status == 404:
            raise
        return _list_page(request, viewer, error=exc, status=exc.status)
    messages.success(
        request,
        _("Usulan untuk %(name)s: %(status)s.")
        % {"name": proposal.employee.full_name, "status": proposal.get_status_display()},
    )
    return redirect("web:training-proposals")
