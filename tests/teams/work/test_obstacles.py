"""Problems and obstacles (WF-ISSUE): raised by the lead with recommendations (V-55) to the
first target of the pack's route (V-56), decided once, passed on for collaboration across
units, followed up and closed."""

from __future__ import annotations

import pytest

from sikerja.core.errors import PermissionDenied, RuleViolation, StaleState
from sikerja.organization.models import Employee
from sikerja.teams.models import Obstacle, ObstacleFollowUp
from sikerja.teams.services import team_propose
from sikerja.teams.services.obstacles import obstacle_decide, obstacle_follow_up, obstacle_raise
from tests.concurrency import race
from tests.organization.builders import add_agency, build_org
from tests.teams.work.helpers import actions, refused
from tests.teams.work.packs import active_team
from tests.teams.world import NOW, ON, decide, staff, team_input


def raise_(team, by, recommendations=("Tambah petugas verifikasi",)):
    return obstacle_raise(
        team_id=team.pk,
        by=by,
        problem="Akses ke 6 sarana di pedalaman terputus",
        recommendations=list(recommendations),
        at=NOW,
        on=ON,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("pack_id", "targets", "specified"),
    [
        ("kotim-2023", ["bidang"], True),
        ("cilegon-2023", ["bidang"], True),
        ("surakarta-2023", ["dinas", "bidang"], True),
        ("blitar-2023", ["bidang"], False),
        ("barut-2024", ["bidang"], False),
    ],
)
def test_v56_the_obstacle_goes_to_the_first_target_of_the_route_case(pack_id, targets, specified):
    org, people, team = active_team(pack_id)

    obstacle = raise_(team, people["ahli_muda"])

    assert obstacle.targets == [org.people[name].pk for name in targets]
    assert (obstacle.status, obstacle.route_specified, obstacle.collaborators) == (
        "UNDER_DECISION",
        specified,
        [],
    )
    assert actions(team)[-1] == "team.obstacle_raised"


@pytest.mark.django_db
def test_v55_kotim_lampiran_ii_b_3_an_obstacle_carries_a_recommendation():
    _org, people, team = active_team("kotim-2023")

    error = refused(lambda: raise_(team, people["ahli_muda"], [" "]), RuleViolation)

    assert (error.code, error.rule) == ("recommendation_required", "V-55")
    assert (
        error.citation
        == "Perbup Kotim 51/2023 Lampiran II.B.3 (pelaksanaan tugas) huruf a sampai c"
    )


@pytest.mark.django_db
def test_v55_blitar_is_silent_and_the_product_still_asks_for_a_recommendation():
    _org, people, team = active_team("blitar-2023")

    error = refused(lambda: raise_(team, people["ahli_muda"], []))

    assert (error.code, error.rule) == ("recommendation_required", "")
    assert error.citation == "keputusan produk (tidak diatur dalam peraturan)"


@pytest.mark.django_db
def test_teams_escalate_through_their_lead():
    _org, people, team = active_team("cilegon-2023")

    error = refused(lambda: raise_(team, people["pelaksana"]), PermissionDenied)

    assert error.code == "permission_denied"


