"""What the people of a unit carry on a day (V-61), counted for the whole subtree at once: the
load parts of the unit workload page (`teams.workload`) and the reads its training needs share
(the people placed in the unit, the penugasan in force)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from sikerja.assignments.models import AssignmentCandidate
from sikerja.assignments.rules import SUBJECT_TYPE as PENUGASAN
from sikerja.organization.models import Employee, OrgUnit, Placement
from sikerja.teams.models import PlanActivity, ProgressEntry, Rework, Team, TeamMember
from sikerja.workflows.models import WorkflowInstance

PEOPLE_SHOWN = 25
LOAD_PARTS = ("lead_teams", "member_teams", "pengendali_teams", "open_activities", "penugasan")


def count_of(queryset: QuerySet[Any], key: str) -> Coalesce:
    """A correlated COUNT of `queryset` rows whose `key` is the outer row."""
    counted = (
        queryset.filter(**{key: OuterRef("pk")})
        .order_by()
        .values(key)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def in_force(on: dt.date) -> QuerySet[AssignmentCandidate]:
    """The people named in a penugasan approved and in force on the day, except a team
    member's own penugasan (already counted as the team)."""
    approved = WorkflowInstance.objects.filter(
        subject_type=PENUGASAN,
        subject_id=OuterRef("assignment_id"),
        parent__isnull=True,
        status=WorkflowInstance.Status.APPROVED,
    )
    joined = TeamMember.objects.filter(assignment_id__isnull=False).values("assignment_id")
    return (
        AssignmentCandidate.objects.filter(Exists(approved))
        .exclude(answer=AssignmentCandidate.Answer.DECLINED)
        .filter(Q(assignment__starts_on__isnull=True) | Q(assignment__starts_on__lte=on))
        .filter(Q(assignment__ends_on__isnull=True) | Q(assignment__ends_on__gte=on))
        .exclude(assignment_id__in=joined)
    )


def on_team(role: str) -> QuerySet[Any]:
    return TeamMember.objects.filter(
        role=role, status=TeamMember.Status.ACTIVE, team__status=Team.Status.ACTIVE
    )


def open_activities() -> QuerySet[Any]:
    """Activities of active teams' plans not yet reported 100 % done."""
    done = ProgressEntry.objects.filter(activity_id=OuterRef("pk"), percent_complete=100)
    return PlanActivity.objects.filter(plan__team__status=Team.Status.ACTIVE).exclude(Exists(done))


def placed(unit: OrgUnit, on: dt.date) -> QuerySet[Placement]:
    return Placement.objects.effective_on(on).filter(
        government_id=unit.government_id, position__unit__path__startswith=unit.path
    )


def placed_people(unit: OrgUnit, on: dt.date) -> QuerySet[Employee]:
    """The people placed in the unit or below it on the day. Driven from the subtree's
    placements (an IN, which both databases plan as a semi-join from the few placements of a
    unit), not from every employee of the government."""
    subtree = placed(unit, on).values("employee_id")
    return Employee.objects.filter(government_id=unit.government_id, pk__in=subtree)


@dataclass(frozen=True)
class Load:
    """One person's counts, before the page names them."""

    employee_id: int
    name: str
    parts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.parts[part] for part in LOAD_PARTS)


def load_queries(on: dt.date) -> dict[str, tuple[QuerySet[Any], str]]:
    """What each load part counts, and the field naming the person it counts for."""
    return {
        "lead_teams": (on_team(TeamMember.Role.LEAD), "employee_id"),
        "member_teams": (on_team(TeamMember.Role.MEMBER), "employee_id"),
        "pengendali_teams": (Team.objects.filter(status=Team.Status.ACTIVE), "pengendali_id"),
        "open_activities": (open_activities(), "assignee_id"),
        "penugasan": (in_force(on), "employee_id"),
        "missed_targets": (Rework.objects.all(), "activity__assignee_id"),
    }


@dataclass(frozen=True)
class Loads:
    """What the people of a unit carry: the people who carry anything, most loaded first, then
    as many who carry nothing as the page may show (by name), and how many people there are."""

    ranked: list[Load]
    people_total: int

    def totals(self) -> list[int]:
        """Every person's total, those who carry nothing as zeros."""
        loaded = [load.total for load in self.ranked if load.total]
        return loaded + [0] * (self.people_total - len(loaded))


def loads(unit: OrgUnit, on: dt.date) -> Loads:
    """Every part counted once for the whole subtree with a GROUP BY (one query per part),
    rather than one correlated count per person, which a Perangkat Daerah of thousands makes
    the database repeat thousands of times; then only the people who carry something are ranked
    here, and the first few who carry nothing are read by name (3 more queries)."""
    people = placed_people(unit, on)
    counted: dict[str, dict[int, int]] = {}
    for part, (queryset, key) in load_queries(on).items():
        rows = (
            queryset.filter(**{f"{key}__in": people.values("pk")})
            .order_by()
            .values(key)
            .annotate(n=Count("pk"))
            .values_list(key, "n")
        )
        counted[part] = dict(rows)
    ids = sorted({pk for rows in counted.values() for pk in rows})
    loaded = [
        Load(pk, name, {part: counted[part].get(pk, 0) for part in counted})
        for pk, name in people.filter(pk__in=ids).values_list("pk", "name")
    ]
    idle = people.exclude(pk__in=ids).order_by("name", "pk").values_list("pk", "name")
    loaded += [Load(pk, name, dict.fromkeys(counted, 0)) for pk, name in idle[:PEOPLE_SHOWN]]
    ranked = sorted(loaded, key=lambda load: (-load.total, load.name, load.employee_id))
    return Loads(ranked=ranked, people_total=people.count())
