"""Problems and obstacles of a team's work (WF-ISSUE, SPEC §4.13): raised by the lead with
alternative recommendations (V-55) to the first target of the pack's route for the team's
scope (V-56), decided there or passed to the heads where members sit for collaboration, and
followed up until closed. Decisions are check-and-set: exactly one of two wins."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound, StaleState, ValidationFailed
from sikerja.notifications import messages
from sikerja.organization.models import Employee
from sikerja.organization.resolver import Resolver
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.schema.workflows import Scope
from sikerja.teams import rules
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.models import Obstacle, ObstacleFollowUp, Team, TeamMember
from sikerja.teams.services.common import audit_team
from sikerja.teams.services.work_common import (
    PRODUCT_DECISION,
    cite,
    notify_on_commit,
    pack_of,
    refuse_unless,
    required_text,
    rule_refusal,
    teamwork,
    work_team,
)

OWNER_HEADS = {
    "unit_head",
    "owner_unit_head",
    "owner_unit_head_in_function_pd",
    "owner_unit_head_in_function_instansi",
}


def _heads_where_members_sit(
    pack: LoadedPack, team: Team, on: dt.date, agencies: bool
) -> list[int]:
    """The heads of the members' home units (or of their Perangkat Daerah / agencies)."""
    resolver = Resolver(pack)
    rows = (
        team.memberships.exclude(status=TeamMember.Status.ENDED)
        .filter(home_unit__isnull=False)
        .order_by("pk")
        .values_list("home_unit_id", "home_unit__agency_id")
    )
    heads: list[int] = []
    for unit_id, agency_id in rows:
        answer = (
            resolver.authorized_official(agency_id, on)
            if agencies
            else resolver.head_of_unit(unit_id, on)
        )
        if answer.person and answer.person.employee_id not in heads:
            heads.append(answer.person.employee_id)
    return heads


def _resolve(
    pack: LoadedPack, team: Team, names: tuple[str, ...], by: Employee, on: dt.date
) -> list[int]:
    """The employees a route's names stand for on the day, without repeats."""
    found: list[int] = []
    for name in names:
        if name in OWNER_HEADS:
            ids = [rules.team_manager(team, on)]
        elif name == "appraiser":
            ids = [rules.appraiser_of(team, by.pk, on)]
        else:
            ids = list(
                _heads_where_members_sit(pack, team, on, agencies=name != "member_unit_heads")
            )
        found.extend(pk for pk in ids if pk is not None and pk not in found)
    return found


def route_targets(pack: LoadedPack, team: Team, raiser: Employee, on: dt.date) -> list[int]:
    """The first targets of the pack's route for the team's scope on the day (V-56)."""
    route = pack.parameters.issue_route.get(Scope(team.scope))
    return _resolve(pack, team, route.first, raiser, on) if route else []


def _recommendations(pack: LoadedPack, items: list[str]) -> list[str]:
    """At least one alternative recommendation: V-55 where the pack binds it, else the
    product's rule for every raised issue (SPEC 4.13)."""
    cleaned = [item.strip() for item in items if item.strip()]
    if cleaned:
        return cleaned
    message = _("Sampaikan permasalahan beserta paling sedikit satu alternatif rekomendasi.")
    if pack.binds("V-55"):
        raise rule_refusal(
            pack, "V-55", TeamErrorCode.RECOMMENDATION_REQUIRED, message, "recommendations"
        )
    raise ValidationFailed(
        code=TeamErrorCode.RECOMMENDATION_REQUIRED,
        message=message,
        citation=PRODUCT_DECISION,
        fields={"recommendations": message},
    )