@pytest.mark.django_db
def test_kotim_lampiran_ii_b_3_b_across_units_the_heads_where_members_sit_follow_up():
    org = build_org("kotim-2023")
    people = staff(org)
    team = team_propose(
        requester=org.people["bidang"],
        data=team_input(lead_id=people["ahli_muda"].pk, member_ids=[people["sekretariat"].pk]),
        at=NOW,
        on=ON,
    )
    team = decide(team, "approve")
    kabid, sekretaris = org.people["bidang"], org.people["sekretariat"]

    obstacle = raise_(team, people["ahli_muda"])
    obstacle_decide(
        obstacle_id=obstacle.pk,
        by=kabid,
        decision="Koordinasi data",
        collaborate=True,
        at=NOW,
        on=ON,
    )
    obstacle_follow_up(
        obstacle_id=obstacle.pk, by=sekretaris, text="Data dikirim", close=False, at=NOW, on=ON
    )
    refused(
        lambda: obstacle_follow_up(
            obstacle_id=obstacle.pk, by=sekretaris, text="x", close=True, at=NOW, on=ON
        ),
        PermissionDenied,
    )
    obstacle_follow_up(
        obstacle_id=obstacle.pk, by=people["ahli_muda"], text="Selesai", close=True, at=NOW, on=ON
    )

    assert (team.scope, obstacle.targets, obstacle.collaborators) == (
        "CROSS_UNIT",
        [kabid.pk],
        [sekretaris.pk],
    )
    assert Obstacle.objects.get().status == "CLOSED"
    assert list(ObstacleFollowUp.objects.order_by("pk").values_list("by_id", flat=True)) == [
        sekretaris.pk,
        people["ahli_muda"].pk,
    ]


@pytest.mark.django_db
def test_within_a_unit_there_is_no_one_to_collaborate_with():
    org, people, team = active_team("cilegon-2023")
    obstacle = raise_(team, people["ahli_muda"])

    error = refused(
        lambda: obstacle_decide(
            obstacle_id=obstacle.pk,
            by=org.people["bidang"],
            decision="x",
            collaborate=True,
            at=NOW,
            on=ON,
        )
    )

    assert error.code == "issue_no_collaboration_route"


@pytest.mark.django_db
def test_surakarta_the_unit_head_or_the_appraiser_decides_once():
    org, people, team = active_team("surakarta-2023")
    obstacle = raise_(team, people["ahli_muda"])

    obstacle_decide(
        obstacle_id=obstacle.pk,
        by=org.people["bidang"],
        decision="Tambah petugas",
        collaborate=False,
        at=NOW,
        on=ON,
    )
    late = refused(
        lambda: obstacle_decide(
            obstacle_id=obstacle.pk,
            by=org.people["dinas"],
            decision="Tunda",
            collaborate=False,
            at=NOW,
            on=ON,
        ),
        StaleState,
    )

    decided = Obstacle.objects.get()
    assert (decided.status, decided.decided_by_id, decided.decision) == (
        "DECIDED",
        org.people["bidang"].pk,
        "Tambah petugas",
    )
    assert late.code == "stale_state"


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_decisions_on_one_obstacle_exactly_one_wins():
    org, people, team = active_team("surakarta-2023")
    obstacle = raise_(team, people["ahli_muda"])
    deciders = [org.people["bidang"].pk, org.people["dinas"].pk]

    def run(person: Employee) -> str:
        obstacle_decide(
            obstacle_id=obstacle.pk,
            by=person,
            decision=f"oleh {person.pk}",
            collaborate=False,
            at=NOW,
            on=ON,
        )
        return f"won:{person.pk}"

    outcomes = race(run, deciders, ready=lambda pk: Employee.objects.get(pk=pk))

    stale, won = sorted(outcomes)
    decided = Obstacle.objects.get()
    assert stale == "stale"
    assert decided.decided_by_id == int(won.removeprefix("won:"))
    assert decided.decision == f"oleh {decided.decided_by_id}"


@pytest.mark.django_db
def test_kotim_lampiran_ii_b_3_c_across_pd_the_heads_of_the_members_pd_collaborate_too():
    org = build_org("kotim-2023")
    people = staff(org)
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    outsider = org.staff("Joko Widodo", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    team = team_propose(
        requester=org.people["bidang"],
        data=team_input(lead_id=people["ahli_muda"].pk, member_ids=[outsider.pk]),
        at=NOW,
        on=ON,
    )
    team = decide(team, "approve")

    obstacle = raise_(team, people["ahli_muda"])

    assert team.scope == "CROSS_PD"
    assert obstacle.targets == [org.people["bidang"].pk]
    assert obstacle.collaborators == [
        org.people["BAPPEDA.bidang"].pk,
        org.people["dinas"].pk,
        org.people["BAPPEDA.root"].pk,
    ]
