"""Assignments and teams flow in (SPEC §6.5, §10.1): an accepted penugasan or a team
membership proposes an additional RHK in its assignee's SKP, owned by the home appraiser, who
accepts it (the RHK is added) or declines it with a reason.

Proposals are made by the system when the engine closes an instance (`feed_handlers`) and by the
daily replay (`manage.py performance_feed_sync`); both are idempotent: one proposal per employee
and source, whatever the number of replays.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.audit.services import event_record
from sikerja.core.errors import NotFound, PermissionDenied, StaleState, ValidationFailed
from sikerja.organization.models import Employee, Government
from sikerja.performance import feed_rules, feed_sources
from sikerja.performance.errors import PerformanceErrorCode
from sikerja.performance.feed_sources import Feed
from sikerja.performance.models import Rhk, RhkIndicator, RhkProposal, RoleAgreement, Skp
from sikerja.performance.services.common import audit
from sikerja.workflows.models import WorkflowInstance

PROPOSAL_SUBJECT = "performance.rhk_proposal"
ADDITIONAL = Rhk.Kind.TAMBAHAN


def _skp_of(employee_id: int, year: int, day: dt.date) -> Skp | None:
    """The employee's SKP of the year in the position held on the day (None: not drawn up)."""
    return Skp.objects.filter(
        employee_id=employee_id, year=year, starts_on__lte=day, ends_on__gte=day
    ).first()


def propose(feed: Feed, at: dt.datetime, on: dt.date) -> RhkProposal | None:
    """Propose the feed's RHK as the system unless it was proposed before (None then), in the
    employee's own government and by its pack (a member from another instansi is appraised
    there; a government outside this installation is skipped). The caller holds the
    transaction."""
    government = (
        Government.objects.filter(employees__pk=feed.employee_id, is_external=False)
        .only("pk", "pack_id")
        .first()
    )
    if (
        government is None
        or RhkProposal.objects.filter(
            government_id=government.pk,
            employee_id=feed.employee_id,
            source=feed.source,
            source_id=feed.source_id,
        ).exists()
    ):
        return None
    answer = feed_rules.home_appraiser(government.pack_id, feed.employee_id, on)
    proposal = RhkProposal(
        government_id=government.pk,
        employee_id=feed.employee_id,
        year=feed.starts_on.year,
        source=feed.source,
        source_id=feed.source_id,
        role=feed.role,
        title=feed.title[:300],
        target=feed.target,
        starts_on=feed.starts_on,
        ends_on=max(feed.ends_on, feed.starts_on),
        proposed_at=at,
        appraiser_id=answer.person.employee_id if answer.person else None,
        appraiser_rule=answer.rule,
        appraiser_citation=answer.citation,
        skp=_skp_of(feed.employee_id, feed.starts_on.year, feed.starts_on),
    )
    try:
        # A concurrent replay may have proposed it in between: the unique key keeps one.
        with transaction.atomic():
            proposal.save()
    except IntegrityError:
        return None
    event_record(
        government_id=government.pk,
        actor_user_id=None,
        actor_label="system",
        action="performance.rhk_proposed",
        object_type=PROPOSAL_SUBJECT,
        object_id=str(proposal.pk),
        at=at,
        after={"employee": feed.employee_id, "source": feed.source, "source_id": feed.source_id},
        rule=answer.rule,
        citation=answer.citation,
    )
    return proposal


def rhk_proposals_from_instance(*, instance_id: int) -> list[RhkProposal]:
    """Propose the RHK an approved penugasan or team instance gives, once (the engine's
    "instance closed"). Audited as the system's act, at the instance's closing time."""
    instance = WorkflowInstance.objects.filter(
        pk=instance_id,
        parent__isnull=True,
        status=WorkflowInstance.Status.APPROVED,
        subject_type__in=feed_sources.FEEDING_SUBJECTS,
    ).first()
    if instance is None or instance.closed_at is None:
        return []
    at = instance.closed_at
    on = timezone.localdate(at)
    with transaction.atomic():
        feeds = feed_sources.feeds_of_instance(instance, on)
        made = [propose(feed, at, on) for feed in feeds]
    return [proposal for proposal in made if proposal is not None]


def rhk_proposals_sync(*, government_id: int, at: dt.datetime, on: dt.date) -> list[RhkProposal]:
    """Replay every approved penugasan and every team's active members of a government:
    propose what is missing (members who joined later, work accepted before), nothing twice."""
    made: list[RhkProposal | None] = []
    with transaction.atomic():
        for instance in feed_sources.approved_instances(government_id):
            made.extend(propose(f, at, on) for f in feed_sources.feeds_of_instance(instance, on))
        for team_id in feed_sources.active_team_ids(government_id):
            made.extend(propose(f, at, on) for f in feed_sources.team_feeds(team_id))
    return [proposal for proposal in made if proposal is not None]


def _for_decision(actor: Employee, proposal_id: int, on: dt.date) -> RhkProposal:
    """The proposal, locked, once the actor is its employee's home appraiser on the day."""
    proposal = (
        RhkProposal.objects.select_for_update()
        .select_related("government")
        .filter(pk=proposal_id, government_id=actor.government_id)
        .first()
    )
    if proposal is None:
        raise NotFound()
    allowed, answer = feed_rules.may_decide_proposal(actor.pk, proposal, on)
    if not allowed:
        raise PermissionDenied(
            _("RHK usulan ini diputuskan oleh Pejabat Penilai Kinerja %(name)s.")
            % {"name": answer.person.name if answer.person else "-"},
            rule=answer.rule,
            citation=answer.citation,
        )
    if proposal.status != RhkProposal.Status.PROPOSED:
        raise StaleState(_("RHK usulan ini sudah diputuskan."))
    return proposal


