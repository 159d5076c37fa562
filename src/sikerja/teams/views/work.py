"""The team-work pages: a team's work (plan, members with roles, progress with evidence,
feedback, monitoring, obstacles, rework) with the forms the viewer may use, and "Pekerjaan
saya". Each view parses its input, makes one call and renders the result or the DomainError;
writes answer with a redirect (PRG)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sikerja.core.errors import DomainError
from sikerja.organization.http import render_page, today, viewer_required
from sikerja.organization.models import Employee
from sikerja.organization.rules import Viewer
from sikerja.teams import work_commands, work_selectors
from sikerja.teams.services.execution import monitoring_period
from sikerja.teams.work_forms import (
    AcknowledgeForm,
    ActivityFormSet,
    DialogueForm,
    FeedbackForm,
    FollowUpForm,
    MonitoringForm,
    ObstacleDecisionForm,
    ObstacleForm,
    PlanDecisionForm,
    PlanForm,
    ProgressForm,
    ReworkCloseForm,
    ReworkForm,
    RoleForm,
    WorkPlanForm,
)

HTTP_BAD_REQUEST = 400


@dataclass
class WorkPage:
    """What the team-work page shows."""

    view: work_selectors.TeamWorkView
    allowed: dict[str, bool]
    progress_rows: list[tuple[Any, list[Any]]]
    obstacle_rows: list[tuple[Any, list[str]]]
    monitoring_done: bool
    forms: dict[str, Any] = field(default_factory=dict)
    error: DomainError | None = None


def _names(view: work_selectors.TeamWorkView) -> dict[int, str]:
    """Names of everyone an obstacle or a plan names, in one query."""
    ids = {pk for row in view.obstacles for pk in (*row.targets, *row.collaborators)}
    return {person.pk: person.full_name for person in Employee.objects.filter(pk__in=ids)}


def _member_choices(view: work_selectors.TeamWorkView) -> list[tuple[str, str]]:
    return [(m.employee.nip, m.employee.full_name) for m in view.members]


def _choices(form: forms.Form, name: str, choices: list[tuple[Any, str]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)  # noqa: S101 - the form declares it
    field.choices = choices


def _forms(view: work_selectors.TeamWorkView, data: Any = None) -> dict[str, Any]:
    members = _member_choices(view)
    activities = ActivityFormSet(prefix="activity")
    for row in activities:
        _choices(row, "assignee_nip", [("", "—"), *members])
    progress = ProgressForm()
    set_plan = view.plan is not None and view.plan.status == "APPROVED"
    _choices(
        progress, "activity_id", [("", "—")] + [(a.pk, a.name) for a in view.activities if set_plan]
    )
    feedback, role, dialogue = (
        FeedbackForm(),
        RoleForm(),
        DialogueForm(initial={"held_on": today()}),
    )
    _choices(feedback, "about_nip", members)
    _choices(role, "member_nip", members)
    _choices(dialogue, "member_nip", members)
    return {
        "role": role,
        "work_plan": WorkPlanForm(),
        "dialogue": dialogue,
        "follow_up": FollowUpForm(),
        "rework": ReworkForm(),
        "rework_close": ReworkCloseForm(),
        "plan": PlanForm(
            initial={
                "strategy": view.plan.strategy if view.plan else "",
                "expected_target": view.plan.expected_target if view.plan else "",
            }
        ),
        "activities": activities,
        "plan_decision": PlanDecisionForm(),
        "progress": progress,
        "feedback": feedback,
        "monitoring": MonitoringForm(initial={"held_on": today()}),
        "obstacle": ObstacleForm(),
        "obstacle_decision": ObstacleDecisionForm(),
    }


def work_page(viewer: Viewer, pk: int, on: dt.date) -> WorkPage:
    """The page of a team's work for a viewer who may see it. Raises NotFound."""
    view = work_selectors.team_work_view(viewer=viewer, team_id=pk, on=on)
    settings = view.settings
    period = monitoring_period(settings.monitoring, on) if settings else ""
    names = _names(view)
    return WorkPage(
        view=view,
        allowed=work_selectors.work_allowed(view, viewer, on),
        progress_rows=[(entry, view.evidence.get(entry.pk, [])) for entry in view.progress],
        obstacle_rows=[(row, [names.get(pk, "") for pk in row.targets]) for row in view.obstacles],
        monitoring_done=any(row.period == period for row in view.monitoring),
        forms=_forms(view),
    )


