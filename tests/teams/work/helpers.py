"""Shared steps of the team-work tests: a plan of one activity, the audit trail of a team,
and the counts that every refusal leaves unchanged."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import DomainError
from sikerja.organization import services_people
from sikerja.organization.models import Employee, Placement
from sikerja.teams.models import (
    EvidenceFile,
    Feedback,
    MonitoringRecord,
    Obstacle,
    ProgressEntry,
    Rework,
    TeamPlan,
    WorkPlan,
)
from sikerja.teams.services.planning import ActivityInput, team_plan_save, team_plan_submit
from tests.teams.world import NOW, ON


def activity(**overrides: object) -> ActivityInput:
    values: dict[str, object] = {
        "name": "Verifikasi data sarana kesehatan",
        "output": "Berita acara verifikasi",
        "target": "40 sarana",
        "starts_on": dt.date(2026, 12, 1),
        "ends_on": dt.date(2026, 12, 20),
        "budget": Decimal("2500000.00"),
    }
    values.update(overrides)
    return ActivityInput(**values)  # type: ignore[arg-type]


def submitted_plan(team, lead, **overrides: object) -> TeamPlan:
    team_plan_save(
        team_id=team.pk,
        by=lead,
        strategy="Verifikasi lapangan per kecamatan",
        expected_target="Data 40 sarana terverifikasi",
        activities=[activity(**overrides)],
        at=NOW,
        on=ON,
    )
    return team_plan_submit(team_id=team.pk, by=lead, at=NOW, on=ON)


def actions(team) -> list[str]:
    return list(
        AuditEvent.objects.filter(object_type="teams.team", object_id=str(team.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


def work_counts() -> tuple[int, ...]:
    """Rows of every team-work model and audit events: unchanged by every refusal."""
    models = (
        TeamPlan,
        WorkPlan,
        ProgressEntry,
        EvidenceFile,
        Feedback,
        MonitoringRecord,
        Obstacle,
        Rework,
        AuditEvent,
    )
    return tuple(model.objects.count() for model in models)


def refused(call, error=DomainError):  # type: ignore[no-untyped-def]
    """Run a call that must be refused; assert nothing was written; return the error."""
    before = work_counts()
    with pytest.raises(error) as raised:
        call()
    assert work_counts() == before
    return raised.value


def replace_kabid(org, at: dt.datetime, later: dt.date) -> tuple[Employee, Employee]:  # type: ignore[no-untyped-def]
    """The Kabid's placement ends on `later`; a new Kabid takes the post from that day."""
    former = org.people["bidang"]
    services_people.placement_end(
        actor=org.actor,
        placement=Placement.objects.get(employee=former, valid_to__isnull=True),
        valid_to=later,
        at=at,
    )
    successor = org.person("Kepala Bidang Baru")
    org.place(successor, org.heads["bidang"], start=later)
    return former, successor
