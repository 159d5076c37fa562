"""Penugasan use cases: submit a request or application, decide its steps, withdraw it.

Every request runs on the workflow engine under the government's pack; the scope is derived from
the organisation and the pack decides which flow applies, who acts, and which letters it issues.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.assignments import checks
from sikerja.assignments.alternatives import Request, with_alternative
from sikerja.assignments.errors import AssignmentErrorCode
from sikerja.assignments.flow_choice import definition_for
from sikerja.assignments.models import Assignment, AssignmentCandidate
from sikerja.assignments.parties import AssignmentParties
from sikerja.assignments.scope import flow_id, raw_scope, scope_between, voluntary_scope
from sikerja.core.errors import NotFound, RuleViolation, ValidationFailed
from sikerja.notifications import services as notifications
from sikerja.organization.models import Employee, Government, OrgUnit, Placement
from sikerja.organization.officials import official_of
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.workflows import Mode, PenugasanDefinition, Scope
from sikerja.workflows import engine, lifecycle
from sikerja.workflows.actors import ActorContext
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

SUBJECT_TYPE = "assignments.assignment"


@dataclass
class RequestInput:
    """What a requester fills in (validated here, at the edge of the domain)."""

    mode: str
    subject: str
    title: str
    owner_unit_id: int | None = None
    home_unit_id: int | None = None
    candidate_ids: list[int] = field(default_factory=list)
    external_government_id: int | None = None
    purpose: str = ""
    competencies: list[str] = field(default_factory=list)
    expected_target: str = ""
    task_description: str = ""
    individual_target: str = ""
    other_arrangements: str = ""
    team_name: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    channel: str = "WRITTEN"
    additional_task: bool = False
    justification: str = ""


@dataclass(frozen=True)
class SubmittedRequest:
    """A request just submitted: the assignment, its candidates' rows in order (each with its
    employee), and what the workflow engine wrote for it."""

    assignment: Assignment
    candidate_links: list[AssignmentCandidate]
    workflow: engine.Submitted


class _Placed:
    """The placements on the day of the request's people (the requester and every candidate
    named), each with its position, unit, the unit's parent and agency: one query for all."""

    def __init__(self, employee_ids: list[int], on: dt.date) -> None:
        self.by_employee: dict[int, list[Placement]] = {}
        rows = (
            Placement.objects.effective_on(on)
            .filter(employee_id__in=employee_ids)
            .select_related("position__unit__parent", "position__unit__agency")
            .order_by("pk")
        )
        for placement in rows:
            self.by_employee.setdefault(placement.employee_id, []).append(placement)

    def unit(self, employee: Employee) -> OrgUnit | None:
        """The unit of the employee's post, a definitive placement first."""
        mine = self.by_employee.get(employee.pk)
        return min(mine, key=lambda p: p.kind).position.unit if mine else None

    def first(self, employee: Employee) -> Placement | None:
        """The employee's first recorded placement on the day (what the V-44 check looks at)."""
        mine = self.by_employee.get(employee.pk)
        return mine[0] if mine else None


def assignment_request_submit(
    *, requester: Employee, data: RequestInput, at: dt.datetime, on: dt.date
) -> Assignment:
    """Create a penugasan request and submit it: the first step is the requester's own.

    Implements: V-01/V-02 (request contents), V-14 (voluntary scopes, through the pack's forbidden
    flows), V-16 (oral only within the unit), V-35 (team for cross-unit work), V-44 (placement
    first), V-64 (a set period); the scope is derived from the organisation (SPEC §4.0).
    """
    return assignment_request_submit_written(
        requester=requester, data=data, at=at, on=on
    ).assignment


