"""A report demanded at any time by the unit head (V-53, WF-REPORT `REPORT_REQUESTED`): the
power where the pack grants it (Kotim, Blitar, Cilegon, Barut), refused with the article where
it does not (Surakarta has no such clause)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound, PermissionDenied, RuleViolation, StaleState
from sikerja.organization.models import Employee
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.enums import Strength
from sikerja.teams import rules
from sikerja.teams.completion import team_open_check
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.models import Team, TeamMember, TeamReport
from sikerja.teams.services.common import audit_team
from sikerja.teams.services.reports import REPORTING, open_report, reporting_of


def team_report_demand(
    *, team_id: int, by: Employee, author_id: int, at: dt.datetime, on: dt.date
) -> TeamReport:
    """The team's manager (its owner unit's head) demands a report of its lead or a member now,
    for the period from the team's start (or the day) to the day; it runs on the pack's chain.

    Implements: V-53. Raises NotFound, PermissionDenied, RuleViolation (V-53 not granted;
    declared complete, V-57), StaleState (a report of that person from that day exists).
    """
    team = (
        Team.objects.select_related("government")
        .filter(pk=team_id, government_id=by.government_id)
        .first()
    )
    if team is None:
        raise NotFound()
    team_open_check(team)
    pack = load_pack(team.government.pack_id)
    if pack.strength("V-53") not in {Strength.MAY, Strength.MUST}:
        raise RuleViolation(
            code=TeamErrorCode.ON_DEMAND_NOT_PROVIDED,
            message=_("%(pack)s tidak memberi kewenangan meminta laporan sewaktu-waktu.")
            % {"pack": pack.short},
            rule="V-53",
            citation=pack.citation_of("V-53") or pack.short,
        )
    if team.status not in REPORTING or rules.team_manager(team, on) != by.pk:
        raise PermissionDenied(
            _("Laporan sewaktu-waktu diminta oleh Pimpinan Unit Organisasi pemilik tim.")
        )
    role = (
        team.memberships.filter(employee_id=author_id, status=TeamMember.Status.ACTIVE)
        .values_list("role", flat=True)
        .first()
    )
    if role is None:
        raise NotFound()
    kind = TeamReport.Kind.LEAD if role == TeamMember.Role.LEAD else TeamReport.Kind.MEMBER
    with transaction.atomic():
        if TeamReport.objects.filter(
            team=team, kind=kind, author_id=author_id, period_start=on
        ).exists():
            raise StaleState(_("Laporan orang ini untuk hari ini sudah ada."))
        report = open_report(pack, reporting_of(pack), team, kind, author_id, (on, on), at, on)
        audit_team(
            team,
            by,
            "team.report_demanded",
            at,
            after={"report": report.pk, "author": author_id},
            rule="V-53",
            citation=pack.citation_of("V-53"),
        )
    return report
