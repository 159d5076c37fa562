"""What the API does before a team service call: find the caller's employee record, turn NIPs
into ids, and then make exactly one service call. A step the caller may not act on is "not
found", exactly like one that does not exist."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sikerja.core.errors import NotFound, PermissionDenied, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.organization.rules import Viewer
from sikerja.teams import rules, selectors, services
from sikerja.teams.errors import Refusals, TeamErrorCode
from sikerja.teams.inputs import TeamInput
from sikerja.teams.models import Team
from sikerja.teams.services import changes
from sikerja.workflows.models import WorkflowStep

INVALID_INPUT = "invalid_input"


def employee_of(viewer: Viewer) -> Employee:
    """The caller's own employee record. Raises PermissionDenied for an account without one."""
    employee = (
        Employee.objects.filter(user_id=viewer.user_id, government=viewer.government).first()
        if rules.may_form_team(viewer)
        else None
    )
    if employee is None:
        raise PermissionDenied(_("Tim kerja dibentuk oleh pegawai; akun ini tanpa data pegawai."))
    return employee


def ids_of(viewer: Viewer, nips: Iterable[str], *, field: str) -> list[int]:
    """The employees of the caller's government with these NIPs, in order, without repeats."""
    wanted = list(dict.fromkeys(nip.strip() for nip in nips if nip.strip()))
    found = dict(
        Employee.objects.filter(government=viewer.government, nip__in=wanted).values_list(
            "nip", "pk"
        )
    )
    missing = [nip for nip in wanted if nip not in found]
    if missing:
        raise ValidationFailed(
            code=INVALID_INPUT,
            message=_("Data yang dirujuk tidak ditemukan."),
            fields={field: _("NIP tidak ditemukan: %(nips)s.") % {"nips": ", ".join(missing)}},
        )
    return [found[nip] for nip in wanted]


def one_id(viewer: Viewer, nip: str, *, field: str) -> int | None:
    ids = ids_of(viewer, [nip], field=field) if nip.strip() else []
    return ids[0] if ids else None


def team_propose(
    viewer: Viewer, data: TeamInput, *, owner_unit_id: int | None, at: dt.datetime, on: dt.date
) -> Team:
    """Propose a team as the caller."""
    return services.team_propose(
        requester=employee_of(viewer), data=data, owner_unit_id=owner_unit_id, at=at, on=on
    )


def team_propose_checked(
    viewer: Viewer, data: TeamInput, *, owner_unit_id: int | None, at: dt.datetime, on: dt.date
) -> Team:
    """Propose a team as the caller, refused with every problem of the proposal at once (the
    form): one refusal as it is, several as `Refusals` carrying each."""
    requester = employee_of(viewer)
    problems = services.team_proposal_problems(
        requester=requester, data=data, owner_unit_id=owner_unit_id, on=on
    )
    if len(problems.errors) == 1:
        raise problems.errors[0]
    if problems.errors:
        count = len(problems.errors)
        raise Refusals(
            code=TeamErrorCode.PROPOSAL_REFUSED,
            message=ngettext(
                "Usulan belum dapat dikirim: %(count)s hal perlu diperbaiki.",
                "Usulan belum dapat dikirim: %(count)s hal perlu diperbaiki.",
                count,
            )
            % {"count": count},
            fields={k: v for error in reversed(problems.errors) for k, v in error.fields.items()},
            errors=tuple(problems.errors),
        )
    return services.team_propose(
        requester=requester, data=data, owner_unit_id=owner_unit_id, at=at, on=on
    )


def _decider(viewer: Viewer, team_id: int, step_id: int, on: dt.date) -> Employee:
    """The caller's employee record, when they may decide this step of this team's formation.
    Raises NotFound for a step they may not act on, exactly like a missing one."""
    employee = employee_of(viewer)
    step = WorkflowStep.objects.filter(
        pk=step_id, instance__subject_type="teams.team", instance__subject_id=team_id
    ).first()
    if step is None or not rules.may_decide_step(viewer, step, on):
        raise NotFound()
    return employee


