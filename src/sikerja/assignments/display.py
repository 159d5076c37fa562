"""What the penugasan pages show: decision words, timeline rows, letters, list rows.

Every label and every "is this shown" is decided here, so the templates only print.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sikerja.assignments.models import Assignment
from sikerja.documents.form import letter_name, letter_subject
from sikerja.documents.models import Letter
from sikerja.organization.display import ACTING_TITLES, KIND_LABELS
from sikerja.regulations.schema.workflows import Decision, StepSpec
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

# The button a decider presses.
DECISION_BUTTONS: dict[str, Promise] = {
    Decision.SUBMIT: _("Kirim"),
    Decision.APPROVE: _("Setujui"),
    Decision.REJECT: _("Tolak"),
    Decision.RETURN: _("Kembalikan"),
    Decision.FORWARD: _("Teruskan"),
    Decision.ACKNOWLEDGE: _("Terima"),
    Decision.RECORD: _("Catat"),
}
# What the timeline says was decided.
DECISION_DONE: dict[str, Promise] = {
    Decision.SUBMIT: _("Dikirim"),
    Decision.APPROVE: _("Disetujui"),
    Decision.REJECT: _("Ditolak"),
    Decision.RETURN: _("Dikembalikan"),
    Decision.FORWARD: _("Diteruskan"),
    Decision.ACKNOWLEDGE: _("Diterima"),
    Decision.RECORD: _("Dicatat"),
}
# Buttons that refuse or send back look secondary.
SECONDARY_DECISIONS = {Decision.REJECT, Decision.RETURN}
INBOX_ROLES: dict[str, Promise] = {
    "actor": _("Pengambil keputusan"),
    "recorder": _("Pencatat (pihak instansi lain)"),
    "delegate": _("Penerima delegasi"),
    "recommender": _("Pemberi rekomendasi"),
}
# The request's fields as the page names them (keys as the pack's request_fields).
FIELD_TITLES: dict[str, Promise] = {
    "purpose": _("Maksud dan tujuan"),
    "competencies": _("Kompetensi yang dibutuhkan"),
    "expected_target": _("Target yang diharapkan"),
    "duration": _("Jangka waktu"),
    "task_description": _("Uraian tugas"),
    "individual_target": _("Target individu"),
    "other_arrangements": _("Pengaturan lain"),
    "team_name": _("Nama tim kerja"),
    "channel": _("Disampaikan"),
    "additional_task": _("Tugas tambahan"),
}
TAB_LABELS: dict[str, Promise] = {
    "kotak-masuk": _("Kotak masuk"),
    "terkirim": _("Terkirim"),
    "semua": _("Semua"),
}
STATUS_LABELS = dict(WorkflowInstance.Status.choices)
MODE_LABELS = dict(Assignment.Mode.choices)
SCOPE_LABELS = dict(Assignment.Scope.choices)
SUBJECT_LABELS = dict(Assignment.Subject.choices)
CHANNEL_LABELS = dict(Assignment.Channel.choices)


def decision_button(decision: str) -> str:
    return str(DECISION_BUTTONS.get(decision, decision))


def reason_hint(spec: StepSpec) -> str:
    """Which decisions of the step need a reason, as the hint under the reason field."""
    required = [decision_button(d) for d in spec.reason_required if d in spec.decisions]
    if not required:
        return str(_("Tidak wajib."))
    return str(_("Wajib diisi untuk: %(decisions)s.") % {"decisions": ", ".join(required)})


def decision_done(decision: str) -> str:
    return str(DECISION_DONE.get(decision, decision))


def acting_label(acting: str) -> str:
    """'Plt.' / 'Plh.' for acting officials, '' for definitive ones."""
    return str(KIND_LABELS[acting]) if acting in ACTING_TITLES else ""


@dataclass(frozen=True)
class DecisionButton:
    """One allowed decision of the open step, as a submit button."""

    value: str
    label: str
    is_secondary: bool
    disabled_reason: str = ""


@dataclass(frozen=True)
class Justification:
    """A PREFERRED rule that was not met, and why the decider went ahead anyway."""

    rule: str
    citation: str
    message: str
    text: str


@dataclass(frozen=True)
class RecommendationRow:
    """A recommendation recorded on a step."""

    by_name: str
    text: str
    at: dt.datetime
    recommended: tuple[str, ...]


@dataclass(frozen=True)
class TimelineRow:
    """One step of the assignment, in order: who, what, when, under which rule."""

    seq: int
    label: str
    status: str
    status_label: str
    actor_name: str
    actor_position: str
    acting_label: str
    acting_title: str
    actor_rule: str
    actor_citation: str
    decision_label: str
    decided_by_other: str
    reason: str
    justifications: tuple[Justification, ...]
    recommendations: tuple[RecommendationRow, ...]
    assignees: tuple[str, ...]
    external_number: str
    opened_at: dt.datetime
    decided_at: dt.datetime | None
    due_at: dt.datetime | None
    citation: str

    @property
    def is_open(self) -> bool:
        return self.status == WorkflowStep.Status.OPEN

    @classmethod
    def of(cls, step: WorkflowStep, names: dict[int, str]) -> TimelineRow:
        data: dict[str, Any] = step.data or {}
        decided_by = step.decided_by
        other = decided_by is not None and step.decided_by_id != step.actor_id
        return cls(
            seq=step.seq,
            label=step.label,
            status=step.status,
            status_label=str(step.get_status_display()),
            actor_name=step.actor_name,
            actor_position=step.actor_position,
            acting_label=acting_label(step.actor_acting),
            acting_title=str(ACTING_TITLES.get(step.actor_acting, "")),
            actor_rule=step.actor_rule,
            actor_citation=step.actor_citation,
            decision_label=decision_done(step.decision) if step.decision else "",
            decided_by_other=decided_by.full_name if other and decided_by else "",
            reason=step.reason,
            justifications=tuple(_justifications(data)),
            recommendations=tuple(_recommendations(step, names)),
            assignees=tuple(names.get(int(pk), "") for pk in data.get("assignees", [])),
            external_number=str(data.get("external_number", "")),
            opened_at=step.opened_at,
            decided_at=step.decided_at,
            due_at=step.due_at,
            citation=step.citation,
        )


def _justifications(data: dict[str, Any]) -> list[Justification]:
    return [
        Justification(
            rule=str(item.get("rule", "")),
            citation=str(item.get("citation", "")),
            message=str(item.get("message", "")),
            text=str(item.get("justification", "")),
        )
        for item in data.get("justifications") or []
        if isinstance(item, dict)
    ]


def _recommendations(step: WorkflowStep, names: dict[int, str]) -> list[RecommendationRow]:
    return [
        RecommendationRow(
            by_name=item.by.full_name,
            text=item.text,
            at=item.at,
            recommended=tuple(names.get(int(pk), "") for pk in item.recommended_ids or []),
        )
        for item in step.recommendations.all()
    ]


def people_named_in(steps: list[WorkflowStep]) -> set[int]:
    """Employees the timeline names by id (assignees, recommended people)."""
    ids: set[int] = set()
    for step in steps:
        ids.update(int(pk) for pk in (step.data or {}).get("assignees", []))
        for item in step.recommendations.all():
            ids.update(int(pk) for pk in item.recommended_ids or [])
    return ids


def _party_names(parties: list[Any]) -> tuple[str, ...]:
    names = []
    for party in parties:
        if not isinstance(party, dict):
            continue
        name = str(party.get("name") or party.get("agency") or "")
        position = str(party.get("position") or "")
        names.append(f"{name} ({position})" if name and position else name or position)
    return tuple(names)


@dataclass(frozen=True)
class LetterRow:
    """An issued letter with its links (PDF only for those who may download it)."""

    letter_id: int
    number: str
    type_label: str
    title: str
    issued_on: dt.date
    signer_name: str
    signer_position: str
    signer_acting: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    verification_code: str
    may_download: bool
    is_revoked: bool
    is_external: bool

    @classmethod
    def of(cls, letter: Letter, *, may_download: bool) -> LetterRow:
        signer = letter.signer if isinstance(letter.signer, dict) else {}
        return cls(
            letter_id=letter.pk,
            number=letter.number,
            type_label=letter_name(letter),  # the name its PDF prints
            title=letter_subject(letter),
            issued_on=letter.issued_on,
            signer_name=str(signer.get("name") or signer.get("agency") or ""),
            signer_position=str(signer.get("position") or ""),
            signer_acting=acting_label(str(signer.get("acting") or "")),
            to=_party_names(letter.addressees),
            cc=_party_names(letter.cc),
            verification_code=letter.verification_code,
            may_download=may_download,
            is_revoked=getattr(letter, "revocation", None) is not None,
            is_external=letter.is_external,
        )


@dataclass(frozen=True)
class ListRow:
    """One line of the penugasan list (inbox, sent or all)."""

    assignment_id: int
    title: str
    mode_label: str
    scope_label: str
    status_label: str
    step_label: str
    step_actor: str
    requester_name: str
    role_label: str
    at: dt.datetime
    due_at: dt.datetime | None

    @classmethod
    def of_assignment(cls, assignment: Assignment, *, requester_name: str = "") -> ListRow:
        """A row of an assignment annotated by `with_status`."""
        return cls(
            assignment_id=assignment.pk,
            title=assignment.title,
            mode_label=str(MODE_LABELS.get(assignment.mode, assignment.mode)),
            scope_label=str(SCOPE_LABELS.get(assignment.scope, assignment.scope)),
            status_label=str(STATUS_LABELS.get(getattr(assignment, "wf_status", None) or "", "")),
            step_label=str(getattr(assignment, "wf_step_label", None) or ""),
            step_actor=str(getattr(assignment, "wf_step_actor", None) or ""),
            requester_name=requester_name,
            role_label="",
            at=assignment.created_at,
            due_at=None,
        )

    @classmethod
    def of_step(cls, step: WorkflowStep, assignment: Assignment, role: str) -> ListRow:
        """A row of the inbox: the step that waits for me, and in which role."""
        return cls(
            assignment_id=assignment.pk,
            title=assignment.title,
            mode_label=str(MODE_LABELS.get(assignment.mode, assignment.mode)),
            scope_label=str(SCOPE_LABELS.get(assignment.scope, assignment.scope)),
            status_label=str(step.get_status_display()),
            step_label=step.label,
            step_actor=step.actor_name,
            requester_name="",
            role_label=str(INBOX_ROLES[role]),
            at=step.opened_at,
            due_at=step.due_at,
        )
