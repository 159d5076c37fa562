"""What the work system feeds into performance management, read from the apps that own it:
the people an accepted penugasan names and the members of an active team (SPEC §6.5, §10.1).

The engine tells this app when an instance closes (`workflows.events`); these reads answer who
that work is for. Performance depends on assignments and teams, never the other way round
(the `apps-acyclic` contract).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sikerja.assignments.models import Assignment, AssignmentCandidate
from sikerja.teams.models import Team, TeamMember
from sikerja.workflows.models import WorkflowInstance

PENUGASAN_SUBJECT = "assignments.assignment"
TEAM_SUBJECT = "teams.team"
FEEDING_SUBJECTS = (PENUGASAN_SUBJECT, TEAM_SUBJECT)
ASSIGNMENT = "ASSIGNMENT"
TEAM = "TEAM"
FEEDING_TEAMS = (Team.Status.ACTIVE, Team.Status.EXPIRED, Team.Status.COMPLETED)


@dataclass(frozen=True)
class Feed:
    """One piece of work for one employee: where it comes from and what it is for."""

    source: str
    source_id: int
    employee_id: int
    role: str
    title: str
    target: str
    starts_on: dt.date
    ends_on: dt.date


def _assignment_feeds(assignment: Assignment, on: dt.date) -> list[Feed]:
    people = AssignmentCandidate.objects.filter(assignment=assignment).exclude(
        answer=AssignmentCandidate.Answer.DECLINED
    )
    starts_on = assignment.starts_on or on
    return [
        Feed(
            ASSIGNMENT,
            assignment.pk,
            employee_id,
            "",
            assignment.title,
            assignment.expected_target or assignment.individual_target,
            starts_on,
            assignment.ends_on or starts_on,
        )
        for employee_id in people.order_by("order").values_list("employee_id", flat=True)
    ]


def _membership_feed(team: Team, member: TeamMember) -> Feed:
    return Feed(
        TEAM,
        team.pk,
        member.employee_id,
        member.role,
        team.name,
        member.responsibility or team.expected_target,
        max(member.valid_from, team.starts_on),
        member.valid_to or team.ends_on,
    )


def team_feeds(team_id: int) -> list[Feed]:
    """Every member (the lead included) active on an active or finished team (1 + 1 queries)."""
    team = Team.objects.filter(pk=team_id, status__in=FEEDING_TEAMS).first()
    if team is None:
        return []
    members = team.memberships.filter(status=TeamMember.Status.ACTIVE).order_by("pk")
    return [_membership_feed(team, member) for member in members]


def feeds_of_instance(instance: WorkflowInstance, on: dt.date) -> list[Feed]:
    """The work a closed, approved instance gives: a penugasan its people (a member's own
    penugasan into a team gives that team's membership, V-69), a team its members."""
    if instance.subject_type == TEAM_SUBJECT:
        return team_feeds(instance.subject_id)
    if instance.subject_type != PENUGASAN_SUBJECT:
        return []
    member = (
        TeamMember.objects.filter(assignment_id=instance.subject_id).select_related("team").first()
    )
    if member is not None:
        if member.status != TeamMember.Status.ACTIVE:
            return []
        return [_membership_feed(member.team, member)]
    assignment = Assignment.objects.filter(pk=instance.subject_id).first()
    return _assignment_feeds(assignment, on) if assignment is not None else []


def approved_instances(government_id: int) -> list[WorkflowInstance]:
    """Every approved top-level penugasan and team instance of a government (for a replay)."""
    return list(
        WorkflowInstance.objects.filter(
            government_id=government_id,
            parent__isnull=True,
            status=WorkflowInstance.Status.APPROVED,
            subject_type__in=FEEDING_SUBJECTS,
        ).order_by("pk")
    )


def active_team_ids(government_id: int) -> list[int]:
    """Teams whose members feed SKPs (active, expired or completed), for a replay."""
    return list(
        Team.objects.filter(
            government_id=government_id,
            status__in=FEEDING_TEAMS,
        ).values_list("pk", flat=True)
    )
