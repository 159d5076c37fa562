"""What each kind of notification says, in the reader's language.

A notification stores its kind (the message key) and the values its text needs (`params`); the
title and body are rendered through gettext when it is read, so the same notification reads in
Indonesian or in English (the in-app list in the viewer's language, the email copy in the
recipient's). Values that themselves have two languages are stored in both: a step's name as
`step` (Indonesian, snapshotted when the step opened) and `step_en` (the pack's `label_en`);
a date as ISO `date`, written in the reader's date format. Citations and letter names are the
regulation's and the letter's own words and stay as they are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import formats
from django.utils.translation import gettext, gettext_noop, override

STEP_OPENED = "step_opened"
RECOMMENDATION_REQUESTED = "recommendation_requested"
STEP_DUE_SOON = "step_due_soon"
STEP_OVERDUE = "step_overdue"
RECOMMENDATION_REMINDER = "recommendation_reminder"
LETTER_COPIED = "letter_copied"
TEAM_PLAN_SUBMITTED = "team_plan_submitted"
TEAM_OBSTACLE_RAISED = "team_obstacle_raised"
TEAM_REWORK_OPENED = "team_rework_opened"
INDIVIDUAL_REPORT_COPIED = "individual_report_copied"
TRAINING_PROPOSED = "training_proposed"
TRAINING_DECIDED = "training_decided"


@dataclass(frozen=True)
class Message:
    """The title and body of one kind of notification, Indonesian source text for gettext."""

    title: str
    body: str


MESSAGES = {
    STEP_OPENED: Message(gettext_noop("Menunggu keputusan Anda: %(step)s"), "%(citation)s"),
    RECOMMENDATION_REQUESTED: Message(
        gettext_noop("Rekomendasi diminta: %(step)s"), "%(citation)s"
    ),
    STEP_DUE_SOON: Message(
        gettext_noop("Tenggat %(date)s: %(step)s"), gettext_noop("Tenggat: %(date)s. %(citation)s")
    ),
    STEP_OVERDUE: Message(
        gettext_noop("Melewati tenggat: %(step)s"), gettext_noop("Tenggat: %(date)s. %(citation)s")
    ),
    RECOMMENDATION_REMINDER: Message(
        gettext_noop("Rekomendasi Anda ditunggu: %(step)s"),
        gettext_noop("%(name)s menunggu rekomendasi Anda untuk memutuskan. %(citation)s"),
    ),
    LETTER_COPIED: Message(gettext_noop("Tembusan: %(title)s nomor %(number)s"), "%(citation)s"),
    TEAM_PLAN_SUBMITTED: Message(
        gettext_noop("Rencana tim menunggu penetapan Anda: %(team)s"), "%(citation)s"
    ),
    TEAM_OBSTACLE_RAISED: Message(
        gettext_noop("Permasalahan tim menunggu keputusan Anda: %(team)s"), "%(citation)s"
    ),
    TEAM_REWORK_OPENED: Message(
        gettext_noop("Hasil tim perlu Anda perbaiki: %(team)s"), "%(citation)s"
    ),
    INDIVIDUAL_REPORT_COPIED: Message(
        gettext_noop("Tembusan laporan individu %(name)s, periode %(period)s"), "%(citation)s"
    ),
    TRAINING_PROPOSED: Message(
        gettext_noop("Usulan kebutuhan pelatihan menunggu keputusan: %(name)s"),
        gettext_noop("Kompetensi: %(competencies)s. %(citation)s"),
    ),
    TRAINING_DECIDED: Message(
        gettext_noop("Usulan kebutuhan pelatihan diputuskan: %(name)s"),
        gettext_noop("Kompetensi: %(competencies)s. %(citation)s"),
    ),
}


@dataclass(frozen=True)
class Rendered:
    """A notification's title and body in one language."""

    title: str
    body: str


def _values(params: dict[str, Any], language: str) -> dict[str, str]:
    values = {key: str(value) for key, value in params.items()}
    if language.startswith("en") and params.get("step_en"):
        values["step"] = str(params["step_en"])
    if params.get("date"):
        day = dt.date.fromisoformat(str(params["date"]))
        values["date"] = formats.date_format(day, "DATE_FORMAT")
    return values


def render(kind: str, params: dict[str, Any], language: str) -> Rendered | None:
    """The title and body of a notification of `kind` in `language`; None when the kind is not
    known or a value its text needs is missing (a notification stored before messages had keys
    then shows its stored text)."""
    message = MESSAGES.get(kind)
    if message is None:
        return None
    with override(language):
        values = _values(params, language)
        try:
            title = gettext(message.title) % values
            body = gettext(message.body) % values if message.body else ""
        except KeyError:
            return None
    return Rendered(title=title, body=body.strip())
