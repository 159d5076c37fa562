"""What the team-work services share: the active team they act on, the pack's team-work
settings, the citation of a setting, and refusals."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound, PermissionDenied, RuleViolation, ValidationFailed
from sikerja.notifications import services as notifications
from sikerja.organization.models import Employee
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.teamwork import Cited, TeamWork
from sikerja.teams.completion import team_open_check
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.models import Team

PRODUCT_DECISION = "keputusan produk (tidak diatur dalam peraturan)"


def work_team(team_id: int, by: Employee, *, lock: bool = False) -> Team:
    """The active team of the actor's government, its work not declared complete. Raises
    NotFound, RuleViolation (V-57), ValidationFailed."""
    queryset = Team.objects.select_related("government", "owner_unit__agency")
    if lock:
        queryset = queryset.select_for_update()
    team = queryset.filter(pk=team_id, government_id=by.government_id).first()
    if team is None:
        raise NotFound()
    team_open_check(team)
    if team.status != Team.Status.ACTIVE:
        raise ValidationFailed(
            code=TeamErrorCode.NOT_ACTIVE, message=_("Tim kerja ini tidak sedang aktif.")
        )
    return team


def teamwork(pack: LoadedPack) -> TeamWork:
    """The pack's team-work settings. Raises ValidationFailed when the pack has none."""
    if pack.data.teamwork is None:
        raise ValidationFailed(
            code=TeamErrorCode.NO_TEAMWORK,
            message=_("Peraturan ini tidak mengatur pelaksanaan kerja tim."),
        )
    return pack.data.teamwork


def pack_of(team: Team) -> LoadedPack:
    return load_pack(team.government.pack_id)


def cite(pack: LoadedPack, setting: Cited, text: str = "") -> str:
    """The citation of a setting: its article in the pack's instrument, or "product
    decision" where the pack is silent."""
    article = text or setting.citation
    if setting.product_decision or not article:
        return f"{PRODUCT_DECISION}" + (f"; {pack.short} {article}" if article else "")
    return f"{pack.short} {article}"


def refuse_unless(allowed: bool, message: str, *, rule: str = "", citation: str = "") -> None:
    """PermissionDenied with the message (and the rule it rests on) unless allowed."""
    if not allowed:
        raise PermissionDenied(message, rule=rule, citation=citation)


def required_text(value: str, field: str) -> str:
    """The stripped text. Raises ValidationFailed when it is empty."""
    text = value.strip()
    if not text:
        raise ValidationFailed(
            code=TeamErrorCode.TEXT_REQUIRED,
            message=_("Lengkapi isian yang wajib."),
            fields={field: _("Wajib diisi.")},
        )
    return text


def rule_refusal(
    pack: LoadedPack, rule_id: str, code: str, message: str, field: str
) -> RuleViolation:
    """A pack rule's refusal, citing its article."""
    return RuleViolation(
        code=code,
        message=message,
        rule=rule_id,
        citation=pack.citation_of(rule_id),
        fields={field: message},
    )


def notify_on_commit(
    team: Team, recipients: list[int], kind: str, citation: str, by: Employee
) -> None:
    """After the transaction commits, tell each recipient (not the actor) that the team's
    work waits for them, with a link to its page."""
    link = reverse("web:team-work", args=[team.pk])
    params = {"team": team.name, "citation": citation}
    for recipient in dict.fromkeys(recipients):
        if recipient != by.pk:
            transaction.on_commit(
                partial(
                    notifications.notify,
                    recipient_id=recipient,
                    kind=kind,
                    params=params,
                    link=link,
                )
            )