def assignment_request_submit_written(
    *, requester: Employee, data: RequestInput, at: dt.datetime, on: dt.date
) -> SubmittedRequest:
    """`assignment_request_submit`, answering with what it wrote (for an answer that needs no
    read of it)."""
    government = requester.government
    pack = load_pack(government.pack_id)
    mode, subject = _choices(data)
    placed = _Placed([requester.pk, *data.candidate_ids], on)
    requester_unit = placed.unit(requester)
    if requester_unit is None:
        raise checks.no_placement(pack, requester, on)
    candidates = _candidates(government, data, requester, mode)
    owner_unit, home_unit = _units(government, data, requester_unit, candidates, mode, placed)
    external = _external(government, data)
    if mode == Mode.APPOINTMENT and data.home_unit_id is None and len(candidates) > 1:
        home_unit = _widest_home(pack, owner_unit, candidates, external is not None, placed)
    plain = scope = scope_between(pack, owner_unit, home_unit, external=external is not None)
    if mode == Mode.VOLUNTARY:
        raw = raw_scope(pack, owner_unit, home_unit, external=external is not None)
        scope = voluntary_scope(pack, raw, scope)
    try:
        key, definition = definition_for(
            pack, flow_id(pack, mode, scope, data.additional_task), subject
        )
    except RuleViolation as refusal:
        request = Request(mode, subject, plain, owner_unit, data.additional_task)
        raise with_alternative(refusal, pack, request, on) from None
    firsts = {candidate.pk: placed.first(candidate) for candidate in candidates}
    checks.request_check(pack, definition, data, scope, candidates, on, firsts)
    with transaction.atomic():
        assignment = _create(
            government, requester, data, mode, subject, scope, key, owner_unit, home_unit, external
        )
        links = AssignmentCandidate.objects.bulk_create(
            AssignmentCandidate(
                government=government, assignment=assignment, employee=employee, order=order
            )
            for order, employee in enumerate(candidates)
        )
        parties = AssignmentParties(
            requester=requester.pk,
            owner_unit=owner_unit.pk,
            home_unit=home_unit.pk if home_unit else None,
            candidates=[c.pk for c in candidates],
            external_government=external.pk if external else None,
        )
        ctx = ActorContext(pack, definition.kind, parties, government.pk, on)
        _check_first_actor(pack, definition, ctx, requester)
        # The first step's actor is resolved once: the engine opens it with the same context.
        written = engine.instance_submit(
            government_id=government.pk,
            pack=pack,
            key=key,
            subject_type=SUBJECT_TYPE,
            subject_id=assignment.pk,
            parties=parties,
            by=requester,
            at=at,
            on=on,
            justification=data.justification,
            ctx=ctx,
            savepoint=False,  # this block is the unit a refusal undoes
        )
        if written.letters:
            # A new request: every letter of it is one this decision issued (watermark 0).
            _copies_notified_on_commit(assignment.pk, 0)
    return SubmittedRequest(assignment=assignment, candidate_links=links, workflow=written)


def _copies_notified_on_commit(assignment_id: int, watermark: int) -> None:
    """V-26: once the decision commits, the officials copied on its letters are notified."""
    transaction.on_commit(
        partial(
            notifications.letter_copies_notify,
            subject_type=SUBJECT_TYPE,
            subject_id=assignment_id,
            after_letter_id=watermark,
        )
    )


def _choices(data: RequestInput) -> tuple[Mode, str]:
    if data.mode not in Mode.__members__ or data.subject not in Assignment.Subject.values:
        raise ValidationFailed(
            code=AssignmentErrorCode.UNKNOWN_VALUE,
            message=_("Jenis penugasan tidak dikenal."),
            fields={"mode": _("Pilih penunjukan atau pengajuan sukarela; individu atau tim.")},
        )
    if not data.title.strip():
        raise ValidationFailed(
            code=AssignmentErrorCode.MISSING_FIELDS,
            message=_("Hal (judul) penugasan wajib diisi."),
            fields={"title": _("Wajib diisi.")},
        )
    return Mode(data.mode), data.subject


def _candidates(
    government: Government, data: RequestInput, requester: Employee, mode: Mode
) -> list[Employee]:
    ids = list(dict.fromkeys(data.candidate_ids))
    if mode == Mode.VOLUNTARY:
        ids = [requester.pk]
    found = {e.pk: e for e in Employee.objects.filter(pk__in=ids).select_related("government")}
    missing = [pk for pk in ids if pk not in found]
    allowed = {government.pk, data.external_government_id}
    if missing or any(e.government_id not in allowed for e in found.values()):
        raise ValidationFailed(
            code=AssignmentErrorCode.UNKNOWN_VALUE,
            message=_("Pegawai yang diusulkan tidak ditemukan."),
            fields={"candidate_ids": _("Tidak ditemukan.")},
        )
    return [found[pk] for pk in ids]


def _units(
    government: Government,
    data: RequestInput,
    requester_unit: OrgUnit,
    candidates: list[Employee],
    mode: Mode,
    placed: _Placed,
) -> tuple[OrgUnit, OrgUnit | None]:
    def unit(unit_id: int | None, field_name: str) -> OrgUnit | None:
        if unit_id is None:
            return None
        found = OrgUnit.objects.filter(pk=unit_id).select_related("parent", "agency").first()
        if found is None or found.government_id not in {government.pk, data.external_government_id}:
            raise ValidationFailed(
                code=AssignmentErrorCode.UNKNOWN_VALUE,
                message=_("Unit organisasi tidak ditemukan."),
                fields={field_name: _("Tidak ditemukan.")},
            )
        return found

    if mode == Mode.VOLUNTARY:
        _not_applicable(
            data.home_unit_id,
            "home_unit_id",
            _("Pengajuan sukarela berasal dari unit pemohon; kosongkan isian ini."),
        )
        owner = unit(data.owner_unit_id, "owner_unit_id") or requester_unit
        return owner, requester_unit
    _not_applicable(
        data.owner_unit_id,
        "owner_unit_id",
        _("Penunjukan dimiliki unit pemohon; kosongkan isian ini."),
    )
    owner = requester_unit
    home = unit(data.home_unit_id, "home_unit_id")
    if home is None and candidates:
        home = placed.unit(candidates[0])
    return owner, home or owner


def _not_applicable(unit_id: int | None, field_name: str, reason: str) -> None:
    """Refuse a unit the mode does not take: an appointment's owner unit is the requester's,
    an application's home unit is the applicant's (never silently ignored)."""
    if unit_id is not None:
        raise ValidationFailed(
            code=AssignmentErrorCode.NOT_APPLICABLE,
            message=_("Isian ini tidak berlaku untuk jenis permohonan ini."),
            fields={field_name: reason},
        )


