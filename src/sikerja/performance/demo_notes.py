"""The demo's feedback and evidence on RHK (SPEC §6.4): in each rated Bidang, the first
employee's appraiser gives feedback on their main RHK about the year and about the rated
period, the employee attaches a PDF of evidence for the period and answers the feedback about
the year; all through the real services (P-FEEDBACK, P-EVIDENCE). Where the period's rating is
signed already, the notes about it are refused and only those about the year are kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from sikerja.core.errors import DomainError
from sikerja.organization.demo import persona_employee
from sikerja.organization.models import Employee, Government, OrgUnit
from sikerja.performance import rules
from sikerja.performance.models import Skp
from sikerja.performance.services.evidence import rhk_evidence_upload
from sikerja.performance.services.feedback import (
    Period,
    rhk_feedback_acknowledge,
    rhk_feedback_give,
)
from sikerja.teams.services.evidence import Upload

YEAR_NOTE = "Capaian sesuai rencana; lengkapi dokumentasi kegiatan setiap bulan."
PERIOD_NOTE = "Laporan periode ini rapi; percepat tindak lanjut temuan lapangan."
EVIDENCE = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def _first_skp(government: Government, unit_id: int, on: dt.date) -> Skp | None:
    """The unit's SKP of the persona JF Ahli Muda where it sits there, else its first one
    that is not its head's."""
    path = OrgUnit.objects.values_list("path", flat=True).get(pk=unit_id)
    skps = list(
        Skp.objects.filter(
            government=government, unit__path__startswith=path, appraiser__isnull=False
        )
        .select_related("government", "employee", "appraiser")
        .order_by("pk")
    )
    persona = persona_employee(government, "jf_ahli_muda")
    skps.sort(key=lambda skp: skp.employee_id != (persona.pk if persona else 0))
    head = rules.unit_head_of(unit_id, government.pack_id, on).person
    head_id = head.employee_id if head else None
    return next((skp for skp in skps if skp.employee_id != head_id and skp.rhks.exists()), None)


def demo_notes(
    *,
    government: Government,
    unit_ids: list[int],
    period: tuple[str, int],
    at: dt.datetime,
    on: dt.date,
) -> int:
    """Give the demo's feedback and evidence in each unit; the number of notes kept."""
    kept = 0
    for unit_id in unit_ids:
        skp = _first_skp(government, unit_id, on)
        if skp is not None and skp.appraiser is not None:
            kept += _notes_on(skp, skp.appraiser, Period(*period), at, on)
    return kept


def _notes_on(skp: Skp, appraiser: Employee, about: Period, at: dt.datetime, on: dt.date) -> int:
    """The appraiser's feedback about the year and the period on the SKP's first RHK, the
    employee's evidence (for the period, else the year) and answer."""
    main = skp.rhks.order_by("seq", "pk").first()
    assert main is not None  # noqa: S101 - _first_skp chose an SKP with RHK
    give = partial(rhk_feedback_give, actor=appraiser, rhk_id=main.pk, at=at, on=on)
    attach = partial(
        rhk_evidence_upload,
        actor=skp.employee,
        rhk_id=main.pk,
        upload=Upload("laporan-kegiatan.pdf", EVIDENCE),
        at=at,
        on=on,
    )
    kept = _kept(partial(give, text=YEAR_NOTE)) + _kept(
        partial(give, text=PERIOD_NOTE, period=about)
    )
    kept += _kept(partial(attach, period=about)) or _kept(attach)
    return kept + _answer(skp, at)


def _kept(note: Callable[[], object]) -> int:
    """1 when the note is kept, 0 when the rules refuse it (a period signed off)."""
    try:
        note()
    except DomainError:
        return 0
    return 1


def _answer(skp: Skp, at: dt.datetime) -> int:
    """The employee answers the feedback about the year."""
    first = skp.feedback.filter(period_kind="").order_by("pk").first()
    if first is None:
        return 0
    rhk_feedback_acknowledge(
        actor=skp.employee, feedback_id=first.pk, reply="Siap, dokumentasi saya lengkapi.", at=at
    )
    return 1