def _render(
    request: HttpRequest, viewer: Viewer, page: WorkPage, status: int = 200
) -> HttpResponse:
    return render_page(request, viewer, "teams/work.html", status, page=page, nav="teams")


@require_GET
@viewer_required
def team_work(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    """A team's work: plan, members with roles, progress, obstacles, and my forms."""
    return _render(request, viewer, work_page(viewer, pk, today()))


def _activities(request: HttpRequest) -> list[work_commands.ActivityRow]:
    formset = ActivityFormSet(request.POST, prefix="activity")
    for form in formset:
        form.fields["assignee_nip"] = forms.CharField(required=False, max_length=18)
    if not formset.is_valid():
        raise _invalid(_("Periksa baris kegiatan."), "activities")
    return [
        work_commands.ActivityRow(
            name=row["name"],
            output=row.get("output") or "",
            target=row.get("target") or "",
            starts_on=row["starts_on"],
            ends_on=row["ends_on"],
            budget=row.get("budget"),
            assignee_nip=row.get("assignee_nip") or "",
        )
        for row in formset.cleaned_data
        if row.get("name")
    ]


def _invalid(message: str, name: str) -> DomainError:
    return DomainError(code="invalid_input", message=message, fields={name: message})


def _valid(form: forms.Form) -> dict[str, Any]:
    if not form.is_valid():
        name, errors = next(iter(form.errors.items()))
        raise _invalid(str(errors[0]), name)
    return form.cleaned_data


def _plan(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    data = _valid(PlanForm(request.POST))
    work_commands.plan_save(viewer, pk, activities=_activities(request), **data, **now)
    if request.POST.get("submit"):
        work_commands.plan_submit(viewer, pk, **now)
        return _("Rencana tim diajukan.")
    return _("Draf rencana tim tersimpan.")


def _plan_decide(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    data = _valid(PlanDecisionForm(request.POST))
    approve = data["decision"] == "approve"
    work_commands.plan_decide(viewer, pk, approve=approve, note=data["note"], **now)
    return _("Rencana tim ditetapkan.") if approve else _("Rencana tim dikembalikan.")


def _progress(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    form = ProgressForm(request.POST, request.FILES)
    form.fields["activity_id"] = forms.IntegerField(required=False)
    data = _valid(form)
    work_commands.progress_report(
        viewer,
        pk,
        summary=data["summary"],
        percent_complete=data["percent_complete"],
        files=data["evidence"],
        activity_id=data["activity_id"],
        **now,
    )
    return _("Laporan kemajuan tersimpan.")


def _feedback(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    form = FeedbackForm(request.POST)
    form.fields["about_nip"] = forms.CharField(max_length=18)
    data = _valid(form)
    work_commands.feedback_give(viewer, pk, progress_id=None, **data, **now)
    return _("Umpan balik tersimpan.")


def _monitoring(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    work_commands.monitoring_record(viewer, pk, **_valid(MonitoringForm(request.POST)), **now)
    return _("Pemantauan tersimpan.")


def _obstacle(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    data = _valid(ObstacleForm(request.POST))
    work_commands.obstacle_raise(
        viewer,
        pk,
        problem=data["problem"],
        recommendations=data["recommendations"].splitlines(),
        **now,
    )
    return _("Permasalahan disampaikan.")


def _obstacle_decide(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    data = _valid(ObstacleDecisionForm(request.POST))
    work_commands.obstacle_decide(
        viewer,
        pk,
        data["obstacle_id"],
        decision=data["decision"],
        collaborate=data["collaborate"],
        **now,
    )
    return _("Keputusan atas permasalahan tersimpan.")


def _nip_form(form: forms.Form) -> dict[str, Any]:
    """A form whose person is named by NIP: any NIP parses; the domain says who may be named."""
    form.fields["member_nip"] = forms.CharField(max_length=18)
    return _valid(form)


def _role(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    work_commands.member_role_set(viewer, pk, **_nip_form(RoleForm(request.POST)), **now)
    return _("Peran anggota tersimpan.")


def _work_plan(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    work_commands.work_plan_submit(viewer, pk, **_valid(WorkPlanForm(request.POST)), **now)
    return _("Rencana kerja individu tersimpan.")


def _acknowledge(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    data = _valid(AcknowledgeForm(request.POST))
    work_commands.work_plan_acknowledge(viewer, pk, member_nip=data["member_nip"], **now)
    return _("Rencana kerja anggota diterima.")


def _dialogue(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    work_commands.dialogue_record(viewer, pk, **_nip_form(DialogueForm(request.POST)), **now)
    return _("Dialog kinerja tercatat.")


def _follow_up(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    data = _valid(FollowUpForm(request.POST))
    obstacle_id = data.pop("obstacle_id")
    work_commands.obstacle_follow_up(viewer, pk, obstacle_id, **data, **now)
    return _("Tindak lanjut tercatat.")


def _rework(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    data = _valid(ReworkForm(request.POST))
    work_commands.rework_open(viewer, pk, reason=data["reason"], activity_id=None, **now)
    return _("Hasil dikembalikan untuk diperbaiki.")


def _rework_close(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    data = _valid(ReworkCloseForm(request.POST))
    work_commands.rework_close(viewer, pk, data["rework_id"], resolution=data["resolution"], **now)
    return _("Perbaikan tercatat selesai.")


def _reroute(request: HttpRequest, viewer: Viewer, pk: int, **now: Any) -> str:
    moved = work_commands.work_reroute(viewer, pk, **now)
    count = len(moved.obstacles) + (1 if moved.plan else 0)
    return _("Dialihkan: %(count)s.") % {"count": count}


ACTIONS: dict[str, Callable[..., str]] = {
    "alihkan": _reroute,
    "peran": _role,
    "rencana-kerja": _work_plan,
    "terima-rencana-kerja": _acknowledge,
    "dialog": _dialogue,
    "tindak-lanjut": _follow_up,
    "perbaikan": _rework,
    "perbaikan-selesai": _rework_close,
    "rencana": _plan,
    "putusan-rencana": _plan_decide,
    "kemajuan": _progress,
    "umpan-balik": _feedback,
    "pemantauan": _monitoring,
    "permasalahan": _obstacle,
    "putusan-permasalahan": _obstacle_decide,
}


@require_POST
@viewer_required
def team_work_action(request: HttpRequest, viewer: Viewer, pk: int, action: str) -> HttpResponse:
    """One write on the team's work (plan, decision, progress, feedback, monitoring,
    obstacle); the service checks who may."""
    handler = ACTIONS.get(action)
    if handler is None:
        return HttpResponse(status=404)
    try:
        message = handler(request, viewer, pk, at=timezone.now(), on=today())
    except DomainError as exc:
        if exc.status == 404:
            raise
        page = work_page(viewer, pk, today())
        page.error = exc
        return _render(request, viewer, page, exc.status if exc.status != 500 else 400)
    messages.success(request, message)
    return redirect("web:team-work", pk)


@dataclass(frozen=True)
class MyWorkPage:
    """Pekerjaan saya: my teams, my latest entries, what waits for me."""

    teams: list[Any]
    progress: list[Any]
    obstacles: list[Any]
    rework: list[Any]
    plans: list[Any]


@require_GET
@viewer_required
def my_work(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Pekerjaan saya: the teams I am on, my progress entries, obstacles and rework waiting."""
    page = MyWorkPage(
        teams=list(work_selectors.my_teams(viewer=viewer)),
        progress=work_selectors.my_progress(viewer=viewer),
        obstacles=work_selectors.obstacles_waiting_for(viewer=viewer),
        rework=work_selectors.rework_owned_by(viewer=viewer),
        plans=work_selectors.plans_waiting_for(viewer=viewer),
    )
    return render_page(request, viewer, "teams/my_work.html", page=page, nav="my-work")
