"""Reads of what flows into performance management from assignments and teams: the RHK proposed
for an SKP, what fed an employee's SKPs, the lead's reports and the team's results declared
complete beside each fed RHK on the rating form, and a unit's results declared complete for the
leader who sets the unit's level (SPEC §6.5, §10.3 item 4).

The callers have scoped the SKP or unit already (`selectors.skp_get_for_view`, the rating page);
these reads take the records they were given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from sikerja.core.errors import NotFound
from sikerja.organization.rules import Viewer
from sikerja.performance import feed_rules, rules
from sikerja.performance.credit import CreditSummary, credit_for_skp
from sikerja.performance.feed_sources import TEAM
from sikerja.performance.models import ActivityItemTarget, Rhk, RhkProposal, RoleAgreement, Skp
from sikerja.performance.periods import ANNUAL, period_bounds
from sikerja.regulations.loader import load_pack
from sikerja.teams.models import MemberResult, Team, TeamEvaluation
from sikerja.teams.selectors_reports import member_reports_for

ROLE_PK_RULE = "V-27a"


def proposals_for_skp(skp: Skp) -> QuerySet[RhkProposal]:
    """The RHK proposed for the SKP: attached to it, or waiting for the employee's SKP of the
    year in which the work starts (1 query)."""
    waiting = Q(
        skp__isnull=True,
        employee_id=skp.employee_id,
        year=skp.year,
        starts_on__gte=skp.starts_on,
        starts_on__lte=skp.ends_on,
    )
    return (
        RhkProposal.objects.filter(Q(skp=skp) | waiting, government_id=skp.government_id)
        .select_related("government", "appraiser", "decided_by", "rhk")
        .order_by("starts_on", "pk")
    )


def proposals_fed_to(*, employee_id: int, government_id: int) -> QuerySet[RhkProposal]:
    """Every assignment and team that fed (or proposes to feed) the employee's SKPs, newest
    year first ("SKP saya"; 1 query)."""
    return (
        RhkProposal.objects.filter(government_id=government_id, employee_id=employee_id)
        .select_related("skp", "appraiser")
        .order_by("-year", "starts_on", "pk")
    )


@dataclass
class FedEvidence:
    """Beside one fed RHK on the rating form: the lead's reports on the member and the team's
    results declared complete (input to the appraisal, not a rating)."""

    proposal: RhkProposal
    reports: list[MemberResult] = field(default_factory=list)
    declared: list[TeamEvaluation] = field(default_factory=list)


def _bounds(skp: Skp, period_kind: str, period_index: int) -> tuple[dt.date, dt.date]:
    if period_kind == ANNUAL:
        return skp.starts_on, skp.ends_on
    try:
        return period_bounds(skp.year, period_kind, period_index)
    except (KeyError, ValueError):
        return skp.starts_on, skp.ends_on


def fed_evidence(skp: Skp, period_kind: str, period_index: int) -> list[FedEvidence]:
    """The accepted RHK of the SKP that came from assignments and teams, each with the lead's
    reports on the employee for the period and its team's declared results (3 queries)."""
    accepted = list(
        RhkProposal.objects.filter(skp=skp, status=RhkProposal.Status.ACCEPTED)
        .select_related("rhk")
        .order_by("rhk__seq", "pk")
    )
    rows = {proposal.pk: FedEvidence(proposal) for proposal in accepted}
    by_team = {p.source_id: rows[p.pk] for p in accepted if p.source == TEAM}
    if not by_team:
        return list(rows.values())
    period = _bounds(skp, period_kind, period_index)
    for result in member_reports_for(skp.employee, period).filter(team_id__in=list(by_team)):
        by_team[result.team_id].reports.append(result)
    declared = TeamEvaluation.objects.filter(
        team_id__in=list(by_team), status=TeamEvaluation.Status.DECLARED_COMPLETE
    ).select_related("declared_by")
    for evaluation in declared.order_by("declared_at", "pk"):
        by_team[evaluation.team_id].declared.append(evaluation)
    return list(rows.values())


def unit_results_declared(
    *, unit_id: int, year: int, period_kind: str, period_index: int
) -> QuerySet[TeamEvaluation]:
    """The results of the unit's teams declared complete and on target in the period, with the
    PK activity each team was formed for: what the unit's periodic level may rest on (SPEC §10.3
    item 4, product decision; 1 query)."""
    try:
        start, end = period_bounds(year, period_kind, period_index)
    except (KeyError, ValueError):
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return (
        TeamEvaluation.objects.filter(
            team__owner_unit_id=unit_id,
            status=TeamEvaluation.Status.DECLARED_COMPLETE,
            declared_at__date__gte=start,
            declared_at__date__lte=end,
        )
        .exclude(team__status=Team.Status.REJECTED)
        .select_related("team", "declared_by")
        .order_by("declared_at", "pk")
    )


