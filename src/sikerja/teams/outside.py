"""Members from another unit or Perangkat Daerah join through their own penugasan (V-69).

Each member placed outside the owner's unit organisasi gets their own direct-appointment
request, asked by the team's proposer of that member's own side on the pack's penugasan flow
(cross-unit or cross-PD): the member stays PENDING until their side approves and they receive
their letter; a refusal ends their membership. Nothing is derived from the first-named member.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from sikerja.assignments.models import Assignment
from sikerja.assignments.scope import organisation_unit
from sikerja.assignments.services import RequestInput, assignment_request_submit
from sikerja.organization.models import Employee
from sikerja.regulations.loader import LoadedPack
from sikerja.teams import checks
from sikerja.teams.models import Team, TeamMember


def outside_members(pack: LoadedPack, team: Team) -> list[TeamMember]:
    """The team's proposed people placed outside its owner's unit organisasi, not yet asked."""
    base = organisation_unit(pack, team.owner_unit)
    links = team.memberships.filter(
        status=TeamMember.Status.PROPOSED, assignment_id__isnull=True
    ).select_related("home_unit")
    return [
        link
        for link in links
        if link.home_unit is not None and not checks.is_within(link.home_unit, base)
    ]


def request_for_members(
    pack: LoadedPack, team: Team, requester: Employee, at: dt.datetime, on: dt.date
) -> list[int]:
    """Ask each outside member's own side, one penugasan per member; they wait as PENDING."""
    asked = []
    for link in outside_members(pack, team):
        assignment = assignment_request_submit(
            requester=requester,
            data=RequestInput(
                mode=Assignment.Mode.APPOINTMENT,
                subject=Assignment.Subject.INDIVIDUAL,
                title=_("Anggota %(team)s") % {"team": team.name},
                candidate_ids=[link.employee_id],
                purpose=team.purpose,
                competencies=list(team.competencies),
                expected_target=team.expected_target,
                team_name=team.name,
                starts_on=max(team.starts_on, on),
                ends_on=team.ends_on,
            ),
            at=at,
            on=on,
        )
        TeamMember.objects.filter(pk=link.pk).update(
            status=TeamMember.Status.PENDING, assignment_id=assignment.pk
        )
        asked.append(assignment.pk)
    return asked
