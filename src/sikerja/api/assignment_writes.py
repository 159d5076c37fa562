"""The penugasan API's writes: turn NIPs and kodes into ids, call one service, answer the detail.

People are named by NIP and looked up in the caller's government (and, where the request involves
one, the other government). A step is looked up inside the assignment in the path, and only its
actor, recorder or their delegate (or, to recommend, its recommender) gets past the lookup: to
anyone else the step is "not found", exactly like a step that does not exist, before any NIP in
the body is checked. The services check the same again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.utils.translation import gettext as _

from sikerja.api.assignment_reads import AssignmentView, assignment_view
from sikerja.api.errors import ApiErrorCode
from sikerja.assignments import selectors, services
from sikerja.assignments.services import RequestInput
from sikerja.core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from sikerja.organization.models import Employee, Government
from sikerja.organization.selectors import Viewer
from sikerja.workflows.engine import may_act
from sikerja.workflows.models import WorkflowStep

# The services name their inputs by id; the API's callers name them by NIP or kode.
API_FIELDS = {
    "candidate_ids": "candidate_nips",
    "assignee_ids": "assignee_nips",
    "external_government_id": "external_government_kode",
}


@contextmanager
def _api_field_names() -> Iterator[None]:
    """Report a refusal's fields under the names the API's body uses."""
    try:
        yield
    except DomainError as exc:
        exc.fields = {API_FIELDS.get(name, name): text for name, text in exc.fields.items()}
        raise


def _unknown(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(
        code=ApiErrorCode.INVALID_INPUT,
        message=_("Data yang dirujuk tidak ditemukan."),
        fields={field: message},
    )


def _caller(viewer: Viewer) -> Employee | None:
    if viewer.employee_id is None:
        return None
    return Employee.objects.select_related("government").get(pk=viewer.employee_id)


def _requester(viewer: Viewer) -> Employee:
    employee = _caller(viewer)
    if employee is None:
        raise PermissionDenied(
            _("Penugasan diajukan oleh pegawai; akun ini tidak terhubung ke data pegawai.")
        )
    return employee


def _employee_ids(nips: Iterable[str], *, own: int, other: int | None, field: str) -> list[int]:
    """The employees with these NIPs, in order; a NIP of the caller's own government wins."""
    wanted = list(dict.fromkeys(nip.strip() for nip in nips if nip.strip()))
    if not wanted:
        return []
    governments = [pk for pk in (own, other) if pk is not None]
    rows = Employee.objects.filter(government_id__in=governments, nip__in=wanted)
    found: dict[str, int] = {}
    for nip, pk, government_id in rows.values_list("nip", "pk", "government_id"):
        if government_id == own or nip not in found:
            found[nip] = pk
    missing = [nip for nip in wanted if nip not in found]
    if missing:
        raise _unknown(field, _("NIP tidak ditemukan: %(nips)s.") % {"nips": ", ".join(missing)})
    return [found[nip] for nip in wanted]


def _external_government_id(viewer: Viewer, kode: str) -> int | None:
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


def assignment_create(
    *, viewer: Viewer, payload: dict[str, Any], at: dt.datetime, on: dt.date
) -> AssignmentView:
    """Submit a request or application as the caller; answer its detail."""
    requester = _requester(viewer)
    values = dict(payload)
    external_id = _external_government_id(viewer, values.pop("external_government_kode"))
    candidate_ids = _employee_ids(
        values.pop("candidate_nips"),
        own=viewer.government.pk,
        other=external_id,
        field="candidate_nips",
    )
    data = RequestInput(**values, candidate_ids=candidate_ids, external_government_id=external_id)
    with _api_field_names():
        assignment = services.assignment_request_submit(
            requester=requester, data=data, at=at, on=on
        )
    return assignment_view(viewer, assignment.pk)


def _step_in(viewer: Viewer, assignment_id: int, step_id: int) -> WorkflowStep:
    step = (
        WorkflowStep.objects.select_related("instance")
        .filter(
            pk=step_id,
            instance__subject_type=selectors.SUBJECT_TYPE,
            instance__subject_id=assignment_id,
            instance__government_id=viewer.government.pk,
        )
        .first()
    )
    if step is None:
        raise NotFound()
    return step


def _external_of(step: WorkflowStep) -> int | None:
    parties = step.instance.parties or {}
    external = parties.get("external_government")
    return int(external) if external else None


def assignment_decide(
    *,
    viewer: Viewer,
    assignment_id: int,
    step_id: int,
    decision: str,
    reason: str,
    justification: str,
    assignee_nips: list[str],
    external_number: str,
    at: dt.datetime,
    on: dt.date,
) -> AssignmentView:
    """Decide a step of the assignment as its actor, recorder or their delegate."""
    actor = _caller(viewer)
    step = _step_in(viewer, assignment_id, step_id)
    if actor is None or not may_act(step, actor.pk, on):
        raise NotFound()
    assignee_ids = _employee_ids(
        assignee_nips, own=viewer.government.pk, other=_external_of(step), field="assignee_nips"
    )
    with _api_field_names():
        services.assignment_decide(
            step_id=step.pk,
            by=actor,
            decision=decision,
            at=at,
            on=on,
            reason=reason,
            justification=justification,
            assignee_ids=assignee_ids,
            external_number=external_number,
        )
    return assignment_view(viewer, assignment_id)


def assignment_recommend(
    *,
    viewer: Viewer,
    assignment_id: int,
    step_id: int,
    text: str,
    recommended_nips: list[str],
    at: dt.datetime,
) -> AssignmentView:
    """Record the recommendation a step waits for, as its recommender."""
    recommender = _caller(viewer)
    step = _step_in(viewer, assignment_id, step_id)
    if recommender is None or step.recommender_id != recommender.pk:
        raise NotFound()
    recommended_ids = _employee_ids(
        recommended_nips,
        own=viewer.government.pk,
        other=_external_of(step),
        field="recommended_nips",
    )
    services.assignment_recommend(
        step_id=step.pk, by=recommender, text=text, at=at, recommended_ids=recommended_ids
    )
    return assignment_view(viewer, assignment_id)


def assignment_withdraw(*, viewer: Viewer, assignment_id: int, at: dt.datetime) -> AssignmentView:
    """The requester withdraws the request before anyone else decided it."""
    requester = _caller(viewer)
    assignment = (
        selectors.visible_assignments(
            employee_id=viewer.employee_id,
            government_id=viewer.government.pk,
            is_operator=viewer.is_admin,
        )
        .filter(pk=assignment_id)
        .first()
    )
    if requester is None or assignment is None:
        raise NotFound()
    services.assignment_withdraw(assignment=assignment, by=requester, at=at)
    return assignment_view(viewer, assignment_id)