def visible_proposal_id(viewer: Viewer, proposal_id: int, on: dt.date) -> int:
    """The proposal's id once the viewer may see it (its employee's SKPs, or its appraiser):
    a decision by one who may not even see it is answered as if it did not exist."""
    if not feed_rules.proposals_visible_to(viewer, on).filter(pk=proposal_id).exists():
        raise NotFound()
    return proposal_id


@dataclass(frozen=True)
class ProposalRow:
    """A proposed RHK on the SKP page, with the holder's current PK for the team where the
    role has one (V-27a)."""

    proposal: RhkProposal
    agreement: RoleAgreement | None
    holds_role: bool


@dataclass(frozen=True)
class SkpFeed:
    """What the SKP page shows beside the SKP: the RHK proposed for it by assignments and
    teams, whether the viewer decides them, and the SKP's angka kredit."""

    proposals: list[RhkProposal]
    may_decide: bool
    credit: CreditSummary
    activity_items: list[ActivityItemTarget]
    rows: list[ProposalRow] = field(default_factory=list)
    role_pk_rule: bool = False
    may_set_role_pk: bool = False


def skp_feed(*, viewer: Viewer, skp: Skp, on: dt.date) -> SkpFeed:
    """The SKP page's feed, angka kredit, activity items and the holder's PKs as team lead or
    Pengendali, for an SKP the viewer may see (the SKP comes from `selectors.skp_get_for_view`,
    with its ratings prefetched; a constant number of queries)."""
    proposals = list(proposals_for_skp(skp))
    waiting = [p for p in proposals if p.status == RhkProposal.Status.PROPOSED]
    may_decide = bool(waiting) and viewer.employee_id is not None
    if may_decide and viewer.employee_id is not None:
        may_decide = feed_rules.may_decide_proposal(viewer.employee_id, waiting[0], on)[0]
    items = list(
        ActivityItemTarget.objects.filter(rhk__skp=skp).select_related("rhk").order_by("pk")
    )
    role_pk_rule = load_pack(skp.government.pack_id).binds(ROLE_PK_RULE)
    agreements = RoleAgreement.objects.filter(
        government_id=skp.government_id,
        employee_id=skp.employee_id,
        year=skp.year,
        is_current=True,
    ).prefetch_related("indicators")
    rows = _rows(proposals, {agreement.team_id: agreement for agreement in agreements})
    return SkpFeed(
        proposals,
        may_decide,
        credit_for_skp(skp, list(skp.ratings.all())),
        items,
        rows,
        role_pk_rule,
        role_pk_rule
        and any(row.holds_role for row in rows)
        and viewer.employee_id is not None
        and rules.may_rate(viewer.employee_id, skp, on)[0],
    )


def _rows(proposals: list[RhkProposal], agreements: dict[int, RoleAgreement]) -> list[ProposalRow]:
    return [
        ProposalRow(
            proposal,
            agreements.get(proposal.source_id) if proposal.source == TEAM else None,
            proposal.source == TEAM and proposal.role in RoleAgreement.Role.values,
        )
        for proposal in proposals
    ]


def visible_rhk_id(viewer: Viewer, skp_id: int, rhk_id: int, on: dt.date) -> int:
    """The RHK's id once it belongs to the SKP and the viewer may see that SKP (NotFound)."""
    visible = rules.skps_visible_to(viewer, on).filter(pk=skp_id).values("pk")
    if not Rhk.objects.filter(pk=rhk_id, skp_id__in=visible).exists():
        raise NotFound()
    return rhk_id


def role_agreement_view(*, agreement_id: int) -> RoleAgreement:
    """A lead's or Pengendali's PK just set, with its indicators (for the answer of its write)."""
    return RoleAgreement.objects.prefetch_related("indicators").get(pk=agreement_id)


def unit_results_for_level_setter(
    *, viewer: Viewer, unit_id: int, year: int, period_kind: str, period_index: int, on: dt.date
) -> QuerySet[TeamEvaluation]:
    """The unit's results declared complete in the period, for the leader who sets the unit's
    level on the day (P-ORG-PERFORMANCE); NotFound for anyone else (1 query past the check)."""
    employee_id = viewer.employee_id
    if employee_id is None or not rules.may_set_level(
        employee_id, unit_id, viewer.government.pack_id, on
    ):
        raise NotFound()
    return unit_results_declared(
        unit_id=unit_id, year=year, period_kind=period_kind, period_index=period_index
    ).filter(team__government_id=viewer.government.pk)


def role_of_proposal(viewer: Viewer, proposal_id: int, on: dt.date) -> tuple[int, str, int]:
    """(team, role, year) of a team role's proposal the viewer may see, for setting that role's
    PK from the SKP page (NotFound otherwise)."""
    row = (
        feed_rules.proposals_visible_to(viewer, on)
        .filter(pk=proposal_id, source=TEAM, role__in=RoleAgreement.Role.values)
        .values_list("source_id", "role", "year")
        .first()
    )
    if row is None:
        raise NotFound()
    return int(row[0]), str(row[1]), int(row[2])
