"""What both edges of penugasan (the pages and the API) do before a service call: find the
caller's employee record, turn NIPs and a government kode into ids, find the step the caller
may act on, and then make exactly one service call.

Refusals are DomainErrors, the same for both edges: a step or assignment the caller may not act
on is "not found", exactly like one that does not exist, before any NIP in the input is checked.
The services check the same again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace

from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.assignments import rules, services
from sikerja.assignments.services import RequestInput, SubmittedRequest
from sikerja.core.errors import NotFound, PermissionDenied, ValidationFailed
from sikerja.notifications.reminders import recommendation_remind
from sikerja.organization.models import Employee, Government
from sikerja.organization.officials import bkpsdm_operators
from sikerja.organization.rules import Viewer
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

INVALID_INPUT = "invalid_input"


def employee_of(viewer: Viewer, on: dt.date) -> Employee:
    """The caller's own employee record (1 query).

    Raises PermissionDenied for an account without one: penugasan is done by employees; the
    refusal names the BKPSDM operators, who link logins to employees.
    """
    employee = (
        Employee.objects.filter(user_id=viewer.user_id, government=viewer.government).first()
        if rules.may_request(viewer)
        else None
    )
    if employee is None:
        raise PermissionDenied(
            _("Penugasan diajukan oleh pegawai; akun ini tidak terhubung ke data pegawai."),
            instead=bkpsdm_operators(viewer.government.pk, on),
            next_step=_("Minta operator BKPSDM menghubungkan akun ini ke data pegawai Anda."),
        )
    employee.government = viewer.government  # the row the filter named: no read of it again
    return employee


def _unknown(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(
        code=INVALID_INPUT,
        message=_("Data yang dirujuk tidak ditemukan."),
        fields={field: message},
    )


def employee_ids(
    viewer: Viewer,
    nips: Iterable[str],
    *,
    field: str,
    ids: Sequence[int] = (),
    other_government_id: int | None = None,
) -> list[int]:
    """The ids given, then the employees with these NIPs, in order and without repeats.

    A NIP is looked up in the caller's government and, where the request involves one, the
    other government; a NIP of the caller's own government wins. Raises ValidationFailed
    (`invalid_input`, naming the field) for NIPs that match nobody.
    """
    wanted = list(dict.fromkeys(nip.strip() for nip in nips if nip.strip()))
    if not wanted:
        return list(dict.fromkeys(ids))
    own = viewer.government.pk
    governments = [pk for pk in (own, other_government_id) if pk is not None]
    rows = Employee.objects.filter(government_id__in=governments, nip__in=wanted)
    found: dict[str, int] = {}
    for nip, pk, government_id in rows.values_list("nip", "pk", "government_id"):
        if government_id == own or nip not in found:
            found[nip] = pk
    missing = [nip for nip in wanted if nip not in found]
    if missing:
        raise _unknown(field, _("NIP tidak ditemukan: %(nips)s.") % {"nips": ", ".join(missing)})
    return list(dict.fromkeys([*ids, *(found[nip] for nip in wanted)]))


def external_government_id(viewer: Viewer, kode: str) -> int | None:
    """The other government a request involves, by its kode ('' for none)."""
    if not kode.strip():
        return None
    external = (
        Government.objects.filter(kode__iexact=kode.strip())
        .exclude(pk=viewer.government.pk)
        .values_list("pk", flat=True)
        .first()
    )
    if external is None:
        raise _unknown("external_government_kode", _("Tidak ditemukan."))
    return external


def request_submit(
    viewer: Viewer,
    data: RequestInput,
    *,
    candidate_nips: Sequence[str] = (),
    external_government_kode: str = "",
    at: dt.datetime,
    on: dt.date,
) -> SubmittedRequest:
    """Submit a request or an application as the caller; candidates are the ids in `data`
    followed by the people named by NIP. Answers with what the service wrote."""
    requester = employee_of(viewer, on)
    external_id = external_government_id(viewer, external_government_kode)
    candidate_ids = employee_ids(
        viewer,
        candidate_nips,
        field="candidate_nips",
        ids=data.candidate_ids,
        other_government_id=external_id,
    )
    data = replace(data, candidate_ids=candidate_ids, external_government_id=external_id)
    return services.assignment_request_submit_written(requester=requester, data=data, at=at, on=on)


def _step_in(viewer: Viewer, assignment_id: int, step_id: int) -> WorkflowStep:
    step = (
        WorkflowStep.objects.select_related("instance")
        .filter(
            pk=step_id,
            instance__subject_type=rules.SUBJECT_TYPE,
            instance__subject_id=assignment_id,
            instance__government_id=viewer.government.pk,
        )
        .first()
    )
    if step is None:
        raise NotFound()
    return step


def _external_of(step: WorkflowStep) -> int | None:
    external = (step.instance.parties or {}).get("external_government")
    return int(external) if external else None


def decide(
    viewer: Viewer,
    assignment_id: int,
    step_id: int,
    *,
    decision: str,
    reason: str = "",
    justification: str = "",
    assignee_ids: Sequence[int] = (),
    assignee_nips: Sequence[str] = (),
    external_number: str = "",
    at: dt.datetime,
    on: dt.date,
) -> WorkflowStep:
    """Decide a step of the assignment as its actor, recorder or their delegate."""
    step = _step_in(viewer, assignment_id, step_id)
    if not rules.may_decide_step(viewer, step, on):
        raise NotFound()
    actor = employee_of(viewer, on)
    assignees = employee_ids(
        viewer,
        assignee_nips,
        field="assignee_nips",
        ids=assignee_ids,
        other_government_id=_external_of(step),
    )
    return services.assignment_decide(
        step_id=step.pk,
        by=actor,
        decision=decision,
        at=at,
        on=on,
        reason=reason,
        justification=justification,
        assignee_ids=assignees,
        external_number=external_number,
    )


def recommend(
    viewer: Viewer,
    assignment_id: int,
    step_id: int,
    *,
    text: str,
    recommended_ids: Sequence[int] = (),
    recommended_nips: Sequence[str] = (),
    at: dt.datetime,
) -> object:
    """Record the recommendation a step waits for, as its recommender."""
    step = _step_in(viewer, assignment_id, step_id)
    if not rules.may_recommend_on_step(viewer, step):
        raise NotFound()
    recommender = employee_of(viewer, timezone.localtime(at).date())
    recommended = employee_ids(
        viewer,
        recommended_nips,
        field="recommended_nips",
        ids=recommended_ids,
        other_government_id=_external_of(step),
    )
    return services.assignment_recommend(
        step_id=step.pk, by=recommender, text=text, at=at, recommended_ids=recommended
    )


def remind_recommender(
    viewer: Viewer, assignment_id: int, step_id: int, *, at: dt.datetime, on: dt.date
) -> str:
    """As the step's actor, remind its recommender; returns the recommender's name."""
    step = _step_in(viewer, assignment_id, step_id)
    if not rules.may_decide_step(viewer, step, on):
        raise NotFound()
    notification = recommendation_remind(step_id=step.pk, by=employee_of(viewer, on), at=at)
    return notification.recipient.full_name


def withdraw(viewer: Viewer, assignment_id: int, *, at: dt.datetime) -> WorkflowInstance:
    """The requester withdraws the request before anyone else decided it (NotFound for
    anyone else, and for assignments the caller may not see)."""
    assignment = rules.assignments_requested_by(viewer).filter(pk=assignment_id).first()
    if assignment is None:
        raise NotFound()
    return services.assignment_withdraw(
        assignment=assignment, by=employee_of(viewer, timezone.localtime(at).date()), at=at
    )
