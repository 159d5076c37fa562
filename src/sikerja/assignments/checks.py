"""The pack's rules on a penugasan request, checked before anything is written.

Each check raises a DomainError naming the pack rule and its citation; the service calls
`request_check` once, before it creates the request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sikerja.assignments.errors import AssignmentErrorCode
from sikerja.assignments.models import Assignment
from sikerja.core.errors import DomainError, RuleViolation, ValidationFailed
from sikerja.organization.models import Employee, Placement
from sikerja.organization.officials import bkpsdm_operators
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.schema.workflows import PenugasanDefinition, Scope
from sikerja.workflows.hooks import RuleWarning

if TYPE_CHECKING:
    from sikerja.assignments.services import RequestInput

ASSIGNABLE_KINDS = frozenset({"FUNGSIONAL", "PELAKSANA"})
FIELD_LABELS = {
    "purpose": gettext_lazy("maksud dan tujuan"),
    "competencies": gettext_lazy("kompetensi yang dibutuhkan"),
    "expected_target": gettext_lazy("target yang diharapkan"),
    "duration": gettext_lazy("jangka waktu"),
    "task_description": gettext_lazy("uraian tugas"),
    "individual_target": gettext_lazy("target individu"),
    "other_arrangements": gettext_lazy("pengaturan lain"),
}


def request_check(
    pack: LoadedPack,
    definition: PenugasanDefinition,
    data: RequestInput,
    scope: Scope,
    candidates: list[Employee],
    on: dt.date,
    placements: dict[int, Placement | None],
) -> None:
    """Refuse a request the pack does not allow: its contents, period, channel, candidates.

    The checks of what the form states all run, and one refusal carries every field's message
    (the first refusal's message, rule and citation), so the form shows all its errors at once.
    `placements` are the candidates' first placements on the day, by employee id (the caller
    reads them with the requester's, in one query).
    """
    problems: list[DomainError] = []
    stated: list[Callable[[], None]] = [
        partial(fields_check, pack, definition, data),
        partial(period_check, pack, data),
        partial(past_period_check, pack, data, on),
        partial(channel_check, pack, data, scope),
    ]
    for check in stated:
        try:
            check()
        except DomainError as refusal:
            problems.append(refusal)
    if problems:
        first = problems[0]
        for other in problems[1:]:
            for name, message in other.fields.items():
                first.fields.setdefault(name, message)
        raise first
    kinds = assignable_kinds(pack, data.subject)
    for candidate in candidates:
        candidate_check(pack, candidate, placements.get(candidate.pk), on, kinds)


def channel_check(pack: LoadedPack, data: RequestInput, scope: Scope) -> None:
    """Implements: V-16 (an oral request only within the unit)."""
    if (
        data.channel == Assignment.Channel.ORAL
        and scope != Scope.WITHIN_UNIT
        and pack.binds("V-16")
    ):
        raise RuleViolation(
            code=AssignmentErrorCode.ORAL_NOT_ALLOWED,
            message=_(
                "Pengajuan lintas unit organisasi wajib tertulis; lisan hanya di dalam unit."
            ),
            rule="V-16",
            citation=pack.cite_rule("V-16"),
            fields={"channel": _("Pilih tertulis.")},
        )


def fields_check(pack: LoadedPack, definition: PenugasanDefinition, data: RequestInput) -> None:
    """The items the flow's request must state (V-01, V-02, …: the definition's request rule).

    A request that lacks only its period is left to V-64, the rule of every pack on the period.
    """
    missing = []
    for name in definition.request_fields:
        value: Any = (
            data.starts_on and data.ends_on if name == "duration" else getattr(data, name, "")
        )
        if not value or (isinstance(value, str) and not value.strip()):
            missing.append(name)
    if not missing or (missing == ["duration"] and pack.binds("V-64")):
        return
    labels = ", ".join(str(FIELD_LABELS.get(name, name)) for name in missing)
    raise RuleViolation(
        code=AssignmentErrorCode.MISSING_FIELDS,
        message=_("Permohonan paling sedikit memuat: %(fields)s.") % {"fields": labels},
        rule=definition.request_rule,
        citation=pack.citation_of(definition.request_rule),
        fields={
            ("starts_on" if name == "duration" else name): _("Wajib diisi.") for name in missing
        },
    )


def team_form_warnings(pack: LoadedPack, assignment: Assignment) -> list[RuleWarning]:
    """Cross-unit and cross-agency work is done in a team: a request the flow submits under V-35.

    Where the pack binds V-35 an appointment without its team is refused; where it prefers it
    (PREFERRED), the request needs a written justification, recorded with the submission. A
    voluntary application is an individual's own request: V-35 never applies to it.

    Implements: V-35.
    """
    in_team = assignment.subject == Assignment.Subject.TEAM or bool(assignment.team_name)
    if assignment.mode != Assignment.Mode.APPOINTMENT or in_team:
        return []
    if pack.binds("V-35"):
        raise RuleViolation(
            code=AssignmentErrorCode.TEAM_REQUIRED,
            message=_(
                "Pelaksanaan tugas lintas unit organisasi dan lintas instansi dilakukan dalam tim kerja; sebutkan timnya."
            ),
            rule="V-35",
            citation=pack.cite_rule("V-35"),
            fields={"team_name": _("Wajib diisi.")},
        )
    if not pack.warns("V-35"):
        return []
    message = _(
        "Pelaksanaan tugas lintas unit organisasi dan lintas instansi diutamakan dalam tim kerja; "
        "sebutkan timnya atau tuliskan alasan penugasan secara individu."
    )
    return [RuleWarning(rule="V-35", citation=pack.cite_rule("V-35"), message=message)]


def period_check(pack: LoadedPack, data: RequestInput) -> None:
    """Every assignment is for a set period, from a start date to an end date on or after it.

    Implements: V-64 (the Pasal 1 definition of Penugasan: "dalam periode waktu tertentu").
    """
    missing = [name for name in ("starts_on", "ends_on") if getattr(data, name) is None]
    if missing and pack.binds("V-64"):
        raise RuleViolation(
            code=AssignmentErrorCode.PERIOD_REQUIRED,
            message=_(
                "Penugasan dilaksanakan dalam periode waktu tertentu; isi tanggal mulai dan tanggal selesai."
            ),
            rule="V-64",
            citation=pack.cite_rule("V-64"),
            fields={name: _("Wajib diisi.") for name in missing},
        )
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        raise ValidationFailed(
            code=AssignmentErrorCode.PERIOD,
            message=_("Tanggal selesai harus sama dengan atau sesudah tanggal mulai."),
            fields={"ends_on": _("Sebelum tanggal mulai.")},
        )


def past_period_check(pack: LoadedPack, data: RequestInput, on: dt.date) -> None:
    """A period that starts before the day of the request is refused, or, where the pack's
    `past_period` is "justify", needs a written justification (recorded with the request).

    A product decision (the seeds are silent): a penugasan is asked for before it starts.
    """
    if data.starts_on is None or data.starts_on >= on:
        return
    if pack.parameters.past_period == "justify":
        if data.justification.strip():
            return
        raise ValidationFailed(
            code=AssignmentErrorCode.PERIOD_IN_PAST,
            message=_("Tanggal mulai sudah lewat; tuliskan alasan penugasan yang berlaku surut."),
            fields={"justification": _("Wajib diisi bila tanggal mulai sudah lewat.")},
        )
    raise ValidationFailed(
        code=AssignmentErrorCode.PERIOD_IN_PAST,
        message=_("Tanggal mulai sudah lewat; penugasan dimulai paling cepat hari ini."),
        fields={"starts_on": _("Pilih hari ini atau sesudahnya.")},
    )


def no_placement(pack: LoadedPack, employee: Employee, on: dt.date) -> RuleViolation:
    """V-44: placement and appraiser are known before any assignment. BKPSDM records the
    placement, so the refusal names the government's operators."""
    return RuleViolation(
        code=AssignmentErrorCode.NO_PLACEMENT,
        message=_(
            "%(name)s belum memiliki kedudukan dan Pejabat Penilai Kinerja; penugasan belum dapat diproses."
        )
        % {"name": employee.full_name},
        rule="V-44",
        citation=pack.citation_of("V-44"),
        instead=bkpsdm_operators(employee.government_id, on),
        next_step=_("Minta operator BKPSDM mencatat kedudukan %(name)s terlebih dahulu.")
        % {"name": employee.full_name},
    )