def team_decide(
    viewer: Viewer,
    team_id: int,
    step_id: int,
    *,
    decision: str,
    reason: str,
    lead_nip: str,
    member_nips: list[str],
    lead_input: str,
    at: dt.datetime,
    on: dt.date,
) -> Team:
    """Decide a step of the team's formation as the caller (its actor or delegate), people
    named by NIP (the API)."""
    employee = _decider(viewer, team_id, step_id, on)
    return services.team_decide(
        step_id=step_id,
        by=employee,
        decision=decision,
        reason=reason,
        lead_id=one_id(viewer, lead_nip, field="lead_nip"),
        member_ids=ids_of(viewer, member_nips, field="member_nips") if member_nips else None,
        lead_input=lead_input,
        at=at,
        on=on,
    )


def team_decide_by_id(
    viewer: Viewer,
    team_id: int,
    step_id: int,
    *,
    decision: str,
    reason: str,
    lead_id: int | None,
    at: dt.datetime,
    on: dt.date,
    justification: str = "",
    member_ids: list[int] | None = None,
    lead_input: str = "",
) -> Team:
    """Decide a step of the team's formation as the caller, people chosen by id (the pages):
    the lead among the candidates, or the members on the lead's input (V-65)."""
    employee = _decider(viewer, team_id, step_id, on)
    return services.team_decide(
        step_id=step_id,
        by=employee,
        decision=decision,
        reason=reason,
        lead_id=lead_id,
        member_ids=member_ids,
        lead_input=lead_input,
        justification=justification,
        at=at,
        on=on,
    )


def team_change(
    viewer: Viewer,
    team_id: int,
    change: str,
    *,
    at: dt.datetime,
    on: dt.date,
    **values: Any,
) -> Team:
    """Replace a member, record or fill a vacant lead, or dissolve, as the caller, people named
    by NIP (the API). A team the caller may not see is "not found" before any NIP is read."""
    employee_of(viewer)
    selectors.team_get_for_viewer(viewer=viewer, team_id=team_id)
    ids = {
        name.removesuffix("_nip") + "_id": _required_id(viewer, values.pop(name), name)
        for name in ("old_nip", "new_nip", "lead_nip")
        if name in values
    }
    renamed = {"old_id": "old_employee_id", "new_id": "new_employee_id"}
    values.update({renamed.get(name, name): pk for name, pk in ids.items()})
    return team_change_by_id(viewer, team_id, change, at=at, on=on, **values)


def team_change_by_id(
    viewer: Viewer,
    team_id: int,
    change: str,
    *,
    at: dt.datetime,
    on: dt.date,
    **values: Any,
) -> Team:
    """Replace a member, record or fill a vacant lead, or dissolve, as the caller, people named
    by id (the pages). A team the caller may not see is "not found"; the service checks who may
    change it."""
    employee = employee_of(viewer)
    team = selectors.team_get_for_viewer(viewer=viewer, team_id=team_id)
    if change == "replace":
        return changes.team_member_replace(team_id=team.pk, by=employee, at=at, on=on, **values)
    if change == "vacate":
        return changes.team_lead_vacate(team_id=team.pk, by=employee, at=at, on=on, **values)
    if change == "fill":
        return changes.team_lead_fill(team_id=team.pk, by=employee, at=at, on=on, **values)
    return changes.team_dissolve(team_id=team.pk, by=employee, at=at, on=on, **values)


def team_lead_input(
    viewer: Viewer,
    team_id: int,
    *,
    member_ids: list[int],
    lead_input: str,
    at: dt.datetime,
    on: dt.date,
) -> Team:
    """The lead's input on the members at the open step of the team's formation (V-65), as the
    caller. Raises NotFound when no step of the team waits for the caller."""
    team = selectors.team_get_for_viewer(viewer=viewer, team_id=team_id)
    step = (
        WorkflowStep.objects.filter(
            instance__subject_type="teams.team",
            instance__subject_id=team.pk,
            status=WorkflowStep.Status.OPEN,
        )
        .order_by("pk")
        .first()
    )
    if step is None:
        raise NotFound()
    return team_decide_by_id(
        viewer,
        team.pk,
        step.pk,
        decision="submit",
        reason="",
        lead_id=None,
        member_ids=member_ids,
        lead_input=lead_input,
        at=at,
        on=on,
    )


def _required_id(viewer: Viewer, nip: str, field: str) -> int:
    found = one_id(viewer, nip, field=field)
    if found is None:
        raise ValidationFailed(
            code=INVALID_INPUT,
            message=_("Data yang dirujuk tidak ditemukan."),
            fields={field: _("Wajib diisi.")},
        )
    return found
