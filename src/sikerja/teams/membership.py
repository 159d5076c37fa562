"""Who is on a team: members checked against the pack, joined, and named in its letters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from sikerja.assignments.scope import scope_between
from sikerja.core.errors import ValidationFailed
from sikerja.organization.models import Employee, OrgUnit, Placement
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.schema.workflows import Scope
from sikerja.teams import checks
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.models import Team, TeamMember

SCOPE_ORDER = (Scope.WITHIN_UNIT, Scope.CROSS_UNIT, Scope.CROSS_PD, Scope.CROSS_INSTANSI)


def people(team_government_id: int, ids: Iterable[int], field: str) -> list[Employee]:
    """The employees named by id, all of the team's government, in the order given."""
    wanted = list(dict.fromkeys(int(pk) for pk in ids))
    found = {
        e.pk: e for e in Employee.objects.filter(pk__in=wanted, government_id=team_government_id)
    }
    if len(found) != len(wanted):
        raise ValidationFailed(
            code=TeamErrorCode.UNKNOWN_VALUE,
            message=_("Pegawai yang disebut tidak ditemukan."),
            fields={field: _("Tidak ditemukan.")},
        )
    return [found[pk] for pk in wanted]


def members_check(pack: LoadedPack, team: Team, ids: list[int], on: dt.date) -> list[Placement]:
    """Members exist in the government, are placed, and hold a kind the pack admits (V-33)."""
    if not ids:
        raise ValidationFailed(
            code=TeamErrorCode.MISSING_FIELDS,
            message=_("Sebutkan anggota tim."),
            fields={"member_ids": _("Wajib diisi.")},
        )
    current = set(
        TeamMember.objects.filter(team=team)
        .exclude(status=TeamMember.Status.ENDED)
        .values_list("employee_id", flat=True)
    )
    if current & set(ids):
        raise ValidationFailed(
            code=TeamErrorCode.ALREADY_MEMBER,
            message=_("Pegawai itu sudah menjadi anggota tim."),
            fields={"member_ids": _("Sudah menjadi anggota.")},
        )
    placements = [
        checks.placement_of(pack, e, on) for e in people(team.government_id, ids, "member_ids")
    ]
    checks.member_kind_check(pack, placements)
    return placements


def widest_scope(pack: LoadedPack, owner: OrgUnit, placements: Iterable[Placement]) -> str:
    """V-69: a team's scope is the widest among its people's home units."""
    scopes = [scope_between(pack, owner, p.position.unit, external=False) for p in placements]
    return max(scopes, key=SCOPE_ORDER.index, default=Scope.WITHIN_UNIT).value


def join(
    team: Team,
    ids: list[int],
    *,
    role: str,
    valid_from: dt.date | None = None,
    status: str = TeamMember.Status.PROPOSED,
) -> list[TeamMember]:
    """Add people to the team (each with their home unit at the time)."""
    homes = _home_units(ids)
    return TeamMember.objects.bulk_create(
        TeamMember(
            government_id=team.government_id,
            team=team,
            employee_id=pk,
            role=role,
            status=status,
            home_unit_id=homes.get(pk),
            valid_from=valid_from or team.starts_on,
        )
        for pk in ids
    )


def _home_units(ids: list[int]) -> dict[int, int]:
    found: dict[int, int] = {}
    for employee_id, unit_id in (
        Placement.objects.filter(employee_id__in=ids)
        .order_by("employee_id", "-valid_from")
        .values_list("employee_id", "position__unit_id")
    ):
        found.setdefault(employee_id, unit_id)
    return found


def letter_body(team: Team) -> dict[str, Any]:
    """The fields a team's letter takes: name, purpose, period and every member (V-69)."""
    links = list(
        team.memberships.exclude(status=TeamMember.Status.ENDED)
        .select_related("employee", "home_unit")
        .order_by("role", "pk")
    )
    positions = _positions_of([link.employee_id for link in links])
    return {
        "team_id": team.pk,
        "title": team.name,
        "team_name": team.name,
        "subject": "TEAM",
        "scope": team.scope,
        "scope_label": str(team.get_scope_display()),
        "purpose": team.purpose,
        "activity": team.activity_ref,
        "starts_on": team.starts_on.isoformat(),
        "ends_on": team.ends_on.isoformat(),
        "owner_unit": team.owner_unit.name,
        "owner_agency": team.owner_unit.agency.name,
        "assignees": [
            {
                "employee_id": link.employee_id,
                "name": link.employee.full_name,
                "nip": link.employee.nip,
                "role": str(link.get_role_display()),
                **positions.get(link.employee_id, {"position": "", "unit": ""}),
            }
            for link in links
        ],
    }


def _positions_of(employee_ids: list[int]) -> dict[int, dict[str, str]]:
    found: dict[int, dict[str, str]] = {}
    for placement in (
        Placement.objects.filter(employee_id__in=employee_ids)
        .select_related("position__unit")
        .order_by("employee_id", "-valid_from")
    ):
        found.setdefault(
            placement.employee_id,
            {"position": placement.position.title, "unit": placement.position.unit.name},
        )
    return found