def assignable_kinds(pack: LoadedPack, subject: str) -> frozenset[str]:
    """The position kinds a request may name: JF and Pelaksana (the pack's Pasal 1 definition of
    Penugasan, G34), and for a team the other kinds the pack admits as members (V-33: Blitar's
    Administrators and Pengawas, Pasal 19), who sit outside the JF/Pelaksana checks."""
    if subject != Assignment.Subject.TEAM:
        return ASSIGNABLE_KINDS
    return ASSIGNABLE_KINDS | set(pack.parameters.team_members_may_include)


def assignee_check(
    pack: LoadedPack,
    person: Employee,
    placement: Placement | None,
    kinds: frozenset[str],
    on: dt.date,
) -> Placement:
    """At a decision: the person named is placed (V-44) and may be named (G34, V-33)."""
    message = _("%(name)s bukan Pejabat Fungsional/Pelaksana yang berkedudukan aktif.") % {
        "name": person.full_name
    }
    if placement is None:
        unplaced = no_placement(pack, person, on)
        raise RuleViolation(
            code=AssignmentErrorCode.CANDIDATE_KIND,
            message=message,
            rule="V-44",
            citation=pack.citation_of("V-44"),
            instead=unplaced.instead,
            next_step=unplaced.next_step,
        )
    if placement.position.kind not in kinds:
        raise RuleViolation(
            code=AssignmentErrorCode.CANDIDATE_KIND,
            message=message,
            rule="G34",
            citation=pack.citation_of("G34"),
        )
    return placement


def candidate_check(
    pack: LoadedPack,
    candidate: Employee,
    placement: Placement | None,
    on: dt.date,
    kinds: frozenset[str] = ASSIGNABLE_KINDS,
) -> None:
    """A candidate is placed (V-44), and holds a position the request may name (G34, V-33):
    `placement` is the candidate's first placement on the day (None: not placed)."""
    if placement is None:
        raise no_placement(pack, candidate, on)
    if placement.position.kind not in kinds:
        raise RuleViolation(
            code=AssignmentErrorCode.CANDIDATE_KIND,
            message=_(
                "Penugasan ditujukan kepada Pejabat Fungsional atau Pelaksana; %(name)s menduduki %(position)s."
            )
            % {"name": candidate.full_name, "position": placement.position.title},
            rule="G34",
            citation=pack.citation_of("G34"),
        )
