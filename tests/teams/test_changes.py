"""Changes to an active team: a member replaced, the lead's vacancy (V-13) recorded and
filled, the team dissolved or expired at its period's end; each audited, with its letter."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import PermissionDenied
from sikerja.documents.models import Letter
from sikerja.regulations.loader import load_pack
from sikerja.teams.checks import vacancy_deadline
from sikerja.teams.models import Team, TeamMember
from sikerja.teams.selectors import is_lead_overdue
from sikerja.teams.services import team_propose
from sikerja.teams.services.changes import (
    team_dissolve,
    team_lead_fill,
    team_lead_vacate,
    team_member_replace,
    teams_expire,
)
from tests.organization.builders import build_org
from tests.teams.world import NOW, ON, decide, refused, staff, team_input


def actions(team: Team) -> list[str]:
    return list(
        AuditEvent.objects.filter(object_type="teams.team", object_id=str(team.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


def kotim_team():
    org = build_org("kotim-2023")
    people = staff(org)
    team = team_propose(
        requester=org.people["bidang"],
        data=team_input(lead_id=people["ahli_muda"].pk, member_ids=[people["pelaksana"].pk]),
        at=NOW,
        on=ON,
    )
    return org, people, decide(team, "approve")


def surakarta_team():
    org = build_org("surakarta-2023")
    people = staff(org)
    team = team_propose(
        requester=org.people["dinas"],
        data=team_input(
            candidate_ids=[people["ahli_muda"].pk, people["ahli_pertama"].pk],
            member_ids=[people["pelaksana"].pk],
            appraiser_consideration="Keduanya kompeten",
        ),
        owner_unit_id=org.units["bidang"].pk,
        at=NOW,
        on=ON,
    )
    decide(team, "approve", lead_id=people["ahli_muda"].pk)
    return org, people, decide(team, "approve")


@pytest.mark.parametrize(
    ("vacant_on", "due_on"),
    [
        (dt.date(2027, 1, 28), dt.date(2027, 4, 30)),
        (dt.date(2027, 3, 31), dt.date(2027, 4, 30)),
        (dt.date(2027, 4, 1), dt.date(2027, 7, 31)),
        (dt.date(2027, 10, 5), dt.date(2028, 1, 31)),
        (dt.date(2027, 12, 10), dt.date(2028, 1, 31)),
    ],
)
def test_v13_pasal_27_ayat_2_the_deadline_is_the_first_quarter_month_after_the_vacancy(
    vacant_on, due_on
):
    assert vacancy_deadline(load_pack("surakarta-2023"), vacant_on) == due_on


@pytest.mark.django_db
def test_v13_v31_a_vacant_lead_keeps_the_team_active_flagged_overdue_then_filled_by_the_sekda():
    org, people, team = surakarta_team()
    kadis, sekda = org.people["dinas"], org.people["setda"]

    team = team_lead_vacate(
        team_id=team.pk, by=kadis, vacant_on=dt.date(2026, 12, 10), reason="Mutasi", at=NOW, on=ON
    )
    overdue = [is_lead_overdue(team, day) for day in (dt.date(2027, 1, 31), dt.date(2027, 2, 1))]
    by_kadis = refused(
        lambda: team_lead_fill(
            team_id=team.pk, by=kadis, lead_id=people["ahli_pertama"].pk, at=NOW, on=ON
        ),
        PermissionDenied,
    )
    late = dt.date(2027, 2, 3)
    team = team_lead_fill(
        team_id=team.pk, by=sekda, lead_id=people["ahli_pertama"].pk, at=NOW, on=late
    )

    assert overdue == [False, True]
    assert by_kadis.code == "permission_denied"
    assert (team.status, team.lead_id, team.lead_vacant_since, team.lead_due_on) == (
        Team.Status.ACTIVE,
        people["ahli_pertama"].pk,
        None,
        None,
    )
    vacated = AuditEvent.objects.get(object_id=str(team.pk), action="team.lead_vacated")
    filled = AuditEvent.objects.get(object_id=str(team.pk), action="team.lead_filled")
    assert (vacated.after["due_on"], vacated.rule) == ("2027-01-31", "V-13")
    assert filled.after == {"lead": people["ahli_pertama"].pk, "overdue": True}
    assert list(
        TeamMember.objects.filter(team=team, role="LEAD")
        .order_by("pk")
        .values_list("employee_id", "status", "valid_to")
    ) == [
        (people["ahli_muda"].pk, "ENDED", dt.date(2026, 12, 10)),
        (people["ahli_pertama"].pk, "ACTIVE", None),
    ]


@pytest.mark.django_db
def test_v13_silent_in_kotim_a_vacancy_has_no_deadline():
    org, _people, team = kotim_team()

    team = team_lead_vacate(
        team_id=team.pk, by=org.people["bidang"], vacant_on=ON, reason="Pensiun", at=NOW, on=ON
    )

    assert (team.status, team.lead_id, team.lead_vacant_since, team.lead_due_on) == (
        Team.Status.ACTIVE,
        None,
        ON,
        None,
    )


@pytest.mark.django_db
def test_a_member_is_replaced_by_the_unit_head_with_a_letter_naming_both():
    org, people, team = kotim_team()
    kabid = org.people["bidang"]
    old, new = people["pelaksana"], people["ahli_pertama"]

    denied = refused(
        lambda: team_member_replace(
            team_id=team.pk,
            by=people["ahli_muda"],
            old_employee_id=old.pk,
            new_employee_id=new.pk,
            reason="Cuti",
            at=NOW,
            on=ON,
        ),
        PermissionDenied,
    )
    team_member_replace(
        team_id=team.pk,
        by=kabid,
        old_employee_id=old.pk,
        new_employee_id=new.pk,
        reason="Cuti besar",
        at=NOW,
        on=ON,
    )

    assert denied.code == "permission_denied"
    assert list(
        TeamMember.objects.filter(team=team, role="MEMBER")
        .order_by("pk")
        .values_list("employee_id", "status", "end_reason")
    ) == [(old.pk, "ENDED", "Cuti besar"), (new.pk, "ACTIVE", "")]
    letter = Letter.objects.order_by("-pk").first()
    assert (letter.doc_type, letter.title, letter.signer["employee_id"]) == (
        "ASSIGNMENT_LETTER",
        f"Surat Penugasan tentang Perubahan Anggota {team.name}",
        kabid.pk,
    )
    assert [a["employee_id"] for a in letter.addressees] == [
        people["ahli_muda"].pk,
        new.pk,
        old.pk,
    ]
    assert actions(team)[-1] == "team.member_replaced"


@pytest.mark.django_db
def test_the_unit_head_dissolves_a_team_by_a_letter_of_its_instrument():
    org, _people, team = surakarta_team()
    kadis = org.people["dinas"]

    team = team_dissolve(team_id=team.pk, by=kadis, reason="Kegiatan dibatalkan", at=NOW, on=ON)

    assert (team.status, team.ended_on, team.end_reason) == (
        Team.Status.DISSOLVED,
        ON,
        "Kegiatan dibatalkan",
    )
    assert set(TeamMember.objects.filter(team=team).values_list("status", flat=True)) == {"ENDED"}
    letter = Letter.objects.order_by("-pk").first()
    assert (letter.doc_type, letter.title) == (
        "DECREE",
        f"Keputusan tentang Pembubaran {team.name}",
    )
    assert actions(team)[-1] == "team.dissolved"


@pytest.mark.django_db
def test_v64_a_team_expires_the_day_after_its_period_ends():
    org, _people, team = kotim_team()

    before = teams_expire(government_id=org.government.pk, at=NOW, on=team.ends_on)
    after = teams_expire(
        government_id=org.government.pk, at=NOW, on=team.ends_on + dt.timedelta(days=1)
    )
    team.refresh_from_db()

    assert (before, after) == ([], [team.pk])
    assert (team.status, team.ended_on) == (Team.Status.EXPIRED, team.ends_on)
    event = AuditEvent.objects.get(object_id=str(team.pk), action="team.expired")
    assert (event.actor_label, event.after) == ("system", {"ends_on": "2026-12-31"})
