"""The Perjanjian Kinerja of a team lead or a Pengendali where the pack names one (V-27a,
Perwali Surakarta 32/2023 Pasal 21 ayat (1), Pasal 25 ayat (1)): the tasks from the head of the
agency or the direct superior with indicators, kept as a PK and cascaded into the person's SKP
(SPEC §6.2, product decision) through the RHK the team proposes for them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound, PermissionDenied, RuleViolation, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.performance import feed_rules, rules
from sikerja.performance.errors import PerformanceErrorCode
from sikerja.performance.feed_sources import TEAM, Feed
from sikerja.performance.models import RoleAgreement, RoleAgreementIndicator
from sikerja.performance.services.common import audit
from sikerja.performance.services.feed import propose
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.appraisal import RolePerformanceAgreement
from sikerja.teams.models import Team

RULE = "V-27a"
ROLE_PK_SUBJECT = "performance.role_agreement"
APPLIES: dict[str, str] = {
    RoleAgreement.Role.LEAD.value: "team_lead",
    RoleAgreement.Role.PENGENDALI.value: "pengendali",
}


@dataclass(frozen=True)
class RoleIndicatorInput:
    task: str
    indicator: str
    target: str


def _provided(pack: LoadedPack, role: str) -> RolePerformanceAgreement:
    params = pack.rule_params(RULE, RolePerformanceAgreement) if pack.binds(RULE) else None
    if params is None or APPLIES.get(role) not in params.applies_to:
        raise RuleViolation(
            code=PerformanceErrorCode.ROLE_PK_NOT_PROVIDED,
            message=_("%(pack)s tidak mengatur Perjanjian Kinerja untuk peran ini.")
            % {"pack": pack.short},
            rule=RULE,
            citation=pack.citation_of(RULE),
        )
    return params


def _holder(team: Team, role: str) -> int:
    holder = team.lead_id if role == RoleAgreement.Role.LEAD else team.pengendali_id
    if holder is None:
        raise ValidationFailed(
            code=PerformanceErrorCode.ROLE_PK_NO_HOLDER,
            message=_("Peran ini belum dijabat dalam tim kerja ini."),
            fields={"role": _("Belum ada pejabatnya.")},
        )
    return holder


def _setter_check(pack: LoadedPack, actor: Employee, team: Team, holder: int, on: dt.date) -> str:
    """The PK's tasks come from the direct superior (the holder's appraiser) or the head of the
    team's unit; returns the citation of the answer that admitted the actor."""
    superior = feed_rules.home_appraiser(pack.id, holder, on)
    head = rules.unit_head_of(team.owner_unit_id, pack.id, on)
    for answer in (superior, head):
        if answer.person is not None and answer.person.employee_id == actor.pk:
            return answer.citation
    raise PermissionDenied(
        _("Perjanjian Kinerja ini ditetapkan bersama atasan langsung %(name)s.")
        % {"name": superior.person.name if superior.person else "-"},
        rule=superior.rule,
        citation=superior.citation,
    )


@transaction.atomic(durable=True)
def role_agreement_set(
    *,
    actor: Employee,
    team_id: int,
    role: str,
    year: int,
    indicators: tuple[RoleIndicatorInput, ...],
    at: dt.datetime,
    on: dt.date,
) -> RoleAgreement:
    """Set (or amend, as a new version) the PK of the team's lead or Pengendali for the year, as
    their direct superior or the head of the team's unit; the role's RHK is proposed for the
    holder's SKP (once) to carry it.

    Implements: V-27a. Raises NotFound, RuleViolation (the pack names no such PK),
    ValidationFailed (role vacant; no indicators), PermissionDenied (not the superior).
    """
    team = (
        Team.objects.select_for_update()
        .filter(pk=team_id, government_id=actor.government_id)
        .exclude(status__in=(Team.Status.REJECTED, Team.Status.DISSOLVED))
        .first()
    )
    if team is None:
        raise NotFound()
    pack = load_pack(actor.government.pack_id)
    params = _provided(pack, role)
    holder = _holder(team, role)
    setter_citation = _setter_check(pack, actor, team, holder, on)
    if params.indicators_required and not indicators:
        raise ValidationFailed(
            code=PerformanceErrorCode.ROLE_PK_EMPTY,
            message=_("Perjanjian Kinerja memuat tugas dengan indikator kinerjanya."),
            fields={"indicators": _("Tambahkan paling sedikit satu indikator.")},
        )
    current = RoleAgreement.objects.filter(
        government_id=team.government_id, team_id=team.pk, role=role, year=year, is_current=True
    )
    version = (current.values_list("version", flat=True).first() or 0) + 1
    current.update(is_current=False)
    agreement = RoleAgreement.objects.create(
        government_id=team.government_id,
        team_id=team.pk,
        role=role,
        employee_id=holder,
        year=year,
        version=version,
        set_by=actor,
        set_on=on,
        setter_rule=RULE,
        setter_citation=setter_citation,
    )
    RoleAgreementIndicator.objects.bulk_create(
        RoleAgreementIndicator(
            government_id=agreement.government_id, agreement=agreement, seq=n, **vars(i)
        )
        for n, i in enumerate(indicators, start=1)
    )
    starts_on = max(team.starts_on, dt.date(year, 1, 1))
    propose(
        Feed(TEAM, team.pk, holder, role, team.name, "", starts_on, team.ends_on),
        at,
        timezone.localdate(at),
    )
    audit(
        actor.government_id,
        actor,
        "performance.role_agreement_set",
        (ROLE_PK_SUBJECT, agreement.pk),
        at,
        after={"team": team.pk, "role": role, "employee": holder, "version": version},
        rule=RULE,
        citation=pack.cite_rule(RULE),
    )
    return agreement