SCOPE_ORDER = (Scope.WITHIN_UNIT, Scope.CROSS_UNIT, Scope.CROSS_PD, Scope.CROSS_INSTANSI)


def _widest_home(
    pack: LoadedPack, owner: OrgUnit, members: list[Employee], external: bool, placed: _Placed
) -> OrgUnit | None:
    """The home unit of the member farthest from the owner unit: a team request takes the
    widest scope among its members' home units (V-69), never the first-named one's."""
    homes = [unit for unit in (placed.unit(m) for m in members) if unit is not None]
    if not homes:
        return None
    return max(
        homes,
        key=lambda unit: SCOPE_ORDER.index(scope_between(pack, owner, unit, external=external)),
    )


def _external(government: Government, data: RequestInput) -> Government | None:
    if data.external_government_id is None:
        return None
    external = (
        Government.objects.filter(pk=data.external_government_id).exclude(pk=government.pk).first()
    )
    if external is None:
        raise ValidationFailed(
            code=AssignmentErrorCode.UNKNOWN_VALUE,
            message=_("Instansi tujuan tidak ditemukan."),
            fields={"external_government_id": _("Tidak ditemukan.")},
        )
    return external


def _create(
    government: Government,
    requester: Employee,
    data: RequestInput,
    mode: Mode,
    subject: str,
    scope: Scope,
    key: str,
    owner_unit: OrgUnit,
    home_unit: OrgUnit | None,
    external: Government | None,
) -> Assignment:
    return Assignment.objects.create(
        government=government,
        mode=mode,
        subject=subject,
        scope=scope,
        workflow_key=key,
        requester=requester,
        owner_unit=owner_unit,
        home_unit=home_unit,
        external_government=external,
        title=data.title.strip(),
        purpose=data.purpose.strip(),
        competencies=[c.strip() for c in data.competencies if c.strip()],
        expected_target=data.expected_target.strip(),
        task_description=data.task_description.strip(),
        individual_target=data.individual_target.strip(),
        other_arrangements=data.other_arrangements.strip(),
        team_name=data.team_name.strip(),
        additional_task="yes" if data.additional_task else "",
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        channel=data.channel,
    )


def _check_first_actor(
    pack: LoadedPack, definition: PenugasanDefinition, ctx: ActorContext, requester: Employee
) -> None:
    """The first step is the requester's: an appointment comes from the owner unit head, etc."""
    step = definition.step(definition.start)
    actor = ctx.resolve(step.actor)
    if actor.employee_id == requester.pk:
        return
    person = actor.person
    raise RuleViolation(
        code=AssignmentErrorCode.NOT_FIRST_ACTOR,
        message=_("%(flow)s diajukan oleh %(actor)s.")
        % {"flow": definition.label, "actor": person.name if person else step.actor},
        rule=actor.rule or "V-22",
        citation=pack.cite(step.citation),
        instead=(official_of(person),) if person else (),
        next_step=_("Sampaikan kebutuhan penugasan ini kepada %(name)s, yang mengajukannya.")
        % {"name": person.name}
        if person
        else "",
    )


def assignment_decide(
    *,
    step_id: int,
    by: Employee,
    decision: str,
    at: dt.datetime,
    on: dt.date,
    reason: str = "",
    justification: str = "",
    assignee_ids: list[int] | None = None,
    external_number: str = "",
) -> WorkflowStep:
    """Decide a step of a penugasan (approve, reject with reason, return, acknowledge, …).

    Implements: V-26 (the officials copied on the letters it issues are notified on commit).
    """
    data: dict[str, Any] = {}
    if assignee_ids:
        data["assignees"] = [int(pk) for pk in assignee_ids]
    if external_number.strip():
        data["external_number"] = external_number.strip()
    watermark = notifications.letter_watermark()
    step = engine.step_decide(
        step_id=step_id,
        by=by,
        decision=decision,
        at=at,
        on=on,
        reason=reason,
        justification=justification,
        data=data,
    )
    _copies_notified_on_commit(step.instance.subject_id, watermark)
    return step


def assignment_recommend(
    *,
    step_id: int,
    by: Employee,
    text: str,
    at: dt.datetime,
    recommended_ids: list[int] | None = None,
) -> object:
    """Record the recommendation a step needs before approval (V-23)."""
    return engine.step_recommend(
        step_id=step_id, by=by, text=text, at=at, recommended_ids=recommended_ids
    )


def assignment_withdraw(
    *, assignment: Assignment, by: Employee, at: dt.datetime
) -> WorkflowInstance:
    """The requester withdraws the request before anyone else decided [product decision]."""
    instance = (
        WorkflowInstance.objects.filter(
            subject_type=SUBJECT_TYPE, subject_id=assignment.pk, parent__isnull=True
        )
        .order_by("-started_at", "-pk")
        .first()
    )
    if instance is None:
        raise NotFound()
    return lifecycle.instance_withdraw(instance_id=instance.pk, by=by, at=at)
