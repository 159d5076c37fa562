"""Training-need proposals (V-62): the unit head (or their delegate for performance
management) proposes training for competence gaps the unit workload page shows, to the HR
agency (BKPSDM), whose operators schedule it (a date and a programme) or decline it (a reason).

Where the pack binds V-62 (Blitar Perwali 6/2023 Pasal 29(2)) the proposal cites its article;
a pack silent on it offers the proposal as a product decision (its `<id>.training.toml`).
A need (a person and a competence) is proposed once while a proposal for it waits or is
scheduled; a decision is check-and-set, so exactly one of two concurrent decisions wins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from sikerja.accounts.models import Account
from sikerja.audit.services import event_record
from sikerja.core.errors import NotFound, PermissionDenied, StaleState, ValidationFailed
from sikerja.notifications import messages
from sikerja.notifications import services as notifications
from sikerja.organization.models import Employee, OrgUnit
from sikerja.organization.rules import Actor, Viewer
from sikerja.regulations.loader import load_pack
from sikerja.teams import rules
from sikerja.teams.services.work_common import required_text
from sikerja.teams.training_models import TrainingNeedItem, TrainingNeedProposal
from sikerja.teams.workload import TrainingOffer, person_gaps, training_offer

OBJECT_TYPE = "teams.trainingneedproposal"
Status = TrainingNeedProposal.Status
OPEN = (Status.SUBMITTED, Status.SCHEDULED)


class TrainingErrorCode(StrEnum):
    NOT_OFFERED = "training_not_offered"
    NOT_IN_UNIT = "training_person_not_in_unit"
    COMPETENCIES_REQUIRED = "training_competencies_required"
    NOT_A_GAP = "training_not_a_gap"
    ALREADY_PROPOSED = "training_need_already_proposed"
    DECISION = "training_decision_invalid"


def _offer_of(government_pack: str) -> TrainingOffer:
    offer = training_offer(load_pack(government_pack))
    if not offer.offered:
        raise ValidationFailed(
            code=TrainingErrorCode.NOT_OFFERED,
            message=_("Peraturan ini tidak menyediakan usulan kebutuhan pelatihan."),
        )
    return offer


def _wanted(gaps: tuple[str, ...], competencies: list[str]) -> list[str]:
    """The chosen competencies as the gaps name them, without repeats. Raises ValidationFailed
    when none is chosen or one is not a gap of the person on the day."""
    chosen = list(dict.fromkeys(c.strip().casefold() for c in competencies if c.strip()))
    if not chosen:
        message = _("Pilih paling sedikit satu kompetensi yang belum dimiliki pegawai.")
        raise ValidationFailed(
            code=TrainingErrorCode.COMPETENCIES_REQUIRED,
            message=message,
            fields={"competencies": message},
        )
    by_key = {gap.casefold(): gap for gap in gaps}
    strangers = [key for key in chosen if key not in by_key]
    if strangers:
        message = _("Bukan gap kompetensi pegawai ini pada tanggal ini: %(names)s.") % {
            "names": ", ".join(strangers)
        }
        raise ValidationFailed(
            code=TrainingErrorCode.NOT_A_GAP, message=message, fields={"competencies": message}
        )
    return [by_key[key] for key in chosen]


def _already_proposed(proposal: TrainingNeedProposal) -> ValidationFailed:
    message = _(
        "Kebutuhan ini sudah diusulkan pada %(day)s dan belum selesai diputuskan atau sudah "
        "dijadwalkan: %(names)s."
    ) % {"day": proposal.proposed_on.isoformat(), "names": ", ".join(proposal.competencies)}
    return ValidationFailed(
        code=TrainingErrorCode.ALREADY_PROPOSED, message=message, fields={"competencies": message}
    )


def _items(proposal: TrainingNeedProposal, names: list[str]) -> None:
    """The proposal's open needs; a need already open (a concurrent proposal won) is refused."""
    existing = (
        TrainingNeedItem.objects.filter(
            government_id=proposal.government_id,
            employee_id=proposal.employee_id,
            key__in=[name.casefold() for name in names],
            is_open=True,
        )
        .select_related("proposal")
        .first()
    )
    if existing is not None:
        raise _already_proposed(existing.proposal)
    rows = [
        TrainingNeedItem(
            government_id=proposal.government_id,
            proposal=proposal,
            employee_id=proposal.employee_id,
            competency=name,
            key=name.casefold(),
        )
        for name in names
    ]
    try:
        with transaction.atomic():
            TrainingNeedItem.objects.bulk_create(rows)
    except IntegrityError:
        raise _already_proposed(proposal) from None