def _decided(
    proposal: RhkProposal, status: str, actor: Employee, at: dt.datetime, **fields: object
) -> None:
    """Check-and-set the decision: of two appraisers deciding at once, exactly one wins."""
    updated = RhkProposal.objects.filter(pk=proposal.pk, status=RhkProposal.Status.PROPOSED).update(
        status=status, decided_by=actor, decided_at=at, **fields
    )
    if updated != 1:
        raise StaleState(_("RHK usulan ini sudah diputuskan."))


def _indicators(proposal: RhkProposal) -> list[tuple[str, str]]:
    """(indicator, target) of the RHK: the tasks of the holder's current PK for the team where
    the role has one (V-27a, cascaded into the SKP), else the work's own target."""
    if proposal.source == feed_sources.TEAM:
        role_pk = RoleAgreement.objects.filter(
            government_id=proposal.government_id,
            team_id=proposal.source_id,
            employee_id=proposal.employee_id,
            year=proposal.year,
            is_current=True,
        ).first()
        if role_pk is not None:
            return [(i.indicator, i.target) for i in role_pk.indicators.order_by("seq")]
    work = proposal.get_source_display().lower()
    return [
        (
            _("Hasil %(work)s sesuai target") % {"work": work},
            proposal.target or _("Sesuai target yang diharapkan"),
        )
    ]


def _added_rhk(proposal: RhkProposal, skp: Skp) -> Rhk:
    rhk = Rhk.objects.create(
        government_id=skp.government_id,
        skp=skp,
        seq=Rhk.objects.filter(skp=skp).count() + 1,
        kind=ADDITIONAL,
        text=proposal.title,
    )
    RhkIndicator.objects.bulk_create(
        RhkIndicator(
            government_id=rhk.government_id,
            rhk=rhk,
            seq=n,
            text=text[:300],
            approach=RhkIndicator.Approach.KUALITATIF,
            target=target[:120],
        )
        for n, (text, target) in enumerate(_indicators(proposal), start=1)
    )
    return rhk


@transaction.atomic(durable=True)
def rhk_proposal_accept(
    *, actor: Employee, proposal_id: int, at: dt.datetime, on: dt.date
) -> RhkProposal:
    """Accept a proposed RHK as the employee's home appraiser: it joins their SKP of the year
    (in the position held when the work starts) as an additional RHK.

    Raises NotFound, PermissionDenied (not the appraiser of record), StaleState (decided
    already), ValidationFailed (no SKP of that year and position drawn up yet).
    """
    proposal = _for_decision(actor, proposal_id, on)
    skp = proposal.skp or _skp_of(proposal.employee_id, proposal.year, proposal.starts_on)
    if skp is None:
        raise ValidationFailed(
            code=PerformanceErrorCode.PROPOSAL_NO_SKP,
            message=_("Pegawai belum menyusun SKP tahun %(year)s untuk jabatan ini.")
            % {"year": proposal.year},
        )
    rhk = _added_rhk(proposal, skp)
    updated = RhkProposal.objects.filter(pk=proposal.pk, status=RhkProposal.Status.PROPOSED).update(
        status=RhkProposal.Status.ACCEPTED, skp=skp, rhk=rhk, decided_by=actor, decided_at=at
    )
    if updated != 1:
        raise StaleState(_("RHK usulan ini sudah diputuskan."))
    audit(
        actor.government_id,
        actor,
        "performance.rhk_proposal_accepted",
        (PROPOSAL_SUBJECT, proposal.pk),
        at,
        after={"skp": skp.pk, "rhk": rhk.pk},
        rule=proposal.appraiser_rule,
        citation=proposal.appraiser_citation,
    )
    proposal.refresh_from_db()
    return proposal


@transaction.atomic(durable=True)
def rhk_proposal_decline(
    *, actor: Employee, proposal_id: int, reason: str, at: dt.datetime, on: dt.date
) -> RhkProposal:
    """Decline a proposed RHK, with the reason, as the employee's home appraiser.

    Raises NotFound, PermissionDenied, StaleState, ValidationFailed (no reason).
    """
    if not reason.strip():
        raise ValidationFailed(
            code=PerformanceErrorCode.PROPOSAL_REASON,
            message=_("Sebutkan alasan penolakan RHK usulan."),
            fields={"reason": _("Wajib diisi.")},
        )
    proposal = _for_decision(actor, proposal_id, on)
    updated = RhkProposal.objects.filter(pk=proposal.pk, status=RhkProposal.Status.PROPOSED).update(
        status=RhkProposal.Status.DECLINED,
        decided_by=actor,
        decided_at=at,
        decline_reason=reason.strip(),
    )
    if updated != 1:
        raise StaleState(_("RHK usulan ini sudah diputuskan."))
    audit(
        actor.government_id,
        actor,
        "performance.rhk_proposal_declined",
        (PROPOSAL_SUBJECT, proposal.pk),
        at,
        after={"reason": reason.strip()},
        rule=proposal.appraiser_rule,
        citation=proposal.appraiser_citation,
    )
    proposal.refresh_from_db()
    return proposal
