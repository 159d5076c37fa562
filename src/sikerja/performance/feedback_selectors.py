"""Reads of the feedback and evidence of RHK (SPEC §6.4): beside each RHK on the SKP page and
on the rating form (a constant number of queries whatever their number), the lists the API
answers, a download, and the RHK a team lead gives feedback on.

Everything is scoped as the SKP is (`rules.skps_visible_to`): hidden and missing answer alike
(NotFound). A team lead who may not see the member's SKP sees only the RHK their team fed and
the feedback they gave themself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from sikerja.core.errors import NotFound
from sikerja.organization.rules import Viewer
from sikerja.performance import rules
from sikerja.performance.models import Rating, Rhk, RhkEvidence, RhkFeedback, Skp
from sikerja.performance.periods import ANNUAL, period_bounds, period_count
from sikerja.regulations.loader import load_pack
from sikerja.regulations.performance import stated_rule
from sikerja.regulations.schema.performance import AppraisalPeriods

PERIODS_RULE = "P-APPRAISAL-PERIODS"


@dataclass
class RhkNotes:
    """One RHK with the feedback given on it and the evidence attached to it."""

    rhk: Rhk
    feedback: list[RhkFeedback] = field(default_factory=list)
    evidence: list[RhkEvidence] = field(default_factory=list)


def _about(period_kind: str | None, period_index: int | None) -> Q:
    """Notes about the year, and about the period when one is asked (every note for the
    annual rating and for the SKP page)."""
    if period_kind is None or period_kind == ANNUAL:
        return Q()
    return Q(period_kind="") | Q(period_kind=period_kind, period_index=period_index)


def rhk_notes(
    skp: Skp, period_kind: str | None = None, period_index: int | None = None
) -> list[RhkNotes]:
    """The SKP's RHK in order, each with its feedback and evidence (about the period, when
    one is given). The SKP comes scoped from `selectors.skp_get_for_view` with its RHK
    prefetched; 2 queries."""
    rows = {rhk.pk: RhkNotes(rhk) for rhk in skp.rhks.all()}
    about = _about(period_kind, period_index)
    feedback = RhkFeedback.objects.filter(about, skp=skp).select_related("given_by")
    for note in feedback.order_by("given_at", "pk"):
        if note.rhk_id in rows:
            rows[note.rhk_id].feedback.append(note)
    evidence = RhkEvidence.objects.filter(about, skp=skp).select_related("uploaded_by")
    for item in evidence.order_by("uploaded_at", "pk"):
        if item.rhk_id in rows:
            rows[item.rhk_id].evidence.append(item)
    return sorted(rows.values(), key=lambda row: (row.rhk.seq, row.rhk.pk))


def _visible_skp(viewer: Viewer, skp_id: int, on: dt.date) -> int:
    if not rules.skps_visible_to(viewer, on).filter(pk=skp_id).exists():
        raise NotFound()
    return skp_id


def feedback_list_for(*, viewer: Viewer, skp_id: int, on: dt.date) -> QuerySet[RhkFeedback]:
    """The feedback on the RHK of an SKP the viewer may see, oldest first (NotFound)."""
    return (
        RhkFeedback.objects.filter(skp_id=_visible_skp(viewer, skp_id, on))
        .select_related("given_by")
        .order_by("given_at", "pk")
    )


def evidence_list_for(*, viewer: Viewer, skp_id: int, on: dt.date) -> QuerySet[RhkEvidence]:
    """The evidence of the RHK of an SKP the viewer may see, oldest first (NotFound)."""
    return (
        RhkEvidence.objects.filter(skp_id=_visible_skp(viewer, skp_id, on))
        .select_related("uploaded_by")
        .order_by("uploaded_at", "pk")
    )


def evidence_get_for_download(
    *, viewer: Viewer, skp_id: int, file_id: int, on: dt.date
) -> RhkEvidence:
    """One evidence file of an SKP the viewer may see (NotFound for anyone else)."""
    # The SKP by its own key (an out-of-range id then finds nothing rather than overflowing).
    skp = rules.skps_visible_to(viewer, on).filter(pk=skp_id)
    evidence = RhkEvidence.objects.filter(pk=file_id, skp__in=skp).first()
    if evidence is None:
        raise NotFound()
    return evidence


def rhk_for_notes(viewer: Viewer, skp_id: int, rhk_id: int, on: dt.date) -> int:
    """The RHK's id once it belongs to the SKP and the viewer may see that SKP, or leads a team
    that fed the RHK: a note on an RHK the caller may not even see is answered as if it did not
    exist (NotFound)."""
    visible = Q(skp__in=rules.skps_visible_to(viewer, on))
    if viewer.employee_id is not None:
        visible |= Q(pk__in=rules.rhks_led_by(viewer.employee_id, viewer.government.pk))
    rhks = Rhk.objects.filter(
        visible,
        pk=rhk_id,
        skp__in=Skp.objects.filter(pk=skp_id),
        government_id=viewer.government.pk,
    )
    if not rhks.exists():
        raise NotFound()
    return rhk_id


def feedback_for_acknowledging(viewer: Viewer, feedback_id: int, on: dt.date) -> RhkFeedback:
    """Feedback the viewer may read (NotFound otherwise), with its SKP."""
    feedback = (
        rules.feedback_visible_to(viewer, on).select_related("skp").filter(pk=feedback_id).first()
    )
    if feedback is None:
        raise NotFound()
    return feedback


def led_rhks_for(*, viewer: Viewer) -> QuerySet[Rhk]:
    """The RHK teams the viewer leads fed into their members' SKPs, each with the feedback the
    viewer gave on it (the lead's page; 2 queries whatever their number)."""
    if viewer.employee_id is None:
        return Rhk.objects.none()
    own = RhkFeedback.objects.filter(given_by_id=viewer.employee_id).order_by("given_at", "pk")
    return (
        rules.rhks_led_by(viewer.employee_id, viewer.government.pk)
        .select_related("skp__employee")
        .prefetch_related(Prefetch("feedback", queryset=own, to_attr="given"))
        .order_by("skp__employee__name", "skp__year", "seq", "pk")
    )


def period_choices(skp: Skp) -> list[tuple[str, str]]:
    """What a note on the SKP's RHK may be about: the year, or a period the pack sets
    (P-APPRAISAL-PERIODS) that meets the SKP's part of the year, as (value, label) choices."""
    stated = stated_rule(load_pack(skp.government.pack_id), PERIODS_RULE, AppraisalPeriods)
    choices = [("", str(_("Sepanjang tahun")))]
    for kind in stated.params.periodic_options:
        for index in range(1, period_count(kind) + 1):
            start, end = period_bounds(skp.year, kind, index)
            if end >= skp.starts_on and start <= skp.ends_on:
                label = Rating.PeriodKind(kind).label
                choices.append((f"{kind}:{index}", f"{label} {index}"))
    return choices


@dataclass(frozen=True)
class NotesPanel:
    """The feedback and evidence beside each RHK on the SKP page or the rating form, and what
    the viewer may do there: give feedback (the appraiser of record or a delegate; a team lead
    gives it from their own page), attach evidence, acknowledge (the employee)."""

    rows: list[RhkNotes]
    may_give: bool
    may_upload: bool
    is_owner: bool
    periods: list[tuple[str, str]]
    period: str = ""
    back: str = "skp"


def notes_panel(
    *,
    viewer: Viewer,
    skp: Skp,
    on: dt.date,
    period_kind: str | None = None,
    period_index: int | None = None,
) -> NotesPanel:
    """The notes panel of an SKP the viewer may see (from `selectors.skp_get_for_view`), about
    the period when one is given (the rating form): a constant number of queries."""
    employee_id = viewer.employee_id
    rates = employee_id is not None and rules.may_rate(employee_id, skp, on)[0]
    is_owner = employee_id is not None and employee_id == skp.employee_id
    on_rating = period_kind is not None
    return NotesPanel(
        rows=rhk_notes(skp, period_kind, period_index),
        may_give=rates,
        may_upload=rates or is_owner,
        is_owner=is_owner,
        periods=period_choices(skp),
        period=f"{period_kind}:{period_index}" if on_rating and period_kind != ANNUAL else "",
        back="rating" if on_rating and period_kind != ANNUAL else "skp",
    )
