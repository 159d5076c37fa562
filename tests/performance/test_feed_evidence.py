"""Beside a fed RHK on the rating form: the lead's report on the member (input to the appraisal,
SPEC §6.5) and the team's results declared complete (WF-EVAL); for the leader setting the unit's
level, the unit's results declared complete in the period (SPEC §10.3 item 4, product decision).
Driven through the teams services on a Kotim pemda."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.performance.feed_selectors import fed_evidence, unit_results_declared
from sikerja.teams.models import TeamEvaluation
from tests.performance.notes_world import fed_member
from tests.teams.work.flow import approve_all, evaluate, open_reports, report_of, submit
from tests.teams.world import ON


@pytest.fixture(autouse=True)
def evidence_root(settings, tmp_path):
    settings.SIKERJA_EVIDENCE_ROOT = tmp_path / "evidence"


@pytest.fixture
def fed_team(django_capture_on_commit_callbacks):
    """A Kotim team (lead: the JF Ahli Muda; member: the Pelaksana of the Subbidang), the
    member's SKP of 2026 with the team's RHK accepted by their own appraiser (the Kasubbid)."""
    return fed_member(django_capture_on_commit_callbacks)


@pytest.mark.django_db
def test_the_leads_report_and_the_declared_results_sit_beside_the_fed_rhk(fed_team):
    org, lead, member, team, skp = fed_team
    open_reports(team)
    submit(report_of(team, lead), member_results={member.pk: "Analisis data tuntas"})
    evaluation = evaluate(team, lead)
    approve_all(evaluation)

    rows = fed_evidence(skp, "QUARTERLY", 4)
    january = fed_evidence(skp, "MONTHLY", 1)

    assert len(rows) == 1
    assert rows[0].proposal.rhk.text == team.name
    assert [r.text for r in rows[0].reports] == ["Analisis data tuntas"]
    assert [(e.pk, e.status) for e in rows[0].declared] == [
        (evaluation.pk, TeamEvaluation.Status.DECLARED_COMPLETE)
    ]
    # The lead's report covers December: none for January (the team's result stays).
    assert (january[0].reports, len(january[0].declared)) == ([], 1)
    assert org.people["subbidang"].pk == rows[0].proposal.appraiser_id


@pytest.mark.django_db
def test_spec_10_3_item_4_the_units_results_declared_complete_in_the_period_feed_its_level(
    fed_team,
):
    org, lead, _member, team, _skp = fed_team
    evaluation = evaluate(team, lead)
    before = list(
        unit_results_declared(
            unit_id=org.units["bidang"].pk, year=2027, period_kind="QUARTERLY", period_index=1
        )
    )
    approve_all(evaluation)

    declared = unit_results_declared(
        unit_id=org.units["bidang"].pk, year=2027, period_kind="QUARTERLY", period_index=1
    )
    earlier = unit_results_declared(
        unit_id=org.units["bidang"].pk, year=2026, period_kind="QUARTERLY", period_index=4
    )
    elsewhere = unit_results_declared(
        unit_id=org.units["sekretariat"].pk, year=2027, period_kind="QUARTERLY", period_index=1
    )

    assert before == []
    assert [(e.team_id, e.declared_at.date()) for e in declared] == [(team.pk, dt.date(2027, 1, 4))]
    assert (list(earlier), list(elsewhere)) == ([], [])


@pytest.mark.django_db
def test_spec_10_3_item_4_only_the_level_setter_reads_the_units_declared_results(fed_team):
    from sikerja.core.errors import NotFound
    from sikerja.organization.rules import Viewer
    from sikerja.performance.feed_selectors import unit_results_for_level_setter

    org, lead, _member, team, _skp = fed_team
    approve_all(evaluate(team, lead))
    query = {"unit_id": org.units["bidang"].pk, "year": 2027, "period_kind": "QUARTERLY"}

    def viewer_for_employee(employee):
        return Viewer(0, "uji", org.government, employee.pk, False, False)

    setter = viewer_for_employee(org.people["dinas"])
    rows = unit_results_for_level_setter(viewer=setter, period_index=1, on=ON, **query)
    with pytest.raises(NotFound):
        unit_results_for_level_setter(
            viewer=viewer_for_employee(lead), period_index=1, on=ON, **query
        )

    assert [row.team_id for row in rows] == [team.pk]
