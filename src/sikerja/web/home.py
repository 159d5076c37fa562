"""Beranda, "what awaits me": one read of the viewer's work, built from the apps' selectors.

The steps waiting for the viewer (the engine's one inbox, overdue first), what they asked and
where it stands, the letters that name them, and the requests their roles let them start. Each
part reads a constant number of queries, whatever the number of rows (asserted in the tests).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sikerja.assignments import selectors as assignment_selectors
from sikerja.assignments.display import ListRow
from sikerja.assignments.models import Assignment
from sikerja.assignments.rules import may_request_mode
from sikerja.documents.form import letter_name, letter_subject
from sikerja.documents.models import LetterParty
from sikerja.documents.selectors import letters_naming
from sikerja.organization.rules import Viewer
from sikerja.organization.views import pages
from sikerja.regulations.loader import load_pack
from sikerja.workflows.selectors import InboxEntry, inbox, step_label

ROWS = 10
AS_LABELS = {
    "recommender": _("Rekomendasi diminta dari Anda"),
    "delegate": _("Sebagai penerima delegasi"),
    "actor": _("Menunggu keputusan Anda"),
}
ACTION_LABELS = {
    Assignment.Mode.APPOINTMENT: _("Ajukan penugasan"),
    Assignment.Mode.VOLUNTARY: _("Ajukan diri"),
}


@dataclass(frozen=True)
class WaitingRow:
    """A step waiting for me: what, on which subject, in which part, and by when."""

    title: str
    url: str
    step_label: str
    part_label: str
    opened_at: dt.datetime
    due_at: dt.datetime | None
    is_overdue: bool

    @classmethod
    def of(cls, entry: InboxEntry, now: dt.datetime, language: str) -> WaitingRow:
        waiting = entry.waiting
        step = waiting.step
        part = "recommender" if waiting.as_recommender else "actor"
        if waiting.as_delegate_of is not None:
            part = "delegate"
        return cls(
            title=entry.subject.title,
            url=entry.subject.url,
            step_label=step_label(step, language),
            part_label=str(AS_LABELS[part]),
            opened_at=step.opened_at,
            due_at=step.due_at,
            is_overdue=step.due_at is not None and step.due_at < now,
        )


@dataclass(frozen=True)
class LetterRow:
    """A letter that names me: its name, number, date, my part in it, and its PDF."""

    title: str
    doc_type_label: str
    number: str
    issued_on: dt.date
    role_label: str
    pdf_url: str
    is_revoked: bool

    @classmethod
    def of(cls, party: LetterParty) -> LetterRow:
        letter = party.letter
        return cls(
            title=letter_subject(letter),
            doc_type_label=letter_name(letter),  # the name its PDF prints
            number=letter.number,
            issued_on=letter.issued_on,
            role_label=str(party.get_role_display()),
            pdf_url=reverse("documents:letter-pdf", args=[letter.pk]),
            is_revoked=getattr(letter, "revocation", None) is not None,
        )


@dataclass(frozen=True)
class Action:
    """A request the viewer may start from the home page."""

    label: str
    url: str


@dataclass(frozen=True)
class HomeWork:
    """Everything Beranda shows."""

    me: pages.HomePage
    waiting: list[WaitingRow]
    requested: list[ListRow]
    letters: list[LetterRow]
    actions: list[Action]

    @property
    def overdue_count(self) -> int:
        return sum(1 for row in self.waiting if row.is_overdue)


def _actions(viewer: Viewer, me: pages.HomePage) -> list[Action]:
    pack = load_pack(viewer.government.pack_id)
    create = reverse("web:assignment-create")
    return [
        Action(str(label), f"{create}?mode={mode}")
        for mode, label in ACTION_LABELS.items()
        if may_request_mode(viewer, mode, position_kinds=set(me.position_kinds), pack=pack)
    ]


def home_work(viewer: Viewer, on: dt.date, now: dt.datetime) -> HomeWork:
    """The viewer's work on the day (a constant number of queries)."""
    me = pages.home_page(viewer, on)
    employee_id = viewer.employee_id
    if employee_id is None:
        return HomeWork(me, [], [], [], [])
    language = get_language() or "id"
    sent = assignment_selectors.sent(employee_id=employee_id)[:ROWS]
    return HomeWork(
        me=me,
        waiting=[
            WaitingRow.of(e, now, language)
            for e in inbox(employee_id=employee_id, on=on, government=viewer.government)
        ],
        requested=[ListRow.of_assignment(a) for a in sent],
        letters=[LetterRow.of(p) for p in letters_naming(employee_id=employee_id, limit=ROWS)],
        actions=_actions(viewer, me),
    )
