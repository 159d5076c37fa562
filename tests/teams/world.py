"""Teams built through the services for end-to-end and rule tests, one small pemda per pack."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sikerja.organization.demo import generate
from sikerja.organization.models import Employee
from sikerja.teams import services
from sikerja.teams.inputs import SubActivity, TeamInput
from sikerja.teams.models import Team
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.conftest import NOW as DEMO_AT
from tests.conftest import TODAY as DEMO_ON
from tests.organization.builders import Org

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
ON = dt.date(2026, 11, 23)
START = dt.date(2026, 12, 1)
END = dt.date(2026, 12, 31)


def team_input(**overrides: object) -> TeamInput:
    """A complete proposal: every record any pack asks for is filled in."""
    values: dict[str, object] = {
        "name": "Tim Kerja Pendataan Sarana Kesehatan",
        "purpose": "Memutakhirkan data sarana kesehatan",
        "starts_on": START,
        "ends_on": END,
        "activity_ref": "PK 2026 Kegiatan 2.1 (tim)",
        "sub_activities": [SubActivity(name="Pendataan Sarana Kesehatan")],
        "cascaded_from": "Sasaran 2: cakupan layanan kesehatan",
        "composition_basis": "Target kinerja, ABK bidang, kompetensi analis",
        "competencies": ["analisis data"],
        "expected_target": "Data 40 sarana kesehatan terverifikasi",
        "lead_role_abk": Decimal("1.20"),
        "abk_reference": "ABK BKPSDM 2026 No. 12",
    }
    values.update(overrides)
    return TeamInput(**values)  # type: ignore[arg-type]


def instance_of(team: Team) -> WorkflowInstance:
    return WorkflowInstance.objects.get(subject_type="teams.team", subject_id=team.pk)


def open_step(team: Team) -> WorkflowStep:
    return instance_of(team).steps.get(status=WorkflowStep.Status.OPEN)


def decide(team: Team, decision: str = "approve", **kwargs: object) -> Team:
    """Decide the open step as its snapshotted actor."""
    step = open_step(team)
    actor = Employee.objects.get(pk=step.actor_id)
    return services.team_decide(
        step_id=step.pk, by=actor, decision=decision, at=NOW, on=ON, **kwargs
    )


def trail(team: Team) -> list[tuple[str, int | None, str]]:
    """(step key, actor employee id, decision) of every step of the formation, in order."""
    return list(
        instance_of(team).steps.order_by("seq").values_list("step_key", "actor_id", "decision")
    )


def staff(org: Org, *, pelaksana_unit: str = "bidang") -> dict[str, Employee]:
    """A JF Ahli Muda and a Pelaksana in the Bidang, a JF Ahli Pertama, a JF
    Terampil in the Bidang and a JF Ahli Muda in the Sekretariat."""
    return {
        "ahli_muda": org.staff("Rina Kusuma", "bidang", "FUNGSIONAL", "AHLI_MUDA"),
        "pelaksana": org.staff("Agus Salim", pelaksana_unit, "PELAKSANA"),
        "ahli_pertama": org.staff("Dewi Lestari", "bidang", "FUNGSIONAL", "AHLI_PERTAMA"),
        "terampil": org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "TERAMPIL"),
        "sekretariat": org.staff("Sri Wahyuni", "sekretariat", "FUNGSIONAL", "AHLI_MUDA"),
    }


def counts() -> tuple[int, int, int, int]:
    """Teams, memberships, audit events and letters: unchanged by every refusal."""
    from sikerja.audit.models import AuditEvent
    from sikerja.documents.models import Letter
    from sikerja.teams.models import TeamMember

    return (
        Team.objects.count(),
        TeamMember.objects.count(),
        AuditEvent.objects.count(),
        Letter.objects.count(),
    )


def refused(call, error=None):  # type: ignore[no-untyped-def]
    """Run a call that must be refused; assert nothing was written; return the error."""
    import pytest

    from sikerja.core.errors import DomainError

    before = counts()
    with pytest.raises(error or DomainError) as raised:
        call()
    assert counts() == before
    return raised.value


def pack_demo(pack_id: str, letter: str) -> tuple[Any, dict[str, int]]:
    """A demo pemda of the pack (80 employees, its personas' logins prefixed with its kode
    `<letter><PACK>`) and its personas' employee ids by persona name."""
    demo = generate(
        pack_id=pack_id,
        employees=80,
        seed=3,
        at=DEMO_AT,
        on=DEMO_ON,
        kode=f"{letter}{pack_id[:4].upper()}",
        username_prefix=True,
    )
    return demo, {name.split(".")[-1]: employee.pk for name, employee in demo.personas.items()}