def _unit(government_id: int, unit_id: int) -> OrgUnit:
    unit = OrgUnit.objects.filter(pk=unit_id, government_id=government_id).first()
    if unit is None:
        raise NotFound()
    return unit


def _delegation_limit_check(by: Employee, unit: OrgUnit, employee_id: int, on: dt.date) -> None:
    """A delegate proposes only within the limits of their delegation (its grades, Blitar V-41;
    its unit; never for themself), cited as the delegation's rule. Raises PermissionDenied."""
    limit = rules.proposal_delegation_limit(by.pk, unit, employee_id, on)
    if limit is None:
        return
    pack = load_pack(by.government.pack_id)
    roles = pack.data.roles
    raise PermissionDenied(
        _(
            "Pendelegasian pengelolaan kinerja kepada Anda (%(basis)s) tidak mencakup pegawai ini: "
            "jenjang, unit, atau diri Anda sendiri berada di luar batasnya."
        )
        % {"basis": limit.legal_basis},
        rule=limit.rule_id or (roles.delegation.rule if roles else ""),
        citation=pack.cite(roles.delegation.citation) if roles else "",
    )


@dataclass(frozen=True)
class ProposalInput:
    """What a proposal names: the unit whose page showed the gap, the person, the chosen
    competencies (as the gaps name them, in any case) and the reason."""

    unit_id: int
    employee_id: int
    competencies: list[str]
    reason: str


@transaction.atomic(durable=True)
def training_proposal_submit(
    *, by: Employee, data: ProposalInput, at: dt.datetime, on: dt.date
) -> TrainingNeedProposal:
    """Propose training for competence gaps of a person placed in the unit (or below it) on the
    day, to the HR agency. Implements: V-62 (Blitar Pasal 29(2); a product decision where the
    pack is silent). Raises NotFound, PermissionDenied, ValidationFailed."""
    unit = _unit(by.government_id, data.unit_id)
    offer = _offer_of(by.government.pack_id)
    if not rules.may_propose_for_unit(by.pk, unit, on):
        raise PermissionDenied(
            _("Usulan kebutuhan pelatihan disampaikan oleh pimpinan unit atau delegasinya."),
            rule=offer.rule_id,
            citation=offer.citation,
        )
    gaps = person_gaps(unit=unit, employee_id=data.employee_id, on=on)
    if gaps is None:
        raise ValidationFailed(
            code=TrainingErrorCode.NOT_IN_UNIT,
            message=_("Pegawai ini tidak berkedudukan di unit ini pada tanggal ini."),
            fields={"employee": _("Pilih pegawai unit ini.")},
        )
    _delegation_limit_check(by, unit, data.employee_id, on)
    names = _wanted(gaps, data.competencies)
    text = required_text(data.reason, "reason")
    proposal = TrainingNeedProposal.objects.create(
        government_id=by.government_id,
        unit=unit,
        employee_id=data.employee_id,
        competencies=names,
        reason=text,
        proposed_by=by,
        proposed_at=at,
        proposed_on=on,
        rule=offer.rule_id,
        citation=offer.citation,
    )
    _items(proposal, names)
    _record(proposal, by.user_id, by.nip, "training.proposed", at, {"competencies": names})
    _notify(proposal, messages.TRAINING_PROPOSED, _hr_operators(by.government_id, on))
    return proposal


@dataclass(frozen=True)
class Decision:
    """What the HR agency decides: schedule (a date and a programme) or decline (a reason)."""

    schedule: bool
    scheduled_on: dt.date | None = None
    programme: str = ""
    reason: str = ""


def _decision_fields(decision: Decision) -> dict[str, object]:
    if decision.schedule:
        if decision.scheduled_on is None:
            raise ValidationFailed(
                code=TrainingErrorCode.DECISION,
                message=_("Isi tanggal pelaksanaan pelatihan."),
                fields={"scheduled_on": _("Wajib diisi.")},
            )
        return {
            "status": Status.SCHEDULED,
            "scheduled_on": decision.scheduled_on,
            "programme": required_text(decision.programme, "programme"),
        }
    return {"status": Status.DECLINED, "decline_reason": required_text(decision.reason, "reason")}