@transaction.atomic(durable=True)
def obstacle_raise(
    *,
    team_id: int,
    by: Employee,
    problem: str,
    recommendations: list[str],
    at: dt.datetime,
    on: dt.date,
) -> Obstacle:
    """Raise a problem of the team's work to the first target of the pack's route for the
    team's scope (V-56), with at least one alternative recommendation (V-55; a product
    decision where the pack is silent). Raises NotFound, PermissionDenied, RuleViolation,
    ValidationFailed."""
    team = work_team(team_id, by)
    pack = pack_of(team)
    settings = teamwork(pack).issues
    refuse_unless(
        rules.may_raise_obstacle(team, by.pk, on),
        _("Permasalahan tim disampaikan melalui ketua tim."),
        citation=cite(pack, settings),
    )
    text = required_text(problem, "problem")
    items = _recommendations(pack, recommendations)
    route = pack.parameters.issue_route.get(Scope(team.scope))
    targets = route_targets(pack, team, by, on)
    if route is None or not targets:
        raise ValidationFailed(
            code=TeamErrorCode.ROUTE_MISSING,
            message=_(
                "Tujuan penyampaian permasalahan untuk lingkup tim ini tidak dapat ditentukan."
            ),
        )
    obstacle = Obstacle.objects.create(
        government_id=team.government_id,
        team=team,
        raised_by=by,
        raised_at=at,
        scope=team.scope,
        problem=text,
        recommendations=items,
        targets=targets,
        collaborators=[
            pk for pk in _resolve(pack, team, route.collaboration, by, on) if pk not in targets
        ],
        route_specified=settings.route_specified,
    )
    citation = pack.citation_of("V-56") if pack.binds("V-56") else cite(pack, settings)
    notify_on_commit(team, targets, messages.TEAM_OBSTACLE_RAISED, citation, by)
    audit_team(
        team,
        by,
        "team.obstacle_raised",
        at,
        after={"obstacle": obstacle.pk, "targets": targets},
        rule="V-56" if pack.binds("V-56") else "",
        citation=citation,
    )
    return obstacle


def _obstacle(obstacle_id: int, by: Employee) -> Obstacle:
    obstacle = (
        Obstacle.objects.select_related("team__government")
        .filter(pk=obstacle_id, team__government_id=by.government_id)
        .first()
    )
    if obstacle is None:
        raise NotFound()
    return obstacle


@transaction.atomic(durable=True)
def obstacle_decide(
    *,
    obstacle_id: int,
    by: Employee,
    decision: str,
    collaborate: bool,
    at: dt.datetime,
    on: dt.date,
) -> Obstacle:
    """Decide an obstacle as one of its first targets; with `collaborate`, pass it to the
    heads where the members sit, each to follow up within its own functions. Exactly one of
    two concurrent decisions wins. Raises NotFound, PermissionDenied, ValidationFailed,
    StaleState."""
    obstacle = _obstacle(obstacle_id, by)
    refuse_unless(
        by.pk in obstacle.targets, _("Permasalahan ini diputuskan oleh tujuan penyampaiannya.")
    )
    text = required_text(decision, "decision")
    if collaborate and not obstacle.collaborators:
        raise ValidationFailed(
            code=TeamErrorCode.NO_COLLABORATION,
            message=_("Lingkup tim ini tidak meneruskan permasalahan ke unit lain."),
            fields={"collaborate": _("Tidak tersedia untuk lingkup ini.")},
        )
    status = Obstacle.Status.COLLABORATION if collaborate else Obstacle.Status.DECIDED
    updated = Obstacle.objects.filter(pk=obstacle.pk, status=Obstacle.Status.UNDER_DECISION).update(
        status=status, decision=text, decided_by=by, decided_at=at
    )
    if updated != 1:
        raise StaleState(_("Permasalahan ini sudah diputuskan; muat ulang halaman."))
    audit_team(
        obstacle.team,
        by,
        "team.obstacle_decided",
        at,
        after={"obstacle": obstacle.pk, "status": status},
    )
    obstacle.refresh_from_db()
    return obstacle


@transaction.atomic(durable=True)
def obstacle_follow_up(
    *, obstacle_id: int, by: Employee, text: str, close: bool, at: dt.datetime, on: dt.date
) -> ObstacleFollowUp:
    """Record a follow-up of a decided obstacle (its decider's side, a collaborating head or
    the raiser); with `close`, close it (not by a collaborating head). Raises NotFound,
    PermissionDenied, ValidationFailed, StaleState."""
    obstacle = _obstacle(obstacle_id, by)
    refuse_unless(
        rules.may_follow_up_obstacle(obstacle, by.pk)
        and (not close or by.pk in obstacle.targets or by.pk == obstacle.raised_by_id),
        _("Tindak lanjut dicatat oleh pihak yang menangani permasalahan ini."),
    )
    follow_up = ObstacleFollowUp.objects.create(
        government_id=obstacle.government_id,
        obstacle=obstacle,
        by=by,
        text=required_text(text, "text"),
        recorded_at=at,
    )
    if close:
        updated = Obstacle.objects.filter(
            pk=obstacle.pk, status__in=[Obstacle.Status.DECIDED, Obstacle.Status.COLLABORATION]
        ).update(status=Obstacle.Status.CLOSED)
        if updated != 1:
            raise StaleState(_("Permasalahan ini sudah ditutup."))
    audit_team(
        obstacle.team,
        by,
        "team.obstacle_closed" if close else "team.obstacle_followed_up",
        at,
        after={"obstacle": obstacle.pk},
    )
    return follow_up
