"""The officials a team's work names on a day, resolved in bulk through the organisation
resolver: the head of its owner unit (who manages the team) and the own (home) appraiser of each
person on it (feedback, monitoring, dialogues, the lead's report on a member).

- `officials_prime(team, on)`: a read (the team-work page, the API) resolves them once for the
  team, whatever its size (2 queries), and keeps them on the team instance it renders, so the
  page's many "may" questions ask no more. Services never prime: they resolve fresh.
- `teams_officiated_by(viewer, on)`: the teams of which the viewer is one of those officials on
  the day, for the visibility rule (`rules.teams_visible_to`), in a fixed number of queries: one
  for someone who heads no unit and holds no appraisal delegation, five at most otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from sikerja.organization.models import Delegation, Placement
from sikerja.organization.resolver import Resolver, RoleAnswer
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import load_pack
from sikerja.teams.models import Team, TeamMember

MEMO = "_officials"


@dataclass
class Officials:
    """A team's officials on one day: its manager and the appraisers resolved so far."""

    on: dt.date
    manager: int | None
    appraisers: dict[int, int | None] = field(default_factory=dict)


def person_of(answer: RoleAnswer | None) -> int | None:
    """The employee id of a resolver's answer (None: vacant or unresolved)."""
    return answer.person.employee_id if answer is not None and answer.person else None


def resolver_for(team: Team) -> Resolver:
    """The resolver of the team's government under its pack."""
    return Resolver(load_pack(team.government.pack_id))


def people_on(team: Team) -> list[int]:
    """Everyone on the team and not ended (proposed, pending or active), from the memberships a
    read prefetched when it did, else in one query."""
    cache = getattr(team, "_prefetched_objects_cache", {})
    if "memberships" in cache:
        return [m.employee_id for m in cache["memberships"] if m.status != TeamMember.Status.ENDED]
    rows = team.memberships.exclude(status=TeamMember.Status.ENDED)
    return list(rows.values_list("employee_id", flat=True))


def officials_prime(team: Team, on: dt.date) -> Officials:
    """Resolve the team's manager and the appraisers of everyone on it for the day, and keep
    them on this instance (2 queries, whatever the team's size)."""
    resolver = resolver_for(team)
    unit = team.owner_unit_id
    manager = person_of(resolver.heads_of_units([unit], on).get(unit))
    appraisers = {pk: person_of(a) for pk, a in resolver.appraisers(people_on(team), on).items()}
    officials = Officials(on=on, manager=manager, appraisers=appraisers)
    setattr(team, MEMO, officials)
    return officials


def primed(team: Team, on: dt.date) -> Officials | None:
    """The officials a read kept on this instance for the day, if any."""
    officials: Officials | None = getattr(team, MEMO, None)
    return officials if officials is not None and officials.on == on else None


Heads = list[tuple[int, str, int | None]]  # (depth, path, agency) of a headed unit


def _headed_units(viewer: Viewer, on: dt.date) -> Heads:
    """Units whose people may have the viewer as an official: those the viewer heads on the day
    (`Viewer.agency_ids`, `unit_paths`) and those headed by whoever delegated their appraisals
    to the viewer (1 query). A superset: the exact answer is the resolver's."""
    delegators = Delegation.objects.effective_on(on).filter(
        government_id=viewer.government.pk,
        to_employee_id=viewer.employee_id,
        scope=Delegation.Scope.APPRAISAL,
    )
    held = Placement.objects.effective_on(on).filter(
        employee_id__in=Subquery(delegators.values("from_employee_id")), position__is_head=True
    )
    return [
        *((0, "", agency) for agency in viewer.agency_ids),
        *((1, path, None) for path in viewer.unit_paths),
        *held.values_list(
            "position__unit__depth", "position__unit__path", "position__unit__agency_id"
        ),
    ]


def _below(heads: Heads, unit: str) -> Q:
    """The units in the subtrees of `heads`, as a filter on the related unit `unit`: the whole
    agency of an agency's head, the path's subtree of another unit's."""
    found = Q(pk__in=[])
    for depth, path, agency in heads:
        found |= Q(
            **{f"{unit}__agency_id": agency} if depth == 0 else {f"{unit}__path__startswith": path}
        )
    return found


def teams_officiated_by(viewer: Viewer, on: dt.date, teams: QuerySet[Team]) -> list[int]:
    """Of `teams`, those whose manager on the day, or the appraiser of someone on it, is the
    viewer: candidates within the units the viewer heads (2 queries), then the resolver's
    answers for them in bulk (2 queries)."""
    heads_of = _headed_units(viewer, on)
    if not heads_of or viewer.employee_id is None:
        return []
    owned = list(teams.filter(_below(heads_of, "owner_unit")).values_list("pk", "owner_unit_id"))
    placed = Placement.objects.effective_on(on).filter(employee_id=OuterRef("employee_id"))
    below = _below(heads_of, "position__unit")
    if viewer.sees_government:  # the Sekda appraises the heads of the Perangkat Daerah
        below |= Q(position__is_head=True, position__unit__depth=0)
    members = list(
        TeamMember.objects.filter(team__in=teams.values("pk"))
        .exclude(status=TeamMember.Status.ENDED)
        .filter(Exists(placed.filter(below)))
        .values_list("team_id", "employee_id")
    )
    resolver = Resolver(load_pack(viewer.government.pack_id))
    heads = _ids(resolver.heads_of_units(_distinct(u for _, u in owned), on))
    appraisers = _ids(resolver.appraisers(_distinct(e for _, e in members), on))
    me = viewer.employee_id
    found = {team for team, unit in owned if heads[unit] == me}
    found |= {team for team, person in members if appraisers[person] == me}
    return sorted(found)


def _distinct(ids: Iterable[int]) -> list[int]:
    return sorted(set(ids))


def _ids(answers: dict[int, RoleAnswer]) -> dict[int, int | None]:
    return {pk: person_of(answer) for pk, answer in answers.items()}