@transaction.atomic(durable=True)
def training_proposal_decide(
    *, actor: Actor, proposal_id: int, decision: Decision, at: dt.datetime, on: dt.date
) -> TrainingNeedProposal:
    """Schedule or decline a waiting proposal as the HR agency (a BKPSDM operator); a declined
    proposal's needs may be proposed again. Check-and-set: of two concurrent decisions exactly
    one wins, the other is StaleState. Raises NotFound, PermissionDenied, ValidationFailed,
    StaleState."""
    proposal = (
        TrainingNeedProposal.objects.select_related("employee")
        .filter(pk=proposal_id, government_id=actor.government_id)
        .first()
    )
    if proposal is None:
        raise NotFound()
    if not actor.is_bkpsdm_admin:
        raise PermissionDenied(
            _("Usulan kebutuhan pelatihan diputuskan oleh BKPSDM."),
            rule=proposal.rule,
            citation=proposal.citation,
        )
    fields = _decision_fields(decision)
    updated = TrainingNeedProposal.objects.filter(pk=proposal.pk, status=Status.SUBMITTED).update(
        decided_by_id=actor.user_id, decided_by_label=actor.label, decided_at=at, **fields
    )
    if updated != 1:
        raise StaleState(_("Usulan ini sudah diputuskan; muat ulang halaman."))
    if not decision.schedule:
        TrainingNeedItem.objects.filter(proposal_id=proposal.pk).update(is_open=False)
    proposal.refresh_from_db()
    verb = "training.scheduled" if decision.schedule else "training.declined"
    after = {
        "status": proposal.status,
        "scheduled_on": proposal.scheduled_on.isoformat() if proposal.scheduled_on else "",
        "programme": proposal.programme,
        "reason": proposal.decline_reason,
    }
    _record(proposal, actor.user_id, actor.label, verb, at, after)
    _notify(proposal, messages.TRAINING_DECIDED, [proposal.proposed_by_id, proposal.employee_id])
    return proposal


def _record(
    proposal: TrainingNeedProposal,
    user_id: int | None,
    label: str,
    verb: str,
    at: dt.datetime,
    after: Mapping[str, object],
) -> None:
    event_record(
        government_id=proposal.government_id,
        actor_user_id=user_id,
        actor_label=label,
        action=verb,
        object_type=OBJECT_TYPE,
        object_id=str(proposal.pk),
        at=at,
        after={"employee": proposal.employee_id, "unit": proposal.unit_id, **after},
        rule=proposal.rule,
        citation=proposal.citation,
    )


def _hr_operators(government_id: int, on: dt.date) -> list[int]:
    """The employees behind the government's active BKPSDM operator logins (1 query)."""
    return list(
        Employee.objects.filter(
            government_id=government_id,
            user__account__role=Account.Role.BKPSDM_ADMIN,
            user__account__government_id=government_id,
        )
        .filter(Q(user__account__access_until__isnull=True) | Q(user__account__access_until__gt=on))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _notify(proposal: TrainingNeedProposal, kind: str, recipients: list[int]) -> None:
    """After the commit, tell each recipient, with a link to the proposals list."""
    params = {
        "name": proposal.employee.full_name,
        "competencies": ", ".join(proposal.competencies),
        "citation": proposal.citation,
    }
    link = reverse("web:training-proposals")
    for recipient in dict.fromkeys(recipients):
        transaction.on_commit(
            partial(
                notifications.notify, recipient_id=recipient, kind=kind, params=params, link=link
            )
        )


def training_proposals_for(*, viewer: Viewer, status: str = "") -> QuerySet[TrainingNeedProposal]:
    """The proposals the viewer may see, of one status or all, newest first, with what a list
    shows (1 query for any number)."""
    queryset = rules.training_proposals_visible_to(viewer).select_related(
        "employee", "unit", "proposed_by"
    )
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("-proposed_at", "-pk")


def _proposer(viewer: Viewer) -> Employee:
    employee = (
        Employee.objects.select_related("government")
        .filter(pk=viewer.employee_id, government_id=viewer.government.pk)
        .first()
        if viewer.employee_id is not None
        else None
    )
    if employee is None:
        raise PermissionDenied(
            _("Usulan kebutuhan pelatihan disampaikan oleh pimpinan unit atau delegasinya.")
        )
    return employee


def training_propose_as(
    viewer: Viewer, data: ProposalInput, *, at: dt.datetime, on: dt.date
) -> TrainingNeedProposal:
    """`training_proposal_submit` as the caller (their employee record)."""
    return training_proposal_submit(by=_proposer(viewer), data=data, at=at, on=on)


def training_decide_as(
    viewer: Viewer, *, proposal_id: int, decision: Decision, at: dt.datetime, on: dt.date
) -> TrainingNeedProposal:
    """`training_proposal_decide` as the caller; a proposal they may not see is not found."""
    if not rules.training_proposals_visible_to(viewer).filter(pk=proposal_id).exists():
        raise NotFound()
    return training_proposal_decide(
        actor=viewer.actor, proposal_id=proposal_id, decision=decision, at=at, on=on
    )
